/// Data that cannot describe a strictly convex quadratic program.
///
/// Thrown by ``QPSolver``'s initialiser and `update` methods, before any number reaches the solver,
/// so a solver that threw keeps its previous, valid data. Dimension mismatches are programmer
/// errors and trap with a precondition instead (the sizes of a program are fixed at setup).
public enum QPDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A NaN anywhere, or an infinity in the Hessian, gradient or constraint matrix. Bounds may be
    /// infinite (one-sided or free rows) but never NaN. `index` is the flat, row-major position.
    case nonFinite(field: QuadraticProgram.Field, index: Int)
    /// `H[row, column]` and `H[column, row]` differ by more than `1e-10 · max|H|`.
    case hessianNotSymmetric(row: Int, column: Int)
    /// The Cholesky factorisation met a pivot `≤ 1e-14 · max H[i, i]` at `pivot` (zero-based): the
    /// Hessian is not (numerically) positive definite, so the program is not strictly convex.
    case hessianNotPositiveDefinite(pivot: Int)

    public var description: String {
        switch self {
        case .nonFinite(let field, let index):
            return "\(field.rawValue)[\(index)] is not a finite number"
        case .hessianNotSymmetric(let row, let column):
            return "hessian is not symmetric at (\(row), \(column))"
        case .hessianNotPositiveDefinite(let pivot):
            return "hessian is not positive definite (Cholesky pivot \(pivot))"
        }
    }
}
