import Optimization

/// Input that `GLPKSolver` rejects before calling GLPK (beyond `LinearProgram.ValidationError`,
/// which it throws unchanged).
public enum GLPKSolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A setting is outside the range GLPK accepts; the message names it and its value.
    case invalidSettings(String)
    /// The program has more rows, columns or matrix entries than GLPK's 32-bit indices allow.
    case problemTooLarge(rows: Int, columns: Int, entries: Int)

    public var description: String {
        switch self {
        case .invalidSettings(let message):
            "invalid GLPK settings: \(message)"
        case .problemTooLarge(let rows, let columns, let entries):
            "program too large for GLPK: \(rows) rows, \(columns) columns, \(entries) entries (limit \(Int32.max - 1) each)"
        }
    }
}
