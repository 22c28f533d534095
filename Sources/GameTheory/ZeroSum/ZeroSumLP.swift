import Optimization

/// The linear program of a zero-sum game, as a plain value (built and tested without a solver).
///
/// For the row player's payoffs A (m × n), the payoffs are first mapped into [1, 2] by the positive
/// affine change a ↦ 1 + (a − lowest) / range (range = max − min, or 1 for a constant matrix), which
/// changes no optimal strategy and maps the value v to v′ = 1 + (v − lowest) / range ∈ [1, 2]. Then
///
///     maximize Σⱼ yⱼ   subject to   A′ y ≤ 1 (one row per row strategy),   y ≥ 0.
///
/// Its optimum is Σⱼ yⱼ = 1 / v′; the column player's optimal strategy is y / Σy, and the row
/// player's is u / Σu where u ≥ 0 are the row duals (the dual LP is min Σx s.t. A′ᵀx ≥ 1, x ≥ 0).
/// One LP thus gives both strategies. The all-slack basis (y = 0) is feasible, so no phase 1 is
/// needed, and the [1, 2] range keeps the LP well scaled whatever the payoff magnitudes.
///
/// Rows of the LP are the row player's strategies (index i), columns the column player's (index j).
public struct ZeroSumLP: Sendable, Hashable {
    /// Number of row strategies (LP rows).
    public let rows: Int
    /// Number of column strategies (LP columns).
    public let columns: Int
    /// The smallest payoff of A.
    public let lowestPayoff: Double
    /// max − min of A, or 1 when A is constant (so that the normalization is always defined);
    /// capped at the largest finite `Double` when max − min overflows (payoffs near ±1.8e308).
    public let payoffRange: Double
    /// payoffRange / 2, computed as max/2 − min/2 so that it never overflows.
    private let halfRange: Double
    /// The linear program described above.
    public let program: LinearProgram

    /// Builds the LP of the game whose row player receives `rowPayoffs`.
    ///
    /// - Precondition: every payoff is finite (as in every `BimatrixGame`).
    /// - Complexity: O(m · n).
    public init(rowPayoffs: Matrix<Double>) {
        precondition(rowPayoffs.elements.allSatisfy(\.isFinite), "payoffs must be finite")
        rows = rowPayoffs.rows
        columns = rowPayoffs.columns
        let lowest = rowPayoffs.elements.min()!
        let highest = rowPayoffs.elements.max()!
        // Halves first: max − min itself may overflow for finite payoffs of opposite signs.
        let halfRange = highest > lowest ? highest / 2 - lowest / 2 : 0.5
        lowestPayoff = lowest
        self.halfRange = halfRange
        payoffRange = min(2 * halfRange, .greatestFiniteMagnitude)
        var program = LinearProgram(sense: .maximize)
        program.variables = Array(repeating: LinearProgram.Variable(objective: 1, bounds: .lower(0)), count: columns)
        program.constraints.reserveCapacity(rows)
        for i in 0..<rows {
            var entries: [LinearProgram.Entry] = []
            entries.reserveCapacity(columns)
            for j in 0..<columns {
                entries.append(.init(column: j, coefficient: 1 + (rowPayoffs[i, j] / 2 - lowest / 2) / halfRange))
            }
            program.constraints.append(LinearProgram.Constraint(entries: entries, bounds: .upper(1)))
        }
        self.program = program
    }

    /// The game's value (row player's payoff, in the units of A) for the LP optimum `Σⱼ yⱼ`.
    ///
    /// - Precondition: `objective > 0` (the optimum lies in [1/2, 1]).
    public func value(fromObjective objective: Double) -> Double {
        precondition(objective > 0, "the LP optimum of a zero-sum game is positive")
        // lowest + range · t for t = 1/objective − 1 ∈ [0, 1], in halves so that nothing overflows.
        let half = halfRange * (1 / objective - 1)
        return (lowestPayoff + half) + half
    }

    /// Both players' mixed strategies read from an LP solution: y / Σy for the column player and
    /// u / Σu (row duals) for the row player. Entries below 0 (rounding, at most the solver's
    /// tolerance) are set to 0 before normalizing, so each strategy is ≥ 0 and sums to 1 up to
    /// rounding.
    ///
    /// - Returns: nil when the solution lacks values or a side has no positive weight (only
    ///   possible for a solution that is not optimal).
    public func strategies(from solution: LPSolution) -> (row: [Double], column: [Double])? {
        guard solution.primalValues.count == columns, solution.rowDuals.count == rows,
            let column = Self.normalized(solution.primalValues),
            let row = Self.normalized(solution.rowDuals)
        else { return nil }
        return (row, column)
    }

    /// `weights` clamped at 0 and divided by their sum, or nil when the sum is not positive.
    static func normalized(_ weights: [Double]) -> [Double]? {
        let clamped = weights.map { max(0, $0) }
        let total = clamped.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        return clamped.map { $0 / total }
    }
}
