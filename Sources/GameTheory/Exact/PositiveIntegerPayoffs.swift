import BigInt

/// One player's payoff matrix after the positive affine change `a ↦ (a - min) · L + 1`, where `L` is
/// the least common multiple of the denominators: every entry becomes an integer `>= 1`.
///
/// A positive affine change of one player's payoffs changes no best response and hence no
/// equilibrium, and positive payoffs make the best-response polytopes bounded with the origin inside.
/// Three views are kept: `BigInt` (always), `Int` (when every entry fits comfortably, for the overflow
/// checked fast path) and `Double` (the floating-point filter; `isExactlyRepresentable` tells
/// whether every entry is an integer below 2⁵³ and so exactly a `Double`).
struct PositiveIntegerPayoffs: Sendable {
    let rows: Int
    let columns: Int
    /// Row-major entries, each `>= 1`.
    let big: [BigInt]
    /// The same entries as `Int`, when all are below 2⁶².
    let small: [Int]?
    /// The nearest doubles of the entries.
    let doubles: [Double]
    let isExactlyRepresentable: Bool

    init(_ payoffs: Matrix<Rational>) {
        rows = payoffs.rows
        columns = payoffs.columns
        let elements = payoffs.elements
        var lcm = BigInt(1)
        for e in elements where e.denominator != 1 {
            let d = e.denominator
            lcm = lcm / BigInt(lcm.magnitude.greatestCommonDivisor(with: d.magnitude)) * d
        }
        let minimum = elements.min()!
        big = elements.map { e in
            let shifted = e - minimum   // >= 0, denominator divides lcm
            return shifted.numerator * (lcm / shifted.denominator) + 1
        }
        let limit = BigInt(1) << 62
        small = big.allSatisfy { $0 < limit } ? big.map { Int($0) } : nil
        doubles = big.map { Double($0) }
        let exactLimit = BigInt(1) << 53
        isExactlyRepresentable = big.allSatisfy { $0 < exactLimit }
    }

    /// The transposed matrix (for the column player's polytope, which is built on `Aᵀ`).
    func transposed() -> PositiveIntegerPayoffs { PositiveIntegerPayoffs(transposing: self) }

    private init(transposing p: PositiveIntegerPayoffs) {
        rows = p.columns
        columns = p.rows
        var big = [BigInt](), doubles = [Double](), small = p.small.map { _ in [Int]() }
        big.reserveCapacity(p.big.count)
        for i in 0..<p.columns {
            for j in 0..<p.rows {
                big.append(p.big[j * p.columns + i])
                doubles.append(p.doubles[j * p.columns + i])
                small?.append(p.small![j * p.columns + i])
            }
        }
        self.big = big
        self.small = small
        self.doubles = doubles
        isExactlyRepresentable = p.isExactlyRepresentable
    }
}

/// An approximate player's payoffs mapped by the positive affine change `a ↦ (a - min) / (max - min) + 1`
/// into `[1, 2]` (all ones when the matrix is constant), row-major.
func normalizedApproximatePayoffs(_ payoffs: Matrix<Double>) -> [Double] {
    let lo = payoffs.elements.min()!, hi = payoffs.elements.max()!
    guard hi > lo else { return [Double](repeating: 1, count: payoffs.elements.count) }
    let range = hi - lo
    return payoffs.elements.map { ($0 - lo) / range + 1 }
}
