import CGLPK
import Optimization

/// Solves linear programs with GLPK's simplex method (Debian's libglpk, GLPK 5.0).
///
/// Each call to `solve` validates its input in Swift, then creates, loads, solves, reads and
/// deletes its own GLPK problem object inside that one synchronous call: nothing of GLPK outlives
/// the call or is shared between calls. GLPK's terminal output is switched off for the call
/// (GLPK would otherwise print to stdout).
///
/// Thread safety: calls may run concurrently from different threads. Debian builds GLPK with a
/// thread-local environment (see `GLPKEnvironment`); were it built without, calls would be
/// serialized by a mutex.
///
/// Status mapping: `glp_simplex`'s return code 0 is followed by `glp_get_status` — optimal,
/// no feasible solution (`.infeasible`) and unbounded map directly. When the method stops without
/// a verdict because no dual feasible solution exists (dual simplex, or the presolver's
/// `GLP_ENODFS`), the primal simplex is run from there to decide between infeasible and unbounded.
/// `GLP_ENOPFS` from the presolver is `.infeasible`. Limits (`GLP_EITLIM`, `GLP_ETMLIM`) and
/// numerical failures (`GLP_EFAIL`, `GLP_ESING`, `GLP_ECOND`, …) are `.failed` with the reason;
/// the last iterate is still reported.
public struct GLPKSolver: LPSolving {
    /// The simplex settings used for every solve.
    public var settings: Settings

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// The version string of the linked GLPK library, e.g. "5.0".
    public static var libraryVersion: String { String(cString: glp_version()) }

    /// Solves `program` with GLPK.
    ///
    /// - Throws: `LinearProgram.ValidationError` for an invalid program,
    ///   `GLPKSolverError.invalidSettings` for settings GLPK rejects, and
    ///   `GLPKSolverError.problemTooLarge` beyond GLPK's 32-bit indices. GLPK is not called then.
    public func solve(_ program: LinearProgram) throws -> LPSolution {
        try program.validate()
        try settings.validate()
        let limit = Int(Int32.max) - 1
        let entries = program.entryCount
        guard program.rowCount <= limit, program.columnCount <= limit, entries <= limit else {
            throw GLPKSolverError.problemTooLarge(
                rows: program.rowCount, columns: program.columnCount, entries: entries)
        }
        let settings = settings
        let solution = GLPKEnvironment.withQuietEnvironment {
            let problem = GLPKProblem(program)
            return problem.solve(settings: settings)
        }
        return solution ?? LPSolution(status: .failed(reason: "GLPK could not initialize its environment"))
    }
}
