/// Settings of `EquilibriumEnumerator`, with documented defaults.
public struct EnumerationOptions: Sendable {
    /// Remove strictly dominated strategies (by pure strategies, iterated) before enumerating; the
    /// steps are reported and equilibria are mapped back to the full game. Default true.
    public var eliminateDominated: Bool
    /// Worker threads for the vertex search (`>= 1`; games with fewer than 2000 bases per polytope use
    /// one). Results are identical for every count. Default 2.
    public var threads: Int
    /// Checked every few thousand bases; when set, the search stops and reports what it has.
    public var cancellation: CancellationFlag?
    /// Wall-clock budget [s]; past it the search stops like a cancellation. Default none.
    public var timeBudgetSeconds: Double?
    /// Approximate (`Double`) games only: after each player's payoffs are mapped into `[1, 2]`, a
    /// coordinate or slack within this absolute distance of 0 counts as 0 (a label), and a candidate is
    /// rejected only when it violates a constraint by more than this. Default 1e-9.
    public var approximateTolerance: Double

    public init(
        eliminateDominated: Bool = true, threads: Int = 2, cancellation: CancellationFlag? = nil,
        timeBudgetSeconds: Double? = nil, approximateTolerance: Double = 1e-9
    ) {
        precondition(threads >= 1, "threads must be >= 1")
        precondition(approximateTolerance > 0 && approximateTolerance < 1e-3, "tolerance out of range")
        self.eliminateDominated = eliminateDominated
        self.threads = threads
        self.cancellation = cancellation
        self.timeBudgetSeconds = timeBudgetSeconds
        self.approximateTolerance = approximateTolerance
    }
}
