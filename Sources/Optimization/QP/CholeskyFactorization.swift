/// The Cholesky factorisation `A = L Lᵀ` of a dense symmetric positive definite matrix.
///
/// Matrices are flat row-major `[Double]` of order n. Only the lower triangle of `A` is read.
/// A pivot `≤ 1e-14 · max A[i, i]` (or a non-finite one) means `A` is not numerically positive
/// definite and the factorisation fails. The pointer-level entry points are what ``QPSolver``
/// uses on its workspace; the value type is for callers and tests.
public struct CholeskyFactorization: Sendable, Hashable {
    /// Relative pivot threshold (see the type's documentation).
    public static let pivotTolerance = 1e-14

    /// n.
    public let order: Int
    /// `L`, n×n row-major, lower triangular (zeros above the diagonal).
    public let lower: [Double]

    /// Factorises `matrix` (n×n, row-major); `nil` if it is not positive definite or not finite.
    public init?(symmetricMatrix matrix: [Double], order n: Int) {
        precondition(n >= 1 && matrix.count == n * n, "matrix must be \(n)×\(n)")
        var l = [Double](repeating: 0, count: n * n)
        let failedPivot = matrix.withUnsafeBufferPointer { a in
            l.withUnsafeMutableBufferPointer { l in
                Self.factor(a.baseAddress!, order: n, into: l.baseAddress!)
            }
        }
        if failedPivot != nil { return nil }
        order = n
        lower = l
    }

    /// Solves `A x = b` by forward then backward substitution. - Complexity: O(n²).
    public func solve(_ b: [Double]) -> [Double] {
        let n = order
        precondition(b.count == n, "right-hand side must have \(n) entries")
        var y = b
        for i in 0..<n {
            var sum = y[i]
            for k in 0..<i { sum -= lower[i * n + k] * y[k] }
            y[i] = sum / lower[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= lower[k * n + i] * y[k] }
            y[i] = sum / lower[i * n + i]
        }
        return y
    }

    /// Writes `L` (row-major, zeros above the diagonal) of the n×n matrix at `a` into `l`.
    /// Returns nil on success, or the index of the first pivot that failed.
    /// `a` and `l` must not overlap. - Complexity: n³/3 multiply-adds.
    static func factor(_ a: UnsafePointer<Double>, order n: Int, into l: UnsafeMutablePointer<Double>) -> Int? {
        var largestDiagonal = 0.0
        for i in 0..<n { largestDiagonal = max(largestDiagonal, abs(a[i * n + i])) }
        let threshold = pivotTolerance * largestDiagonal
        l.update(repeating: 0, count: n * n)
        for j in 0..<n {
            let rowJ = l + j * n
            var pivot = a[j * n + j]
            for k in 0..<j { pivot -= rowJ[k] * rowJ[k] }
            guard pivot.isFinite, pivot > threshold, pivot > 0 else { return j }
            let diagonal = pivot.squareRoot()
            rowJ[j] = diagonal
            for i in (j + 1)..<n {
                let rowI = l + i * n
                var sum = a[i * n + j]
                for k in 0..<j { sum -= rowI[k] * rowJ[k] }
                rowI[j] = sum / diagonal
            }
        }
        return nil
    }

    /// Writes `L⁻¹` (row-major, lower triangular) of the lower-triangular `l` into `inverse`.
    ///
    /// The row-major storage of `L⁻¹` is also the column-major storage of `L⁻ᵀ`, the initial
    /// `J` of the Goldfarb–Idnani method. - Complexity: n³/6 multiply-adds.
    static func invertLower(_ l: UnsafePointer<Double>, order n: Int, into inverse: UnsafeMutablePointer<Double>) {
        inverse.update(repeating: 0, count: n * n)
        for i in 0..<n {
            let rowI = inverse + i * n
            let lii = l[i * n + i]
            rowI[i] = 1 / lii
            // (L⁻¹)[i, j] = −(Σ_{k=j}^{i−1} L[i, k] (L⁻¹)[k, j]) / L[i, i]
            for j in 0..<i {
                var sum = 0.0
                for k in j..<i { sum += l[i * n + k] * inverse[k * n + j] }
                rowI[j] = -sum / lii
            }
        }
    }
}
