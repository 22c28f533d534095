import BigInt

/// A point of a best-response polytope given exactly: `x_i = numerators[i] / denominator`, in lowest
/// terms (`denominator > 0`, `gcd(all numerators, denominator) == 1`), one numerator per own strategy.
/// Two exact points are equal exactly when they are the same point, so vertices found from several
/// bases (degenerate games) collapse to one.
struct ExactPoint: Hashable, Sendable {
    let numerators: [BigInt]
    let denominator: BigInt

    init(numerators: [BigInt], denominator: BigInt) {
        precondition(denominator.signum() > 0)
        var g = denominator.magnitude
        for n in numerators where !n.isZero && g != 1 { g = g.greatestCommonDivisor(with: n.magnitude) }
        if g == 1 {
            self.numerators = numerators
            self.denominator = denominator
        } else {
            let d = BigInt(g)
            self.numerators = numerators.map { $0 / d }
            self.denominator = denominator / d
        }
    }

    /// The mixed strategy `x / Σx`. - Precondition: the point is not the origin.
    var normalizedStrategy: [Rational] {
        let total = numerators.reduce(BigInt(0), +)
        precondition(!total.isZero, "the origin is no strategy")
        return numerators.map { Rational($0, total) }
    }
}

/// A vertex of a best-response polytope with its label set, as the vertex search reports it.
///
/// - `basis`: the support `I` and tight set `J` (`|I| = |J|`) of the basis it was found from.
/// - `zeroOwn`: own strategies `i` with `x_i = 0`; `tightOpponent`: opponent strategies `j` with
///   `(Cᵀx)_j = 1`. The labels of the vertex are these two sets; they are exact in exact mode.
/// - A vertex is *simple* when it has exactly `own` labels (then `zeroOwn` is the complement of `I`
///   and `tightOpponent == J`); a game is degenerate exactly when some vertex of one of its two
///   polytopes is not simple.
struct PolytopeVertex: Sendable {
    let basis: BasisKey
    let zeroOwn: StrategySet
    let tightOpponent: StrategySet
    /// The exact point, when it has been computed (vertices certified in floating point get it later,
    /// and only if they take part in an equilibrium).
    var exact: ExactPoint?
    /// The point in floating point (approximate games).
    var approximate: [Double]?

    var labelCount: Int { zeroOwn.count + tightOpponent.count }
}

/// A basis of a best-response polytope: own support `I` and tight opponent strategies `J`, both
/// ascending, `|I| == |J|`.
struct BasisKey: Hashable, Sendable, Comparable {
    let support: [Int]
    let tight: [Int]

    /// By size, then support, then tight set, lexicographically: the order the search visits them.
    static func < (a: BasisKey, b: BasisKey) -> Bool {
        if a.support.count != b.support.count { return a.support.count < b.support.count }
        if a.support != b.support { return a.support.lexicographicallyPrecedes(b.support) }
        return a.tight.lexicographicallyPrecedes(b.tight)
    }
}
