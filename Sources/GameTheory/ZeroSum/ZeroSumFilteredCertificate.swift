import BigInt

/// The exact zero-sum certificate for big-integer numerators, with a floating-point filter.
///
/// Checks, for positive integer payoffs M (`Int` entries ≥ 1), numerators z, w ≥ 0 and
/// denominators dz, dw > 0:
///
///     Σ_b M[i, C_b] z_b ≤ dz  for every row i,     Σ_a w_a M[R_a, j] ≥ dw  for every column j,
///     dz · Σw == dw · Σz.
///
/// Each inequality is first decided in `Double` with a rigorous error bound: with z scaled by
/// 2⁻ˢ to 53-bit integers q_b (so q_b·2ˢ ≤ z_b < (q_b + 1)·2ˢ), a row sum is at most
/// 2ˢ · Σ M (q_b + 1), and a sum of k positive `Double` terms is within a relative
/// (k + 1) · 2⁻⁵³ of its real value; a margin of (k + 2) · 2⁻⁵² decides the comparison for sure.
/// Only rows and columns within that margin (the tight ones, k of each at an optimum) are
/// summed exactly in `BigInt`. So the cost is O((m + n) · k) `Double` operations plus O(k²)
/// big-integer ones, instead of O((m + n) · k) big-integer operations.
enum ZeroSumFilteredCertificate {
    static func holds(
        _ entries: [Int], rows m: Int, columns n: Int, tightRows: [Int], basicColumns: [Int],
        z: [BigInt], zDenominator: BigInt, w: [BigInt], wDenominator: BigInt
    ) -> Bool {
        let k = z.count
        guard zDenominator.signum() > 0, wDenominator.signum() > 0,
            z.allSatisfy({ $0.signum() >= 0 }), w.allSatisfy({ $0.signum() >= 0 })
        else { return false }
        let zSum = z.reduce(BigInt(0), +), wSum = w.reduce(BigInt(0), +)
        guard zSum.signum() > 0, wSum.signum() > 0, zDenominator * wSum == wDenominator * zSum else { return false }
        let margin = Double(k + 2) * 0x1p-52
        // Rows: Σ_b M[i, C_b] z_b ≤ dz.
        let zScaled = scaled(z, zDenominator)
        for i in 0..<m {
            var upper = 0.0
            for (b, j) in basicColumns.enumerated() where !z[b].isZero {
                upper += Double(entries[i * n + j]) * (zScaled.values[b] + 1)
            }
            if upper * (1 + margin) < zScaled.denominator { continue }
            var total = BigInt(0)
            for (b, j) in basicColumns.enumerated() where !z[b].isZero { total += BigInt(entries[i * n + j]) * z[b] }
            if total > zDenominator { return false }
        }
        // Columns: Σ_a w_a M[R_a, j] ≥ dw.
        let wScaled = scaled(w, wDenominator)
        for j in 0..<n {
            var lower = 0.0
            for (a, i) in tightRows.enumerated() where !w[a].isZero {
                lower += Double(entries[i * n + j]) * wScaled.values[a]
            }
            if lower * (1 - margin) > wScaled.denominator + 1 { continue }
            var total = BigInt(0)
            for (a, i) in tightRows.enumerated() where !w[a].isZero { total += BigInt(entries[i * n + j]) * w[a] }
            if total < wDenominator { return false }
        }
        return true
    }

    /// ⌊v · 2⁻ˢ⌋ for each value and for the denominator, with s chosen so that all are below 2⁵³
    /// (hence exact as `Double`s).
    private static func scaled(_ values: [BigInt], _ denominator: BigInt) -> (values: [Double], denominator: Double) {
        let width = max(values.map(\.magnitude.bitWidth).max() ?? 0, denominator.magnitude.bitWidth)
        let shift = max(0, width - 53)
        func convert(_ value: BigInt) -> Double {
            let reduced = (value >> shift).magnitude
            return Double(UInt64(reduced.words.first ?? 0))
        }
        return (values.map(convert), convert(denominator))
    }
}
