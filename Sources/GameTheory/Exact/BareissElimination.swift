/// Fraction-free Gaussian elimination (Bareiss 1968) on integer matrices: exact, and every
/// intermediate value is a minor of the input, so integers grow only as much as determinants do.
///
/// Every function is generic over `FractionFreeInteger`: with `Int` it returns `.overflow` as soon as
/// any operation overflows (the caller then reruns with `BigInt`); with `BigInt` it never overflows.
enum Bareiss {
    /// Outcome of an exact solve.
    enum Solution<T: FractionFreeInteger> {
        /// `x[i] = numerators[i] / denominator` with `denominator > 0` (not necessarily in lowest terms).
        case unique(numerators: [T], denominator: T)
        case singular
        case overflow
    }

    /// Solves the `size x size` system `matrix * x = rhs` exactly (`matrix` row-major).
    ///
    /// The numerators are `det(M) * x_i` (Cramer's numerators, up to the common sign), so they are
    /// integers and the back substitution divides exactly.
    /// - Complexity: O(size³) integer operations.
    static func solve<T: FractionFreeInteger>(_ matrix: [T], size k: Int, rhs: [T]) -> Solution<T> {
        precondition(matrix.count == k * k && rhs.count == k && k >= 1)
        let w = k + 1
        var a = [T](repeating: T.zeroValue, count: k * w)
        for r in 0..<k {
            for c in 0..<k { a[r * w + c] = matrix[r * k + c] }
            a[r * w + k] = rhs[r]
        }
        var previous = T.oneValue
        for p in 0..<k {
            guard let pivotRow = (p..<k).first(where: { a[$0 * w + p].sign != 0 }) else { return .singular }
            if pivotRow != p {
                for c in 0..<w { a.swapAt(p * w + c, pivotRow * w + c) }
            }
            let pivot = a[p * w + p]
            for r in (p + 1)..<k {
                let factor = a[r * w + p]
                for c in (p + 1)..<w {
                    guard let left = T.checkedProduct(pivot, a[r * w + c]),
                          let right = T.checkedProduct(factor, a[p * w + c]),
                          let difference = T.checkedDifference(left, right),
                          let value = T.exactQuotient(difference, previous)
                    else { return .overflow }
                    a[r * w + c] = value
                }
                a[r * w + p] = T.zeroValue
            }
            previous = pivot
        }
        var determinant = a[(k - 1) * w + (k - 1)]
        var numerators = [T](repeating: T.zeroValue, count: k)
        numerators[k - 1] = a[(k - 1) * w + k]
        for i in stride(from: k - 2, through: 0, by: -1) {
            guard var s = T.checkedProduct(determinant, a[i * w + k]) else { return .overflow }
            for j in (i + 1)..<k where numerators[j].sign != 0 {
                guard let term = T.checkedProduct(a[i * w + j], numerators[j]),
                      let next = T.checkedDifference(s, term) else { return .overflow }
                s = next
            }
            guard let value = T.exactQuotient(s, a[i * w + i]) else { return .overflow }
            numerators[i] = value
        }
        if determinant.sign < 0 {
            guard let d = determinant.checkedNegation else { return .overflow }
            determinant = d
            for i in 0..<k {
                guard let n = numerators[i].checkedNegation else { return .overflow }
                numerators[i] = n
            }
        }
        return .unique(numerators: numerators, denominator: determinant)
    }

    /// The rank of a `rows x columns` integer matrix (row-major), or nil on overflow.
    /// - Complexity: O(rows · columns · min(rows, columns)) integer operations.
    static func rank<T: FractionFreeInteger>(_ matrix: [T], rows: Int, columns: Int) -> Int? {
        precondition(matrix.count == rows * columns)
        var a = matrix
        var previous = T.oneValue
        var rank = 0
        for c in 0..<columns where rank < rows {
            guard let pivotRow = (rank..<rows).first(where: { a[$0 * columns + c].sign != 0 }) else { continue }
            if pivotRow != rank {
                for q in 0..<columns { a.swapAt(rank * columns + q, pivotRow * columns + q) }
            }
            let pivot = a[rank * columns + c]
            for r in (rank + 1)..<rows {
                let factor = a[r * columns + c]
                for q in (c + 1)..<columns {
                    guard let left = T.checkedProduct(pivot, a[r * columns + q]),
                          let right = T.checkedProduct(factor, a[rank * columns + q]),
                          let difference = T.checkedDifference(left, right),
                          let value = T.exactQuotient(difference, previous)
                    else { return nil }
                    a[r * columns + q] = value
                }
                a[r * columns + c] = T.zeroValue
            }
            previous = pivot
            rank += 1
        }
        return rank
    }
}
