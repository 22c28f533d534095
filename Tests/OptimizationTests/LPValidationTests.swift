import Testing
import Optimization

@Suite("LinearProgram.validate")
struct LPValidationTests {
    /// max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18, x, y ≥ 0: valid.
    static var valid: LinearProgram {
        var program = LinearProgram(sense: .maximize)
        program.addVariable(objective: 3)
        program.addVariable(objective: 5)
        program.addConstraint([.init(0, 1)], bounds: .upper(4))
        program.addConstraint([.init(1, 2)], bounds: .upper(12))
        program.addConstraint([.init(0, 3), .init(1, 2)], bounds: .upper(18))
        return program
    }

    @Test("a valid program passes, including empty ones")
    func validPrograms() throws {
        try Self.valid.validate()
        try LinearProgram().validate()
        var rowOnly = LinearProgram()
        rowOnly.addConstraint([], bounds: .double(-1, 1))
        try rowOnly.validate()
        var equalBounds = LinearProgram()
        equalBounds.addVariable(bounds: .double(2, 2))
        try equalBounds.validate()
    }

    @Test("each kind of invalid input is named with its position")
    func invalidInputs() {
        func expectError(_ expected: LinearProgram.ValidationError, _ change: (inout LinearProgram) -> Void) {
            var program = Self.valid
            change(&program)
            #expect(throws: expected) { try program.validate() }
        }
        expectError(.nonFiniteObjectiveCoefficient(column: 1, value: .infinity)) {
            $0.variables[1].objective = .infinity
        }
        expectError(.nonFiniteObjectiveConstant(-.infinity)) { $0.objectiveConstant = -.infinity }
        expectError(.nonFiniteBound(.column(0), value: .infinity)) { $0.variables[0].bounds = .double(0, .infinity) }
        expectError(.nonFiniteBound(.row(2), value: -.infinity)) { $0.constraints[2].bounds = .lower(-.infinity) }
        expectError(.invertedBounds(.column(1), lower: 2, upper: 1)) { $0.variables[1].bounds = .double(2, 1) }
        expectError(.invertedBounds(.row(0), lower: 5, upper: 4)) { $0.constraints[0].bounds = .double(5, 4) }
        expectError(.columnOutOfRange(row: 2, position: 1, column: 2, columnCount: 2)) {
            $0.constraints[2].entries[1].column = 2
        }
        expectError(.columnOutOfRange(row: 1, position: 0, column: -1, columnCount: 2)) {
            $0.constraints[1].entries[0].column = -1
        }
        expectError(.nonFiniteCoefficient(row: 2, column: 0, value: .infinity)) {
            $0.constraints[2].entries[0].coefficient = .infinity
        }
        expectError(.duplicateEntry(row: 2, column: 1)) {
            $0.constraints[2].entries.append(.init(1, 4))
        }
    }

    /// NaN never equals itself, so these cases are matched by pattern rather than by `==`.
    @Test("NaN anywhere is rejected")
    func notANumber() {
        func error(_ change: (inout LinearProgram) -> Void) -> LinearProgram.ValidationError? {
            var program = Self.valid
            change(&program)
            do {
                try program.validate()
                return nil
            } catch { return error }
        }
        guard case .nonFiniteObjectiveCoefficient(column: 0, let value)? = error({ $0.variables[0].objective = .nan }),
            value.isNaN
        else { Issue.record("NaN objective coefficient not rejected"); return }
        guard case .nonFiniteBound(.row(1), let bound)? = error({ $0.constraints[1].bounds = .upper(.nan) }),
            bound.isNaN
        else { Issue.record("NaN row bound not rejected"); return }
        guard case .nonFiniteBound(.column(1), _)? = error({ $0.variables[1].bounds = .fixed(.nan) }) else {
            Issue.record("NaN fixed bound not rejected"); return
        }
        guard case .nonFiniteCoefficient(row: 0, column: 0, let coefficient)? =
            error({ $0.constraints[0].entries[0].coefficient = .nan }), coefficient.isNaN
        else { Issue.record("NaN coefficient not rejected"); return }
        guard case .nonFiniteCoefficient(row: 1, column: 0, _)? =
            error({ $0.constraints[1] = .init(dense: [.nan, 1], bounds: .free) })
        else { Issue.record("NaN in a dense row not rejected"); return }
    }

    @Test("a column repeated in different rows is not a duplicate")
    func sameColumnInTwoRows() throws {
        var program = LinearProgram()
        program.addVariable()
        program.addConstraint([.init(0, 1)], bounds: .lower(0))
        program.addConstraint([.init(0, 2)], bounds: .lower(0))
        try program.validate()
        program.constraints[1].entries.append(.init(0, 1))
        #expect(throws: LinearProgram.ValidationError.duplicateEntry(row: 1, column: 0)) { try program.validate() }
    }

    @Test("error messages name the offending entry")
    func messages() {
        #expect(LinearProgram.ValidationError.duplicateEntry(row: 3, column: 7).description == "row 3 lists column 7 more than once")
        #expect(
            LinearProgram.ValidationError.invertedBounds(.column(2), lower: 1, upper: 0).description
                == "bounds of column 2 are inverted: lower 1.0 > upper 0.0")
    }
}
