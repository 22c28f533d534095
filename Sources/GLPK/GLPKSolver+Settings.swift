extension GLPKSolver {
    /// Controls of GLPK's simplex solver (`glp_simplex`). Each default is stated on its property.
    ///
    /// The defaults (dual simplex, long-step ratio test, projected steepest edge, no presolve,
    /// automatic scaling) were the fastest of the combinations measured on the zero-sum game LPs
    /// this project solves (random 100 × 100 and 500 × 500 games; results/BENCHMARKS.md). They
    /// differ from GLPK's own defaults in `method` (GLPK: primal), `ratioTest` (GLPK: Harris) and
    /// `scaling` (GLPK's API: off).
    ///
    /// Invariants checked before GLPK is called (GLPK aborts the process on invalid parameters):
    /// `iterationLimit ≥ 0`, `timeLimit ≥ 0`, each tolerance strictly between 0 and 1.
    public struct Settings: Sendable, Hashable {
        /// Which simplex method runs.
        public enum Method: Sendable, Hashable, CaseIterable {
            /// Two-phase primal simplex (`GLP_PRIMAL`).
            case primal
            /// Two-phase dual simplex (`GLP_DUAL`).
            case dual
            /// Dual simplex, switching to the primal simplex if the dual one fails (`GLP_DUALP`).
            case dualThenPrimal
        }

        /// How the entering variable is chosen.
        public enum Pricing: Sendable, Hashable, CaseIterable {
            /// Dantzig's rule: largest reduced cost (`GLP_PT_STD`). Cheap iterations, more of them.
            case standard
            /// Projected steepest edge (`GLP_PT_PSE`).
            case projectedSteepestEdge
        }

        /// How the leaving variable is chosen.
        public enum RatioTest: Sendable, Hashable, CaseIterable {
            /// Textbook ratio test (`GLP_RT_STD`).
            case textbook
            /// Harris' two-pass ratio test (`GLP_RT_HAR`).
            case harris
            /// Long-step ("flip-flop") ratio test (`GLP_RT_FLIP`); used by the dual simplex only,
            /// the primal simplex treats it as Harris'.
            case longStep
        }

        /// Simplex method. Default `.dual`.
        public var method: Method
        /// Whether GLPK's LP presolver runs first. Default `false` (GLPK's default). When the
        /// presolver reports "no dual feasible solution", the solver re-solves without it to tell
        /// an infeasible program from an unbounded one.
        public var presolve: Bool
        /// Whether the constraint matrix is scaled (`glp_scale_prob` with `GLP_SF_AUTO`) before
        /// solving; results are reported unscaled. Default `true`.
        public var scaling: Bool
        /// Pricing rule. Default `.projectedSteepestEdge` (GLPK's default).
        public var pricing: Pricing
        /// Ratio test. Default `.longStep`.
        public var ratioTest: RatioTest
        /// Maximum number of simplex iterations, or nil for no limit. Default nil. Reaching it
        /// gives the status `.failed`.
        public var iterationLimit: Int?
        /// Maximum solve time (GLPK measures whole milliseconds), or nil for no limit. Default
        /// nil. Reaching it gives the status `.failed`.
        public var timeLimit: Duration?
        /// Absolute tolerance on bound violations of basic variables, in (0, 1). Default 1e-7.
        public var primalFeasibilityTolerance: Double
        /// Absolute tolerance on reduced-cost sign violations, in (0, 1). Default 1e-7.
        public var dualFeasibilityTolerance: Double

        public init(
            method: Method = .dual,
            presolve: Bool = false,
            scaling: Bool = true,
            pricing: Pricing = .projectedSteepestEdge,
            ratioTest: RatioTest = .longStep,
            iterationLimit: Int? = nil,
            timeLimit: Duration? = nil,
            primalFeasibilityTolerance: Double = 1e-7,
            dualFeasibilityTolerance: Double = 1e-7
        ) {
            self.method = method
            self.presolve = presolve
            self.scaling = scaling
            self.pricing = pricing
            self.ratioTest = ratioTest
            self.iterationLimit = iterationLimit
            self.timeLimit = timeLimit
            self.primalFeasibilityTolerance = primalFeasibilityTolerance
            self.dualFeasibilityTolerance = dualFeasibilityTolerance
        }

        /// Throws `GLPKSolverError.invalidSettings` naming the first setting GLPK would reject.
        public func validate() throws(GLPKSolverError) {
            if let limit = iterationLimit, limit < 0 {
                throw .invalidSettings("iterationLimit must be ≥ 0 (got \(limit))")
            }
            if let limit = timeLimit, limit < .zero {
                throw .invalidSettings("timeLimit must be ≥ 0 (got \(limit))")
            }
            for (name, value) in [
                ("primalFeasibilityTolerance", primalFeasibilityTolerance),
                ("dualFeasibilityTolerance", dualFeasibilityTolerance),
            ] where !(value > 0 && value < 1) {
                throw .invalidSettings("\(name) must be in (0, 1) (got \(value))")
            }
        }

        /// The iteration limit as GLPK's `it_lim` (Int32.max means none).
        var glpkIterationLimit: Int32 {
            guard let limit = iterationLimit else { return .max }
            return Int32(clamping: limit)
        }

        /// The time limit as GLPK's `tm_lim` in milliseconds, rounded up (Int32.max means none).
        var glpkTimeLimit: Int32 {
            guard let limit = timeLimit else { return .max }
            let (seconds, attoseconds) = limit.components
            let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
            guard !milliseconds.overflow else { return .max }
            let roundedUp = milliseconds.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
            return Int32(clamping: roundedUp)
        }
    }
}
