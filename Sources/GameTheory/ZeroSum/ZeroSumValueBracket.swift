import BigInt

/// An exact bracket lower ≤ value ≤ upper from floating-point strategies of an exact game.
///
/// Each strategy is rounded to an exact one: weights Xᵢ = round(xᵢ · 2⁵²) (integers, not all 0),
/// x̂ = X / ΣX; likewise Ŷ for y. Then lower = minⱼ (x̂ᵀA)ⱼ is what x̂ guarantees and
/// upper = maxᵢ (A ŷ)ᵢ what ŷ concedes, so the value lies between them (minimax theorem). Rounding
/// moves each probability by at most 2⁻⁵³, so the bracket is as tight as the strategies allow.
///
/// The minimizing column and maximizing row are found on the positive integer payoffs M (a
/// positive affine image of A, so the same column and row) with `Int128` sums of 52-bit × 62-bit
/// products (`BigInt` if a sum overflows or M does not fit); only the two bounds themselves are
/// computed in rationals.
enum ZeroSumValueBracket {
    /// Bits of the fixed-point weights.
    static let weightBits = 52

    /// - Precondition: `row.count == payoffs.rows`, `column.count == payoffs.columns`.
    /// - Complexity: O(m · n) integer operations plus O(m + n) rational ones.
    static func bracket(
        payoffs: Matrix<Rational>, integers: ZeroSumIntegerPayoffs, row: [Double], column: [Double]
    ) -> (lower: Rational, upper: Rational) {
        let x = weights(row), y = weights(column)
        let m = integers.rows, n = integers.columns
        let worstColumn: Int, bestRow: Int
        if let small = integers.small, let found = extremes(small, m, n, x, y) {
            (worstColumn, bestRow) = found
        } else {
            (worstColumn, bestRow) = bigExtremes(integers.big, m, n, x, y)
        }
        let xSum = BigInt(x.reduce(0, +)), ySum = BigInt(y.reduce(0, +))
        var lower = Rational.zero
        for i in 0..<m where x[i] != 0 { lower += payoffs[i, worstColumn] * Rational(x[i]) }
        var upper = Rational.zero
        for j in 0..<n where y[j] != 0 { upper += payoffs[bestRow, j] * Rational(y[j]) }
        return (lower * Rational(1, xSum), upper * Rational(1, ySum))
    }

    /// Fixed-point weights round(pᵢ · 2⁵²) of a probability vector (negative entries count as 0);
    /// uniform weights 1 if every weight rounds to 0, so that the result is always a strategy.
    static func weights(_ probabilities: [Double]) -> [Int] {
        let scale = Double(1 << weightBits)
        let weights = probabilities.map { p -> Int in
            guard p > 0 else { return 0 }
            return Int((min(p, 1) * scale).rounded())
        }
        return weights.contains(where: { $0 > 0 }) ? weights : [Int](repeating: 1, count: probabilities.count)
    }

    /// (argminⱼ (XᵀM)ⱼ, argmaxᵢ (M Y)ᵢ) in `Int128`, or nil on overflow.
    private static func extremes(_ entries: [Int], _ m: Int, _ n: Int, _ x: [Int], _ y: [Int]) -> (Int, Int)? {
        var columnTotals = [Int128](repeating: 0, count: n)
        var bestRow = 0
        var bestRowTotal = Int128.min
        for i in 0..<m {
            let weight = Int128(x[i])
            var rowTotal: Int128 = 0
            for j in 0..<n {
                let entry = Int128(entries[i * n + j])
                if weight != 0 {
                    let (next, overflow) = columnTotals[j].addingReportingOverflow(weight * entry)
                    if overflow { return nil }
                    columnTotals[j] = next
                }
                if y[j] != 0 {
                    let (next, overflow) = rowTotal.addingReportingOverflow(entry * Int128(y[j]))
                    if overflow { return nil }
                    rowTotal = next
                }
            }
            if rowTotal > bestRowTotal { (bestRow, bestRowTotal) = (i, rowTotal) }
        }
        let worstColumn = columnTotals.indices.min { columnTotals[$0] < columnTotals[$1] }!
        return (worstColumn, bestRow)
    }

    private static func bigExtremes(_ entries: [BigInt], _ m: Int, _ n: Int, _ x: [Int], _ y: [Int]) -> (Int, Int) {
        var columnTotals = [BigInt](repeating: 0, count: n)
        var rowTotals = [BigInt](repeating: 0, count: m)
        for i in 0..<m {
            for j in 0..<n {
                let entry = entries[i * n + j]
                if x[i] != 0 { columnTotals[j] += entry * BigInt(x[i]) }
                if y[j] != 0 { rowTotals[i] += entry * BigInt(y[j]) }
            }
        }
        let worstColumn = columnTotals.indices.min { columnTotals[$0] < columnTotals[$1] }!
        let bestRow = rowTotals.indices.max { rowTotals[$0] < rowTotals[$1] }!
        return (worstColumn, bestRow)
    }
}
