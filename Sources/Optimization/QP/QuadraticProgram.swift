/// A dense, strictly convex quadratic program, as plain data:
///
///     minimise    ½ xᵀ H x + gᵀ x
///     subject to  l  ≤ C x ≤ u      (m rows)
///                 lb ≤   x ≤ ub     (n variables)
///
/// - `H` is n×n, symmetric positive definite (row-major; both triangles are stored and must agree).
/// - `C` is m×n, row-major. A row with `l_i == u_i` is an equality; `l_i = -∞` or `u_i = +∞`
///   makes it one-sided (or free when both are infinite). Variable bounds work the same way.
/// - Crossed bounds (`l_i > u_i`) are allowed as data: the solver reports them as
///   ``QPStatus/infeasible``.
///
/// Invariants (checked by preconditions in ``init(hessian:gradient:constraintMatrix:constraintLower:constraintUpper:variableLower:variableUpper:)``
/// and by ``QPSolver`` whenever data is handed over): `n ≥ 1`, `H.count == n²`, `C.count == m·n`,
/// `l.count == u.count == m`, `lb.count == ub.count == n`. Values are checked by ``validate()``.
/// No units are imposed; the tolerances of ``QPSettings`` are relative.
public struct QuadraticProgram: Sendable, Hashable {
    /// Names of the data arrays, used by ``QPDataError``.
    public enum Field: String, Sendable, Hashable {
        case hessian, gradient, constraintMatrix, constraintLower, constraintUpper, variableLower, variableUpper
    }

    /// `H`, n×n row-major.
    public var hessian: [Double]
    /// `g`, length n.
    public var gradient: [Double]
    /// `C`, m×n row-major.
    public var constraintMatrix: [Double]
    /// `l`, length m (`-infinity` for none).
    public var constraintLower: [Double]
    /// `u`, length m (`+infinity` for none).
    public var constraintUpper: [Double]
    /// `lb`, length n (`-infinity` for none).
    public var variableLower: [Double]
    /// `ub`, length n (`+infinity` for none).
    public var variableUpper: [Double]

    /// n, the number of variables (the length of the gradient).
    public var variableCount: Int { gradient.count }
    /// m, the number of general constraint rows.
    public var constraintCount: Int { constraintLower.count }

    /// Creates a program; `n` is taken from `gradient`, `m` from `constraintLower`.
    /// Omitted variable bounds are infinite. Traps if the array sizes disagree.
    public init(
        hessian: [Double],
        gradient: [Double],
        constraintMatrix: [Double] = [],
        constraintLower: [Double] = [],
        constraintUpper: [Double] = [],
        variableLower: [Double]? = nil,
        variableUpper: [Double]? = nil
    ) {
        let n = gradient.count
        self.hessian = hessian
        self.gradient = gradient
        self.constraintMatrix = constraintMatrix
        self.constraintLower = constraintLower
        self.constraintUpper = constraintUpper
        self.variableLower = variableLower ?? Array(repeating: -.infinity, count: n)
        self.variableUpper = variableUpper ?? Array(repeating: .infinity, count: n)
        checkDimensions()
    }

    /// Traps unless the array sizes agree with `n` and `m` (see the type's invariants).
    public func checkDimensions() {
        let n = variableCount, m = constraintCount
        precondition(n >= 1, "a quadratic program needs at least one variable")
        precondition(hessian.count == n * n, "hessian has \(hessian.count) entries, expected \(n)×\(n)")
        precondition(constraintMatrix.count == m * n, "constraintMatrix has \(constraintMatrix.count) entries, expected \(m)×\(n)")
        precondition(constraintUpper.count == m, "constraintUpper has \(constraintUpper.count) entries, expected \(m)")
        precondition(variableLower.count == n, "variableLower has \(variableLower.count) entries, expected \(n)")
        precondition(variableUpper.count == n, "variableUpper has \(variableUpper.count) entries, expected \(n)")
    }

    /// Throws unless every number is usable: `H`, `g`, `C` finite; bounds not NaN (infinite is
    /// fine); `H` symmetric to `1e-10 · max|H|`. Positive definiteness is checked by the
    /// factorisation in ``QPSolver``.
    public func validate() throws(QPDataError) {
        try Self.requireFinite(hessian, .hessian)
        try Self.requireFinite(gradient, .gradient)
        try Self.requireFinite(constraintMatrix, .constraintMatrix)
        try Self.requireNotNaN(constraintLower, .constraintLower)
        try Self.requireNotNaN(constraintUpper, .constraintUpper)
        try Self.requireNotNaN(variableLower, .variableLower)
        try Self.requireNotNaN(variableUpper, .variableUpper)
        try Self.requireSymmetric(hessian, order: variableCount)
    }

    /// `½ xᵀHx + gᵀx`.
    public func objective(at x: [Double]) -> Double {
        let n = variableCount
        precondition(x.count == n, "x has \(x.count) entries, expected \(n)")
        var value = 0.0
        for i in 0..<n {
            var hx = 0.0
            for j in 0..<n { hx += hessian[i * n + j] * x[j] }
            value += x[i] * (0.5 * hx + gradient[i])
        }
        return value
    }

    /// `C x`, length m.
    public func constraintValues(at x: [Double]) -> [Double] {
        let n = variableCount
        precondition(x.count == n, "x has \(x.count) entries, expected \(n)")
        return (0..<constraintCount).map { i in
            var sum = 0.0
            for j in 0..<n { sum += constraintMatrix[i * n + j] * x[j] }
            return sum
        }
    }

    static func requireFinite(_ values: [Double], _ field: Field) throws(QPDataError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(field: field, index: index)
        }
    }

    static func requireNotNaN(_ values: [Double], _ field: Field) throws(QPDataError) {
        if let index = values.firstIndex(where: { $0.isNaN }) {
            throw .nonFinite(field: field, index: index)
        }
    }

    /// Throws unless `|H[i,j] − H[j,i]| ≤ 1e-10 · max|H|` for every pair.
    static func requireSymmetric(_ h: [Double], order n: Int) throws(QPDataError) {
        var largest = 0.0
        for value in h { largest = Swift.max(largest, abs(value)) }
        let tolerance = 1e-10 * largest
        for i in 0..<n {
            for j in 0..<i where abs(h[i * n + j] - h[j * n + i]) > tolerance {
                throw .hessianNotSymmetric(row: i, column: j)
            }
        }
    }
}
