/// What a solver found for a game: the equilibria and the facts needed to read them.
///
/// This is the single value every renderer (table, JSON, CSV, the REPL) consumes; solving and
/// rendering stay separate.
public struct EquilibriumReport: Sendable {
    /// The game that was solved (the full game, before any elimination of dominated strategies).
    public var game: BimatrixGame
    /// The algorithm that produced `equilibria`: `support-enumeration`, `vertex-enumeration`
    /// (degenerate games: extreme equilibria), `lp` or `pure`.
    public var algorithm: String
    /// Equilibria in a deterministic order (see the solver's documentation), without duplicates.
    public var equilibria: [Equilibrium]
    /// Whether the game is degenerate; nil when the method used does not decide it.
    public var isDegenerate: Bool?
    /// The row player's value of a zero-sum or constant-sum game, when computed.
    public var value: Double?
    /// The value exactly, when it was confirmed exactly.
    public var exactValue: Rational?
    /// Strictly dominated strategies removed before solving, in the order they were removed.
    public var eliminated: [DominanceStep]
    /// False when the search was cancelled or ran out of its budget: `equilibria` is then partial.
    public var isComplete: Bool
    /// How far an incomplete search got, for people (e.g. "checked 1200 of 184756 support pairs").
    public var progressNote: String?
    /// Further remarks for people (e.g. "LP value confirmed exactly by certificate").
    public var notes: [String]

    public init(
        game: BimatrixGame, algorithm: String, equilibria: [Equilibrium], isDegenerate: Bool? = nil,
        value: Double? = nil, exactValue: Rational? = nil, eliminated: [DominanceStep] = [],
        isComplete: Bool = true, progressNote: String? = nil, notes: [String] = []
    ) {
        self.game = game
        self.algorithm = algorithm
        self.equilibria = equilibria
        self.isDegenerate = isDegenerate
        self.value = value
        self.exactValue = exactValue
        self.eliminated = eliminated
        self.isComplete = isComplete
        self.progressNote = progressNote
        self.notes = notes
    }
}

/// One step of iterated elimination of strictly dominated strategies: `player`'s strategy
/// `eliminated` (an index in the full game) is strictly worse than `dominatedBy` against every
/// remaining strategy of the opponent.
public struct DominanceStep: Sendable, Hashable {
    public let player: Player
    public let eliminated: Int
    public let dominatedBy: Int

    public init(player: Player, eliminated: Int, dominatedBy: Int) {
        self.player = player
        self.eliminated = eliminated
        self.dominatedBy = dominatedBy
    }
}
