import CGLPK
import Optimization

/// One GLPK problem object holding a validated `LinearProgram`; deleted when this value ends.
///
/// Non-copyable so that the `glp_prob` pointer has exactly one owner. Create, solve and drop it
/// inside `GLPKEnvironment.withQuietEnvironment` on one thread; it is never `Sendable`.
struct GLPKProblem: ~Copyable {
    private let pointer: OpaquePointer
    private let rowCount: Int
    private let columnCount: Int

    /// Loads `program` into a new problem object.
    ///
    /// - Precondition: `program.validate()` succeeded and its sizes fit in `Int32` (GLPK would
    ///   abort the process on invalid data; the caller has checked).
    init(_ program: LinearProgram) {
        pointer = glp_create_prob()
        rowCount = program.rowCount
        columnCount = program.columnCount
        glp_set_obj_dir(pointer, program.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(pointer, 0, program.objectiveConstant)
        // glp_add_rows/cols abort on a count of 0.
        if rowCount > 0 { glp_add_rows(pointer, Int32(rowCount)) }
        if columnCount > 0 { glp_add_cols(pointer, Int32(columnCount)) }
        for (column, variable) in program.variables.enumerated() {
            let (kind, lower, upper) = Self.glpkBounds(variable.bounds)
            glp_set_col_bnds(pointer, Int32(column + 1), kind, lower, upper)
            glp_set_obj_coef(pointer, Int32(column + 1), variable.objective)
        }
        // GLPK arrays are 1-based: element 0 is unused.
        let capacity = program.entryCount + 1
        var rowIndices = [Int32](repeating: 0, count: 1)
        var columnIndices = [Int32](repeating: 0, count: 1)
        var values = [Double](repeating: 0, count: 1)
        rowIndices.reserveCapacity(capacity)
        columnIndices.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        for (row, constraint) in program.constraints.enumerated() {
            let (kind, lower, upper) = Self.glpkBounds(constraint.bounds)
            glp_set_row_bnds(pointer, Int32(row + 1), kind, lower, upper)
            for entry in constraint.entries where entry.coefficient != 0 {
                rowIndices.append(Int32(row + 1))
                columnIndices.append(Int32(entry.column + 1))
                values.append(entry.coefficient)
            }
        }
        glp_load_matrix(pointer, Int32(values.count - 1), rowIndices, columnIndices, values)
    }

    deinit {
        glp_delete_prob(pointer)
    }

    /// GLPK's bound type and values for `bounds`; an equal-valued `.double` becomes fixed
    /// (glp_simplex rejects a double bound with lower == upper).
    private static func glpkBounds(_ bounds: LinearProgram.Bounds) -> (Int32, Double, Double) {
        switch bounds {
        case .free: (GLP_FR, 0, 0)
        case .lower(let lower): (GLP_LO, lower, 0)
        case .upper(let upper): (GLP_UP, 0, upper)
        case .double(let lower, let upper) where lower == upper: (GLP_FX, lower, upper)
        case .double(let lower, let upper): (GLP_DB, lower, upper)
        case .fixed(let value): (GLP_FX, value, value)
        }
    }

    /// Runs the simplex method and reads the result (see `GLPKSolver` for the status mapping).
    func solve(settings: GLPKSolver.Settings) -> LPSolution {
        if settings.scaling { glp_scale_prob(pointer, GLP_SF_AUTO) }
        var parameters = Self.parameters(settings)
        var code = glp_simplex(pointer, &parameters)
        if code == GLP_ENOPFS {
            return LPSolution(status: .infeasible)
        }
        let undecided = code == 0 && glp_get_dual_stat(pointer) == GLP_NOFEAS
            && glp_get_status(pointer) != GLP_NOFEAS && glp_get_status(pointer) != GLP_UNBND
        if code == GLP_ENODFS || undecided {
            // No dual feasible solution: the program is infeasible or unbounded. The primal
            // simplex (without presolve, from the current or the standard basis) decides.
            if code == GLP_ENODFS { glp_std_basis(pointer) }
            parameters.meth = GLP_PRIMAL
            parameters.presolve = GLP_OFF
            code = glp_simplex(pointer, &parameters)
        }
        let status = code == 0 ? Self.status(of: pointer) : .failed(reason: Self.describe(code))
        return readSolution(status: status)
    }

    private static func parameters(_ settings: GLPKSolver.Settings) -> glp_smcp {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = switch settings.method {
        case .primal: GLP_PRIMAL
        case .dual: GLP_DUAL
        case .dualThenPrimal: GLP_DUALP
        }
        parameters.pricing = switch settings.pricing {
        case .standard: GLP_PT_STD
        case .projectedSteepestEdge: GLP_PT_PSE
        }
        parameters.r_test = switch settings.ratioTest {
        case .textbook: GLP_RT_STD
        case .harris: GLP_RT_HAR
        case .longStep: GLP_RT_FLIP
        }
        parameters.presolve = settings.presolve ? GLP_ON : GLP_OFF
        parameters.it_lim = settings.glpkIterationLimit
        parameters.tm_lim = settings.glpkTimeLimit
        parameters.tol_bnd = settings.primalFeasibilityTolerance
        parameters.tol_dj = settings.dualFeasibilityTolerance
        return parameters
    }

    /// The status after `glp_simplex` returned 0.
    private static func status(of pointer: OpaquePointer) -> LPStatus {
        switch glp_get_status(pointer) {
        case GLP_OPT: .optimal
        case GLP_NOFEAS: .infeasible
        case GLP_UNBND: .unbounded
        case GLP_FEAS: .failed(reason: "GLPK found a feasible solution but did not prove it optimal")
        case GLP_INFEAS: .failed(reason: "GLPK stopped at an infeasible solution without a verdict")
        default: .failed(reason: "GLPK left the solution undefined")
        }
    }

    /// A reason for a non-zero `glp_simplex` return code.
    private static func describe(_ code: Int32) -> String {
        switch code {
        case GLP_EITLIM: "iteration limit reached"
        case GLP_ETMLIM: "time limit reached"
        case GLP_EFAIL: "GLPK's simplex failed (numerical difficulty)"
        case GLP_ESING: "the basis matrix is singular"
        case GLP_ECOND: "the basis matrix is ill-conditioned"
        case GLP_EBADB: "the initial basis is invalid"
        case GLP_EBOUND: "a double-bounded variable has invalid bounds"
        case GLP_EOBJLL, GLP_EOBJUL: "objective limit reached"
        default: "glp_simplex returned error code \(code)"
        }
    }

    private func readSolution(status: LPStatus) -> LPSolution {
        var primal = [Double](repeating: 0, count: columnCount)
        var reduced = [Double](repeating: 0, count: columnCount)
        var columnBasis = [LPBasisStatus](repeating: .basic, count: columnCount)
        for column in 0..<columnCount {
            let index = Int32(column + 1)
            primal[column] = glp_get_col_prim(pointer, index)
            reduced[column] = glp_get_col_dual(pointer, index)
            columnBasis[column] = Self.basisStatus(glp_get_col_stat(pointer, index))
        }
        var activities = [Double](repeating: 0, count: rowCount)
        var duals = [Double](repeating: 0, count: rowCount)
        var rowBasis = [LPBasisStatus](repeating: .basic, count: rowCount)
        for row in 0..<rowCount {
            let index = Int32(row + 1)
            activities[row] = glp_get_row_prim(pointer, index)
            duals[row] = glp_get_row_dual(pointer, index)
            rowBasis[row] = Self.basisStatus(glp_get_row_stat(pointer, index))
        }
        return LPSolution(
            status: status,
            objectiveValue: glp_get_obj_val(pointer),
            primalValues: primal,
            rowActivities: activities,
            rowDuals: duals,
            reducedCosts: reduced,
            rowBasis: rowBasis,
            columnBasis: columnBasis,
            iterations: Int(glp_get_it_cnt(pointer)))
    }

    private static func basisStatus(_ status: Int32) -> LPBasisStatus {
        switch status {
        case GLP_NL: .atLower
        case GLP_NU: .atUpper
        case GLP_NF: .free
        case GLP_NS: .fixed
        default: .basic
        }
    }
}
