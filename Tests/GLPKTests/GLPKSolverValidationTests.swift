import Testing
import Optimization
@testable import GLPK

/// Each of these inputs would make GLPK abort the process or compute with NaN if it reached
/// GLPK; the test process surviving them is part of what is tested.
@Suite("GLPKSolver rejects invalid input before calling GLPK")
struct GLPKSolverValidationTests {
    @Test("invalid programs throw the validation error")
    func invalidPrograms() {
        let solver = GLPKSolver()
        var duplicate = TextbookPrograms.wyndor
        duplicate.constraints[2].entries.append(.init(0, 1))
        #expect(throws: LinearProgram.ValidationError.duplicateEntry(row: 2, column: 0)) { try solver.solve(duplicate) }

        var outOfRange = TextbookPrograms.wyndor
        outOfRange.constraints[1].entries[0].column = 5
        #expect(throws: LinearProgram.ValidationError.columnOutOfRange(row: 1, position: 0, column: 5, columnCount: 2)) {
            try solver.solve(outOfRange)
        }

        var inverted = TextbookPrograms.wyndor
        inverted.variables[0].bounds = .double(1, 0)
        #expect(throws: LinearProgram.ValidationError.invertedBounds(.column(0), lower: 1, upper: 0)) {
            try solver.solve(inverted)
        }

        var infiniteBound = TextbookPrograms.wyndor
        infiniteBound.constraints[0].bounds = .upper(.infinity)
        #expect(throws: LinearProgram.ValidationError.nonFiniteBound(.row(0), value: .infinity)) {
            try solver.solve(infiniteBound)
        }

        var notANumber = TextbookPrograms.wyndor
        notANumber.constraints[2].entries[1].coefficient = .nan
        #expect(throws: LinearProgram.ValidationError.self) { try solver.solve(notANumber) }

        var nanObjective = TextbookPrograms.wyndor
        nanObjective.variables[1].objective = .nan
        #expect(throws: LinearProgram.ValidationError.self) { try solver.solve(nanObjective) }

        var nanConstant = TextbookPrograms.wyndor
        nanConstant.objectiveConstant = .nan
        #expect(throws: LinearProgram.ValidationError.self) { try solver.solve(nanConstant) }
    }

    @Test("invalid settings throw before GLPK is called")
    func invalidSettings() {
        let program = TextbookPrograms.wyndor
        let invalid: [GLPKSolver.Settings] = [
            .init(iterationLimit: -1),
            .init(timeLimit: .milliseconds(-5)),
            .init(primalFeasibilityTolerance: 0),
            .init(primalFeasibilityTolerance: 1),
            .init(dualFeasibilityTolerance: .nan),
            .init(dualFeasibilityTolerance: -1e-7),
        ]
        for settings in invalid {
            #expect(throws: GLPKSolverError.self, "\(settings)") { try GLPKSolver(settings: settings).solve(program) }
        }
        #expect(throws: GLPKSolverError.invalidSettings("iterationLimit must be ≥ 0 (got -1)")) {
            try GLPKSolver.Settings(iterationLimit: -1).validate()
        }
    }

    @Test("errors print what is wrong")
    func messages() {
        #expect(GLPKSolverError.invalidSettings("x").description == "invalid GLPK settings: x")
        #expect(GLPKSolverError.problemTooLarge(rows: 1, columns: 2, entries: 3).description.hasPrefix("program too large for GLPK"))
    }
}
