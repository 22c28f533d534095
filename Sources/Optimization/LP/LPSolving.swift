/// Something that solves linear programs.
///
/// Conforming types are values that can be shared between tasks and threads (`Sendable`); a
/// call to `solve` must not depend on or change any other call.
public protocol LPSolving: Sendable {
    /// Solves `program`.
    ///
    /// - Returns: the solution; infeasible and unbounded programs and solver failures are
    ///   reported in `LPSolution.status`, not thrown.
    /// - Throws: only when the input is invalid, e.g. `LinearProgram.ValidationError` (a
    ///   conforming solver calls `program.validate()` first), or an error of the solver's own
    ///   for settings or sizes it cannot accept.
    func solve(_ program: LinearProgram) throws -> LPSolution
}
