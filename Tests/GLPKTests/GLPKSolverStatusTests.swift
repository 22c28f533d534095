import Testing
import Optimization
@testable import GLPK

/// Infeasible, unbounded and stopped solves are statuses, under every method and presolve setting.
@Suite("GLPKSolver statuses")
struct GLPKSolverStatusTests {
    @Test("an infeasible program is reported infeasible", arguments: methodAndPresolveSettings)
    func infeasible(settings: GLPKSolver.Settings) throws {
        #expect(try GLPKSolver(settings: settings).solve(TextbookPrograms.infeasible).status == .infeasible)
    }

    @Test("an unbounded program is reported unbounded", arguments: methodAndPresolveSettings)
    func unbounded(settings: GLPKSolver.Settings) throws {
        #expect(try GLPKSolver(settings: settings).solve(TextbookPrograms.unbounded).status == .unbounded)
    }

    /// The presolver and the dual simplex stop at "no dual feasible solution" here; the solver
    /// must go on to find that the primal is infeasible.
    @Test("a primal-and-dual infeasible program is reported infeasible", arguments: methodAndPresolveSettings)
    func primalAndDualInfeasible(settings: GLPKSolver.Settings) throws {
        let status = try GLPKSolver(settings: settings).solve(TextbookPrograms.primalAndDualInfeasible).status
        #expect(status == .infeasible)
    }

    @Test("the iteration limit stops the solve with a failed status and the last iterate")
    func iterationLimit() throws {
        let solver = GLPKSolver(settings: .init(iterationLimit: 0))
        let solution = try solver.solve(TextbookPrograms.wyndor)
        #expect(solution.status == .failed(reason: "iteration limit reached"))
        #expect(solution.primalValues == [0, 0])
        #expect(solution.iterations == 0)
    }

    @Test("settings map to GLPK's limits")
    func limits() {
        #expect(GLPKSolver.Settings().glpkIterationLimit == .max)
        #expect(GLPKSolver.Settings(iterationLimit: 7).glpkIterationLimit == 7)
        #expect(GLPKSolver.Settings(iterationLimit: .max).glpkIterationLimit == .max)
        #expect(GLPKSolver.Settings().glpkTimeLimit == .max)
        #expect(GLPKSolver.Settings(timeLimit: .milliseconds(1500)).glpkTimeLimit == 1500)
        #expect(GLPKSolver.Settings(timeLimit: .microseconds(1)).glpkTimeLimit == 1)
        #expect(GLPKSolver.Settings(timeLimit: .seconds(Int64.max)).glpkTimeLimit == .max)
    }

    @Test("every pricing and ratio test solves the GLPK manual example",
          arguments: GLPKSolver.Settings.Pricing.allCases, GLPKSolver.Settings.RatioTest.allCases)
    func pricingAndRatioTests(pricing: GLPKSolver.Settings.Pricing, ratioTest: GLPKSolver.Settings.RatioTest) throws {
        for method in GLPKSolver.Settings.Method.allCases {
            for scaling in [false, true] {
                let settings = GLPKSolver.Settings(method: method, scaling: scaling, pricing: pricing, ratioTest: ratioTest)
                let solution = try GLPKSolver(settings: settings).solve(TextbookPrograms.glpkManual)
                #expect(solution.status == .optimal, "\(settings)")
                #expect(abs(solution.objectiveValue - 2200.0 / 3) < 1e-9, "\(settings)")
            }
        }
    }
}
