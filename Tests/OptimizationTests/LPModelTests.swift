import Testing
import Optimization

@Suite("LinearProgram model")
struct LPModelTests {
    @Test("building a program numbers columns and rows in order")
    func building() {
        var program = LinearProgram(sense: .maximize, objectiveConstant: 1.5)
        let x = program.addVariable(objective: 3, name: "x")
        let y = program.addVariable(objective: 5, bounds: .double(0, 10))
        let row = program.addConstraint([.init(x, 3), .init(y, 2)], bounds: .upper(18))
        #expect((x, y, row) == (0, 1, 0))
        #expect(program.columnCount == 2)
        #expect(program.rowCount == 1)
        #expect(program.entryCount == 2)
        #expect(program.objectiveCoefficients == [3, 5])
        #expect(program.variables[0].bounds == .lower(0))
        #expect(program.variables[0].name == "x")
        #expect(program.objectiveValue(at: [2, 6]) == 1.5 + 6 + 30)
        #expect(program.rowActivities(at: [2, 6]) == [18])
    }

    @Test("a dense row stores only its non-zeros")
    func denseRow() {
        let row = LinearProgram.Constraint(dense: [0, 2, 0, -1], bounds: .fixed(3))
        #expect(row.entries == [.init(1, 2), .init(3, -1)])
        #expect(row.bounds.lowerBound == 3 && row.bounds.upperBound == 3)
    }

    @Test(
        "bounds report their sides, membership and violation",
        arguments: [
            (LinearProgram.Bounds.free, -Double.infinity, Double.infinity),
            (.lower(-2), -2, .infinity),
            (.upper(4), -.infinity, 4),
            (.double(-1, 3), -1, 3),
            (.fixed(7), 7, 7),
        ])
    func bounds(bounds: LinearProgram.Bounds, lower: Double, upper: Double) {
        #expect(bounds.lowerBound == lower)
        #expect(bounds.upperBound == upper)
        if lower.isFinite {
            #expect(bounds.contains(lower))
            #expect(!bounds.contains(lower - 0.5))
            #expect(bounds.contains(lower - 0.5, tolerance: 0.5))
            #expect(bounds.violation(of: lower - 0.25) == 0.25)
        }
        if upper.isFinite {
            #expect(bounds.contains(upper))
            #expect(!bounds.contains(upper + 0.5))
            #expect(bounds.violation(of: upper + 2) == 2)
        }
        if !lower.isFinite && !upper.isFinite {
            #expect(bounds.contains(-1e300) && bounds.contains(1e300))
        }
    }

    @Test("a solution lists its basic columns and tight rows")
    func supports() {
        let solution = LPSolution(
            status: .optimal, objectiveValue: 0, primalValues: [1, 0, 2], rowActivities: [0, 1],
            rowDuals: [1, 0], reducedCosts: [0, 1, 0], rowBasis: [.atUpper, .basic],
            columnBasis: [.basic, .atLower, .basic], iterations: 2)
        #expect(solution.basicColumns == [0, 2])
        #expect(solution.nonbasicRows == [0])
        #expect(LPSolution(status: .infeasible).primalValues.isEmpty)
        #expect(LPStatus.failed(reason: "iteration limit reached").description == "failed (iteration limit reached)")
    }
}
