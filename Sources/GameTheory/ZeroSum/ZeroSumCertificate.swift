/// What a pair of mixed strategies guarantees in a zero-sum game, computed in `Double`.
///
/// The row strategy x guarantees the row player at least `lowerGuarantee` = minⱼ (xᵀA)ⱼ whatever the
/// column player does; the column strategy y holds the row player to at most
/// `upperGuarantee` = maxᵢ (A y)ᵢ. By the minimax theorem lower ≤ value ≤ upper, with equality
/// exactly for optimal strategies, so `gap` = upper − lower ≥ 0 measures how far the pair is from
/// optimal (in payoff units; up to rounding of about 1e-16 · max|A| · (m + n)).
public struct ZeroSumCertificate: Sendable, Hashable {
    /// minⱼ (xᵀA)ⱼ: the row player's guaranteed payoff.
    public let lowerGuarantee: Double
    /// maxᵢ (A y)ᵢ: the most the column strategy concedes.
    public let upperGuarantee: Double

    /// upper − lower (≥ 0 up to rounding; 0 for an optimal pair).
    public var gap: Double { upperGuarantee - lowerGuarantee }

    /// - Precondition: `row.count == payoffs.rows`, `column.count == payoffs.columns`.
    /// - Complexity: O(m · n).
    public init(payoffs: Matrix<Double>, row: [Double], column: [Double]) {
        precondition(row.count == payoffs.rows && column.count == payoffs.columns, "strategy length mismatch")
        let m = payoffs.rows, n = payoffs.columns
        var columnPayoffs = [Double](repeating: 0, count: n)  // (xᵀA)ⱼ
        var upper = -Double.infinity
        payoffs.elements.withUnsafeBufferPointer { a in
            for i in 0..<m {
                let weight = row[i]
                var rowPayoff = 0.0  // (A y)ᵢ
                for j in 0..<n {
                    let entry = a[i * n + j]
                    columnPayoffs[j] += weight * entry
                    rowPayoff += entry * column[j]
                }
                upper = max(upper, rowPayoff)
            }
        }
        lowerGuarantee = columnPayoffs.min()!
        upperGuarantee = upper
    }
}
