import Testing
import Optimization
@testable import GLPK

/// Small programs with optima known by hand, under every method and presolve setting.
@Suite("GLPKSolver on textbook programs")
struct GLPKSolverExampleTests {
    @Test("max 3x + 5y (Wyndor): optimum, duals, basis", arguments: methodAndPresolveSettings)
    func wyndor(settings: GLPKSolver.Settings) throws {
        let program = TextbookPrograms.wyndor
        let solution = try GLPKSolver(settings: settings).solve(program)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue - 36) < 1e-9)
        #expect(isClose(solution.primalValues, [2, 6]))
        #expect(isClose(solution.rowActivities, [2, 12, 18]))
        #expect(isClose(solution.rowDuals, [0, 1.5, 1]))
        #expect(isClose(solution.reducedCosts, [0, 0]))
        #expect(solution.columnBasis == [.basic, .basic])
        #expect(solution.rowBasis == [.basic, .atUpper, .atUpper])
        let certificate = try #require(program.certificate(for: solution))
        #expect(certificate.certifiesOptimality(tolerance: 1e-9))
    }

    @Test("GLPK manual example", arguments: methodAndPresolveSettings)
    func glpkManual(settings: GLPKSolver.Settings) throws {
        let solution = try GLPKSolver(settings: settings).solve(TextbookPrograms.glpkManual)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue - 2200.0 / 3) < 1e-9)
        #expect(isClose(solution.primalValues, [100.0 / 3, 200.0 / 3, 0]))
        #expect(isClose(solution.rowDuals, [10.0 / 3, 2.0 / 3, 0]))
        #expect(isClose(solution.reducedCosts, [0, 0, -8.0 / 3]))
        #expect(solution.columnBasis[2] == .atLower)
    }

    @Test("minimization with ≥ rows", arguments: methodAndPresolveSettings)
    func covering(settings: GLPKSolver.Settings) throws {
        let solution = try GLPKSolver(settings: settings).solve(TextbookPrograms.covering)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue - 9) < 1e-9)
        #expect(isClose(solution.primalValues, [3, 1]))
        #expect(isClose(solution.rowDuals, [1.5, 0.5]))
        #expect(solution.rowBasis == [.atLower, .atLower])
    }

    @Test("equality constraints (fixed and equal double bounds)", arguments: methodAndPresolveSettings)
    func equalities(settings: GLPKSolver.Settings) throws {
        let solution = try GLPKSolver(settings: settings).solve(TextbookPrograms.equalities)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue - 1.5) < 1e-9)
        #expect(isClose(solution.primalValues, [0.5, 0.5, 0]))
        #expect(isClose(solution.rowDuals, [1.5, -0.5]))
        #expect(isClose(solution.reducedCosts, [0, 0, 1.5]))
        #expect(solution.rowBasis == [.fixed, .fixed])
    }

    @Test("bounds of every kind, and the objective constant", arguments: methodAndPresolveSettings)
    func everyBound(settings: GLPKSolver.Settings) throws {
        let program = TextbookPrograms.everyBound
        let solution = try GLPKSolver(settings: settings).solve(program)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue - 4) < 1e-9)
        #expect(isClose(solution.primalValues, [-3, 3, 1, 5, -1]))
        #expect(isClose(solution.rowDuals, [1, 0, 0]))
        #expect(isClose(solution.reducedCosts, [0, -1, 1, -1, 1]))
        #expect(Array(solution.columnBasis[1...]) == [.atUpper, .atLower, .fixed, .atLower])
        #expect(solution.rowBasis[0] == .atLower)
        let certificate = try #require(program.certificate(for: solution))
        #expect(certificate.certifiesOptimality(tolerance: 1e-9))
        #expect(certificate.reducedCostMismatch < 1e-9)
    }

    @Test("an upper-bounded variable ends at its upper bound in a maximization")
    func upperBoundedMaximization() throws {
        var program = LinearProgram(sense: .maximize)
        program.addVariable(objective: 2, bounds: .double(-1, 4))
        program.addVariable(objective: -1, bounds: .double(-2, 3))
        let solution = try GLPKSolver().solve(program)
        #expect(solution.status == .optimal)
        #expect(solution.primalValues == [4, -2])
        #expect(solution.columnBasis == [.atUpper, .atLower])
        #expect(solution.objectiveValue == 10)
    }

    @Test("empty programs: no rows, no columns, or neither")
    func emptyPrograms() throws {
        let solver = GLPKSolver()
        let nothing = try solver.solve(LinearProgram(objectiveConstant: 2.5))
        #expect(nothing.status == .optimal)
        #expect(nothing.objectiveValue == 2.5)

        var columnsOnly = LinearProgram(sense: .maximize)
        columnsOnly.addVariable(objective: 1, bounds: .double(0, 2))
        let boxed = try solver.solve(columnsOnly)
        #expect(boxed.status == .optimal)
        #expect(boxed.primalValues == [2])

        var rowsOnly = LinearProgram()
        rowsOnly.addConstraint([], bounds: .double(-1, 1))
        #expect(try solver.solve(rowsOnly).status == .optimal)
        rowsOnly.addConstraint([], bounds: .upper(-1))  // 0 ≤ −1
        #expect(try solver.solve(rowsOnly).status == .infeasible)
    }

    @Test("explicit zero coefficients are allowed and ignored")
    func explicitZeros() throws {
        var program = TextbookPrograms.wyndor
        program.constraints[0].entries.append(.init(1, 0))
        let solution = try GLPKSolver().solve(program)
        #expect(abs(solution.objectiveValue - 36) < 1e-9)
    }

    @Test("the solver works through the LPSolving protocol")
    func throughProtocol() throws {
        let solver: any LPSolving = GLPKSolver()
        #expect(try solver.solve(TextbookPrograms.covering).status == .optimal)
        #expect(!GLPKSolver.libraryVersion.isEmpty)
    }
}
