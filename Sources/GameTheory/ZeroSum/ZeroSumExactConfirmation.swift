import BigInt

/// Exact confirmation of a zero-sum LP's optimal basis.
///
/// In the LP max Σy s.t. M y ≤ 1, y ≥ 0 (M the positive integer payoffs), a basis has k basic
/// columns C (the column player's support) and k non-basic, tight rows R (the row player's support).
/// The basis solution solves M[R, C] z = 1 (z = y · Σz) and the dual M[R, C]ᵀ w = 1 (w = x · Σw).
/// Both are solved exactly (`ZeroSumModularSolver` for payoffs that fit in `Int`, fraction-free
/// `BigInt` elimination otherwise), then the exact certificate is checked in integers: in `Int` with overflow detection
/// when the numerators fit, else by `ZeroSumFilteredCertificate` (exact, with a `Double` filter),
/// or in `BigInt` throughout for payoffs beyond `Int`:
///
///     z ≥ 0, w ≥ 0,  (M z)ᵢ ≤ 1 for every row i,  (wᵀM)ⱼ ≥ 1 for every column j,  Σz = Σw.
///
/// With y = z / Σz and x = w / Σw this says minⱼ (xᵀM)ⱼ = maxᵢ (M y)ᵢ = 1 / Σz: both strategies are
/// optimal and 1 / Σz is the value of M. The value of A is read off a tight row: (A y)ᵢ for i ∈ R.
enum ZeroSumExactConfirmation {
    struct Confirmed {
        let value: Rational
        let row: [Rational]
        let column: [Rational]
    }

    /// The exact optimal strategies and value for the basis (`tightRows`, `basicColumns`), or nil
    /// when the basis is not square, singular, or fails the exact certificate.
    ///
    /// - Complexity: O(k⁴) word operations for the multi-modular solve (k³/3 per prime, about
    ///   k · log₂(k · max M)/30 primes) plus O((m + n) · k) big-integer operations for the
    ///   certificate, whose integers have about k · log₂(k · max M) bits.
    static func confirm(
        payoffs: Matrix<Rational>, integers: ZeroSumIntegerPayoffs, tightRows: [Int], basicColumns: [Int]
    ) -> Confirmed? {
        guard tightRows.count == basicColumns.count, !tightRows.isEmpty else { return nil }
        guard let solved = solveBasis(integers, tightRows, basicColumns) else { return nil }
        var holds: Bool? = nil
        if let small = integers.small {
            if let z = smallValues(solved.z), let w = smallValues(solved.w),
                let zDenominator = smallValues([solved.zDenominator])?.first,
                let wDenominator = smallValues([solved.wDenominator])?.first
            {
                holds = certificateHolds(small, integers, tightRows, basicColumns, z, zDenominator, w, wDenominator)
            }
            if holds == nil {
                holds = ZeroSumFilteredCertificate.holds(
                    small, rows: integers.rows, columns: integers.columns, tightRows: tightRows,
                    basicColumns: basicColumns, z: solved.z, zDenominator: solved.zDenominator,
                    w: solved.w, wDenominator: solved.wDenominator)
            }
        } else {
            holds = certificateHolds(
                integers.big, integers, tightRows, basicColumns, solved.z, solved.zDenominator, solved.w,
                solved.wDenominator)
        }
        guard holds == true else { return nil }
        return exactStrategies(payoffs, integers, tightRows, basicColumns, solved.z, solved.w)
    }

    /// Numerators and denominators of z (M[R, C] z = 1) and w (M[R, C]ᵀ w = 1), denominators > 0:
    /// multi-modular for `Int` payoffs, fraction-free `BigInt` elimination otherwise.
    private static func solveBasis(
        _ integers: ZeroSumIntegerPayoffs, _ rowSet: [Int], _ columnSet: [Int]
    ) -> (z: [BigInt], zDenominator: BigInt, w: [BigInt], wDenominator: BigInt)? {
        let k = rowSet.count, n = integers.columns
        if let small = integers.small {
            var matrix = [Int]()
            matrix.reserveCapacity(k * k)
            for i in rowSet { for j in columnSet { matrix.append(small[i * n + j]) } }
            guard let solution = ZeroSumModularSolver.solve(matrix, size: k) else { return nil }
            return (solution.z, solution.determinant, solution.w, solution.determinant)
        }
        let big = integers.big
        var primal = [BigInt](), dual = [BigInt]()
        for i in rowSet { for j in columnSet { primal.append(big[i * n + j]) } }
        for j in columnSet { for i in rowSet { dual.append(big[i * n + j]) } }
        let ones = [BigInt](repeating: 1, count: k)
        guard case .unique(let z, let zDenominator) = Bareiss.solve(primal, size: k, rhs: ones),
            case .unique(let w, let wDenominator) = Bareiss.solve(dual, size: k, rhs: ones)
        else { return nil }
        return (z, zDenominator, w, wDenominator)
    }

    /// The values as `Int`s when every one has magnitude below 2⁶², else nil.
    private static func smallValues(_ values: [BigInt]) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(values.count)
        for value in values {
            guard value.magnitude.bitWidth <= 62 else { return nil }
            let word = Int(value.magnitude.words.first ?? 0)
            result.append(value < 0 ? -word : word)
        }
        return result
    }

    /// The exact certificate in `T` (see the type's description); nil when `T` overflowed.
    private static func certificateHolds<T: FractionFreeInteger>(
        _ entries: [T], _ integers: ZeroSumIntegerPayoffs, _ rowSet: [Int], _ columnSet: [Int],
        _ z: [T], _ zDenominator: T, _ w: [T], _ wDenominator: T
    ) -> Bool? {
        let n = integers.columns
        guard zDenominator.sign > 0, wDenominator.sign > 0,
            z.allSatisfy({ $0.sign >= 0 }), w.allSatisfy({ $0.sign >= 0 })
        else { return false }
        guard let zSum = sum(z), let wSum = sum(w) else { return nil }
        guard zSum.sign > 0, wSum.sign > 0 else { return false }
        // Equal values: zDenominator / zSum == wDenominator / wSum.
        guard let left = T.checkedProduct(zDenominator, wSum), let right = T.checkedProduct(wDenominator, zSum) else {
            return nil
        }
        guard left == right else { return false }
        // (M z)ᵢ ≤ 1 for every row: Σ_b M[i, C[b]] · z_b ≤ zDenominator.
        for i in 0..<integers.rows {
            var total = T.zeroValue
            for (b, j) in columnSet.enumerated() where z[b].sign != 0 {
                guard let term = T.checkedProduct(entries[i * n + j], z[b]), let next = T.checkedSum(total, term) else {
                    return nil
                }
                total = next
            }
            guard let slack = T.checkedDifference(zDenominator, total) else { return nil }
            if slack.sign < 0 { return false }
        }
        // (wᵀM)ⱼ ≥ 1 for every column: Σ_a w_a · M[R[a], j] ≥ wDenominator.
        for j in 0..<n {
            var total = T.zeroValue
            for (a, i) in rowSet.enumerated() where w[a].sign != 0 {
                guard let term = T.checkedProduct(entries[i * n + j], w[a]), let next = T.checkedSum(total, term) else {
                    return nil
                }
                total = next
            }
            guard let excess = T.checkedDifference(total, wDenominator) else { return nil }
            if excess.sign < 0 { return false }
        }
        return true
    }

    private static func sum<T: FractionFreeInteger>(_ values: [T]) -> T? {
        var total = T.zeroValue
        for value in values {
            guard let next = T.checkedSum(total, value) else { return nil }
            total = next
        }
        return total
    }

    /// y = z / Σz on the columns, x = w / Σw on the rows, value (A y)ᵢ for the first tight row i,
    /// computed as (Σ_b A[i, C_b] z_b) / Σz with a single division.
    private static func exactStrategies(
        _ payoffs: Matrix<Rational>, _ integers: ZeroSumIntegerPayoffs, _ rowSet: [Int], _ columnSet: [Int],
        _ z: [BigInt], _ w: [BigInt]
    ) -> Confirmed {
        let zSum = z.reduce(0, +), wSum = w.reduce(0, +)
        var column = [Rational](repeating: .zero, count: integers.columns)
        for (b, j) in columnSet.enumerated() { column[j] = Rational(z[b], zSum) }
        var row = [Rational](repeating: .zero, count: integers.rows)
        for (a, i) in rowSet.enumerated() { row[i] = Rational(w[a], wSum) }
        var weighted = Rational.zero
        for (b, j) in columnSet.enumerated() where !z[b].isZero { weighted += payoffs[rowSet[0], j] * Rational(z[b]) }
        return Confirmed(value: weighted / Rational(zSum), row: row, column: column)
    }
}
