import Optimization

/// The solution of a zero-sum (or constant-sum) game: its value and optimal mixed strategies of
/// both players, with the evidence that they are optimal.
///
/// Invariants: strategies are ≥ 0 and sum to 1 (exactly for the exact ones, up to rounding for the
/// doubles); `exactValue`, `exactRowStrategy` and `exactColumnStrategy` are all present or all nil;
/// when present they passed the exact certificate minⱼ (xᵀA)ⱼ == maxᵢ (A y)ᵢ == value, and `value`
/// and the `Double` strategies are their nearest doubles.
public struct ZeroSumSolution: Sendable {
    /// How exactly the value is known.
    public enum Confirmation: Sendable, Hashable {
        /// `exactValue` and the exact strategies passed the exact certificate.
        case exact
        /// Only `valueBounds` is exact: the value lies in [lower, upper].
        case bracketed
        /// The game has floating-point payoffs: only the `Double` certificate applies.
        case floatingPoint
    }

    /// The value: the row player's expected payoff under optimal play (in the units of A).
    public var value: Double
    /// The value exactly, when the game is exact and the LP's optimal basis was confirmed exactly.
    public var exactValue: Rational?
    /// Exact bounds lower ≤ value ≤ upper, for exact games: the guarantees of the LP's strategies
    /// rounded to exact rationals (a point interval when `exactValue` is known), nil otherwise.
    public var valueBounds: (lower: Rational, upper: Rational)?
    /// The row player's optimal mixed strategy (probability of each row).
    public var rowStrategy: [Double]
    /// The column player's optimal mixed strategy (probability of each column).
    public var columnStrategy: [Double]
    /// `rowStrategy` exactly, when confirmed.
    public var exactRowStrategy: [Rational]?
    /// `columnStrategy` exactly, when confirmed.
    public var exactColumnStrategy: [Rational]?
    /// maxᵢ (A y)ᵢ − minⱼ (xᵀA)ⱼ for the LP's strategies in `Double` (see `ZeroSumCertificate`);
    /// ≥ 0 up to rounding, and at most the solver's `certificateTolerance` allowance.
    public var certificateGap: Double
    /// Simplex iterations the LP took.
    public var lpIterations: Int
    /// The LP's status: always `.optimal` in a returned solution (other outcomes throw).
    public var lpStatus: LPStatus

    /// How exactly the value is known (derived from the optional fields).
    public var confirmation: Confirmation {
        if exactValue != nil { return .exact }
        return valueBounds != nil ? .bracketed : .floatingPoint
    }
}
