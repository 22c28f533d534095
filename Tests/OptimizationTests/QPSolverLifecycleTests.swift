import Optimization
import Testing

/// Setup, updates, invalid data, settings and value semantics of `QPSolver`.
@Suite("QP solver lifecycle")
struct QPSolverLifecycleTests {
    private static let box = QuadraticProgram(
        hessian: [2, 0, 0, 2], gradient: [-2, -5],
        constraintMatrix: [1, -2, -1, -2, -1, 2],
        constraintLower: [-2, -6, -2], constraintUpper: [.infinity, .infinity, .infinity],
        variableLower: [0, 0], variableUpper: [.infinity, .infinity])

    @Test("non-finite data throws at setup, naming the field and index")
    func nonFiniteDataThrows() {
        var program = Self.box
        program.gradient[1] = .nan
        #expect(throws: QPDataError.nonFinite(field: .gradient, index: 1)) { try QPSolver(program: program) }
        program = Self.box
        program.hessian[3] = .infinity
        #expect(throws: QPDataError.nonFinite(field: .hessian, index: 3)) { try QPSolver(program: program) }
        program = Self.box
        program.constraintMatrix[4] = -.infinity
        #expect(throws: QPDataError.nonFinite(field: .constraintMatrix, index: 4)) { try QPSolver(program: program) }
        program = Self.box
        program.variableUpper[0] = .nan
        #expect(throws: QPDataError.nonFinite(field: .variableUpper, index: 0)) { try QPSolver(program: program) }
    }

    @Test("an asymmetric or indefinite Hessian throws")
    func badHessianThrows() {
        var program = Self.box
        program.hessian = [2, 1, 0, 2]
        #expect(throws: QPDataError.hessianNotSymmetric(row: 1, column: 0)) { try QPSolver(program: program) }
        program.hessian = [1, 2, 2, 1]
        #expect(throws: QPDataError.hessianNotPositiveDefinite(pivot: 1)) { try QPSolver(program: program) }
        program.hessian = [0, 0, 0, 1]
        #expect(throws: QPDataError.hessianNotPositiveDefinite(pivot: 0)) { try QPSolver(program: program) }
    }

    @Test("a rejected update leaves the previous data in force")
    func rejectedUpdateKeepsData() throws {
        var solver = try QPSolver(program: Self.box)
        let before = solver.solve()
        #expect(throws: QPDataError.hessianNotPositiveDefinite(pivot: 1)) { try solver.updateHessian([1, 2, 2, 1]) }
        #expect(throws: QPDataError.nonFinite(field: .gradient, index: 0)) { try solver.updateGradient([.nan, 0]) }
        var bad = Self.box
        bad.hessian = [-1, 0, 0, 1]
        #expect(throws: QPDataError.hessianNotPositiveDefinite(pivot: 0)) { try solver.update(bad) }
        #expect(solver.program == Self.box)
        let after = solver.solve()
        #expect(after.x == before.x)
    }

    @Test("each update method changes the solution like a fresh setup would")
    func updatesMatchFreshSetup() throws {
        var solver = try QPSolver(program: Self.box)
        var program = Self.box
        program.hessian = [3, 1, 1, 2]
        program.gradient = [1, -4]
        program.constraintMatrix = [1, -1, -1, -2, -1, 3]
        program.constraintLower = [-1, -5, -3]
        program.variableLower = [0.5, -1]
        program.variableUpper = [2, 2]
        try solver.updateHessian(program.hessian)
        try solver.updateGradient(program.gradient)
        try solver.updateConstraintMatrix(program.constraintMatrix)
        try solver.updateConstraintBounds(lower: program.constraintLower, upper: program.constraintUpper)
        try solver.updateVariableBounds(lower: program.variableLower, upper: program.variableUpper)
        #expect(solver.program == program)
        var fresh = try QPSolver(program: program)
        let expected = fresh.solve()
        let updated = solver.solve()
        #expect(updated.status == .solved)
        #expect(maxAbsDifference(updated.x, expected.x) <= 1e-15)
        // update(_:) with everything at once, back to the first program.
        try solver.update(Self.box)
        #expect(maxAbsDifference(solver.solve().x, [1.4, 1.7]) <= 1e-15)
    }

    @Test("updating some rows of C changes only those rows, and solves like a fresh setup")
    func updateConstraintRows() throws {
        var solver = try QPSolver(program: Self.box)
        var program = Self.box
        program.constraintMatrix = [1, -2, -1, -1, -1, 3]   // rows 1 and 2 change
        var touched = program.constraintMatrix
        touched[0] = 99                                     // row 0 is not read
        try solver.updateConstraintRows(1..<3, from: touched)
        #expect(solver.program == program)
        var fresh = try QPSolver(program: program)
        #expect(maxAbsDifference(solver.solve().x, fresh.solve().x) <= 1e-15)
        // A non-finite entry of those rows is rejected with its index; nothing changes.
        touched[5] = .nan
        #expect(throws: QPDataError.nonFinite(field: .constraintMatrix, index: 5)) {
            try solver.updateConstraintRows(2..<3, from: touched)
        }
        #expect(solver.program == program)
        // Outside the rows, a non-finite entry is not read.
        var outside = program.constraintMatrix
        outside[0] = .infinity
        try solver.updateConstraintRows(1..<2, from: outside)
        #expect(solver.program == program)
        try solver.updateConstraintRows(0..<0, from: outside)
        #expect(solver.program == program)
    }

    @Test("copies of a solver are independent values")
    func valueSemantics() throws {
        var original = try QPSolver(program: Self.box)
        let first = original.solve()
        var copy = original
        try copy.updateGradient([10, 10])
        _ = copy.solve()
        #expect(original.solve().x == first.x)
        #expect(copy.solve().x == [0, 0])
    }

    @Test("maxIterations stops the iterations and says so")
    func maxIterations() throws {
        var solver = try QPSolver(program: Self.box, settings: QPSettings(maxIterations: 0))
        let stopped = solver.solve()
        #expect(stopped.status == .maxIterations)
        #expect(stopped.iterations == 0)
        solver.settings.maxIterations = 1000
        #expect(solver.solve().status == .solved)
    }

    @Test("extreme finite data ends in a status, never a trap")
    func extremeData() throws {
        // x₀ = −H⁻¹g overflows to infinity.
        var solver = try QPSolver(program: QuadraticProgram(hessian: [1e-300], gradient: [1e300]))
        #expect(solver.solve().status == .numericalFailure)
        // Condition number beyond the pivot tolerance is rejected as not positive definite.
        #expect(throws: QPDataError.hessianNotPositiveDefinite(pivot: 1)) {
            try QPSolver(program: QuadraticProgram(hessian: [1e300, 0, 0, 1e-300], gradient: [0, 0]))
        }
        // Random data spanning many orders of magnitude: whatever the outcome, no trap, and a
        // `.solved` status comes with finite residuals.
        for seed in UInt64(1)...100 {
            var random = QPTestRandom(seed: seed)
            func wild() -> Double {
                let magnitude = Double.random(in: -500...500, using: &random)
                return (Bool.random(using: &random) ? 1 : -1) * Double(sign: .plus, exponent: Int(magnitude), significand: 1)
            }
            let n = 1 + Int(seed % 4), m = Int(seed % 5)
            let root = (0..<(n * n)).map { _ in wild() }
            var hessian = [Double](repeating: 0, count: n * n)
            for i in 0..<n { for j in 0..<n { for k in 0..<n { hessian[i * n + j] += root[k * n + i] * root[k * n + j] } } }
            let lower = (0..<m).map { _ in wild() }
            let program = QuadraticProgram(
                hessian: hessian, gradient: (0..<n).map { _ in wild() },
                constraintMatrix: (0..<(m * n)).map { _ in wild() },
                constraintLower: lower, constraintUpper: lower.map { $0 + abs(wild()) })
            guard var solver = try? QPSolver(program: program) else { continue }
            let solution = solver.solve()
            if solution.status == .solved {
                #expect(!solution.residuals.maximum.isNaN, "seed \(seed)")
            }
        }
    }

    @Test("active sets from multipliers (OSQP convention) and counting")
    func activeSetFromMultipliers() {
        let set = QPActiveSet(constraintMultipliers: [0.5, 0, -2], boundMultipliers: [-1e-3, 0])
        #expect(set.constraints == [.upper, .inactive, .lower])
        #expect(set.variables == [.lower, .inactive])
        #expect(set.count == 3)
        #expect(QPActiveSet(constraintCount: 2, variableCount: 3).count == 0)
    }
}
