import Optimization
import Testing

/// Infeasible programs end with status `.infeasible`, never a trap or an error.
@Suite("QP infeasibility")
struct QPInfeasibilityTests {
    private static let identity2: [Double] = [1, 0, 0, 1]

    @Test("a row that the bounds cannot reach: x₁ + x₂ ≥ 3 with x ≤ 1")
    func unreachableRow() throws {
        let program = QuadraticProgram(
            hessian: Self.identity2, gradient: [0, 0],
            constraintMatrix: [1, 1], constraintLower: [3], constraintUpper: [.infinity],
            variableLower: [-.infinity, -.infinity], variableUpper: [1, 1])
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.residuals.primalInfeasibility > 0.5)
    }

    @Test("contradictory inequalities found by the dual iterations: x₁ ≥ 1 and x₁ ≤ 0 as rows")
    func contradictoryRows() throws {
        let program = QuadraticProgram(
            hessian: Self.identity2, gradient: [1, 1],
            constraintMatrix: [1, 0, 2, 0], constraintLower: [1, -.infinity], constraintUpper: [.infinity, 0])
        var solver = try QPSolver(program: program)
        #expect(solver.solve().status == .infeasible)
        // The same with a warm start that guesses both rows active.
        let guess = QPActiveSet(constraints: [.lower, .upper], variables: [.inactive, .inactive])
        #expect(solver.solve(warmStart: guess).status == .infeasible)
    }

    @Test("crossed bounds (l > u, lb > ub) and bounds at the wrong infinity")
    func crossedBounds() throws {
        let rows = QuadraticProgram(
            hessian: Self.identity2, gradient: [0, 0],
            constraintMatrix: [1, 1], constraintLower: [2], constraintUpper: [1])
        var solver = try QPSolver(program: rows)
        #expect(solver.solve().status == .infeasible)

        let bounds = QuadraticProgram(
            hessian: Self.identity2, gradient: [0, 0], variableLower: [0, 1], variableUpper: [1, 0])
        var boundSolver = try QPSolver(program: bounds)
        #expect(boundSolver.solve().status == .infeasible)

        let infinite = QuadraticProgram(
            hessian: Self.identity2, gradient: [0, 0],
            constraintMatrix: [1, 0], constraintLower: [.infinity], constraintUpper: [.infinity])
        var infiniteSolver = try QPSolver(program: infinite)
        #expect(infiniteSolver.solve().status == .infeasible)
    }

    @Test("an infeasible verdict from the bounds alone reports no active set left from an earlier solve")
    func noStaleActiveSet() throws {
        var program = QuadraticProgram(
            hessian: Self.identity2, gradient: [-4, -4],
            constraintMatrix: [1, -1, 1, 1], constraintLower: [-1, -.infinity], constraintUpper: [1, 1])
        var solver = try QPSolver(program: program)
        #expect(solver.solve().activeSet.constraints == [.inactive, .upper])
        // Row 0 crossed: the verdict comes before row 1 is looked at.
        program.constraintLower = [2, -.infinity]
        try solver.update(program)
        let solution = solver.solve()
        #expect(solution.status == .infeasible)
        #expect(solution.activeSet.count == 0)
    }

    @Test("a zero row whose bounds exclude 0, and one whose bounds include 0")
    func zeroRows() throws {
        var program = QuadraticProgram(
            hessian: Self.identity2, gradient: [-1, 0],
            constraintMatrix: [0, 0], constraintLower: [1], constraintUpper: [2])
        var solver = try QPSolver(program: program)
        #expect(solver.solve().status == .infeasible)
        program.constraintLower = [-1]
        try solver.update(program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, [1, 0]) <= 1e-15)
    }

    @Test("inconsistent equalities: x₁ + x₂ = 1 and 2x₁ + 2x₂ = 3")
    func inconsistentEqualities() throws {
        var program = QuadraticProgram(
            hessian: Self.identity2, gradient: [0, 0],
            constraintMatrix: [1, 1, 2, 2], constraintLower: [1, 3], constraintUpper: [1, 3])
        var solver = try QPSolver(program: program)
        #expect(solver.solve().status == .infeasible)
        // Consistent redundant equalities are fine.
        program.constraintLower = [1, 2]
        program.constraintUpper = [1, 2]
        try solver.update(program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, [0.5, 0.5]) <= 1e-15)
    }

    @Test("seeded random infeasible programs: a row pushed beyond what the box allows")
    func randomInfeasible() throws {
        for seed in UInt64(1)...20 {
            var random = QPTestRandom(seed: seed)
            let n = 2 + Int(seed % 6), m = 3 + Int(seed % 5)
            var base = RandomQP(seed: seed, variables: n, constraints: m).program
            base.variableLower = Array(repeating: -1, count: n)
            base.variableUpper = Array(repeating: 1, count: n)
            // Row 0 must exceed its largest value over the box [−1, 1]ⁿ, which is Σ|c_j|.
            let reach = (0..<n).reduce(0.0) { $0 + abs(base.constraintMatrix[$1]) }
            base.constraintLower[0] = reach + random.uniform(0.01, 1)
            base.constraintUpper[0] = .infinity
            var solver = try QPSolver(program: base)
            #expect(solver.solve().status == .infeasible, "seed \(seed)")
        }
    }
}
