import Optimization
import Testing

/// Properties over seeded random strictly convex programs (see `RandomQP`), several sizes up to
/// the largest MPC programs (n = 60, m = 150). Every failure names its seed.
@Suite("QP random programs")
struct QPRandomTests {
    struct Size: CustomTestStringConvertible, Sendable {
        var variables: Int
        var constraints: Int
        var seeds: ClosedRange<UInt64>
        var testDescription: String { "n = \(variables), m = \(constraints)" }
    }

    static let sizes: [Size] = [
        Size(variables: 1, constraints: 0, seeds: 1...20),
        Size(variables: 2, constraints: 3, seeds: 1...40),
        Size(variables: 5, constraints: 8, seeds: 1...40),
        Size(variables: 10, constraints: 20, seeds: 1...25),
        Size(variables: 20, constraints: 60, seeds: 1...12),
        Size(variables: 40, constraints: 100, seeds: 1...5),
        Size(variables: 60, constraints: 150, seeds: 1...3),
    ]

    @Test("solved, KKT residuals ≤ 1e-8, objective ≤ objective at the known feasible point", arguments: sizes)
    func optimality(size: Size) throws {
        for seed in size.seeds {
            let random = RandomQP(seed: seed, variables: size.variables, constraints: size.constraints)
            let program = random.program
            var solver = try QPSolver(program: program)
            let solution = solver.solve()
            #expect(solution.status == .solved, "seed \(seed)")
            guard solution.status == .solved else { continue }
            let residuals = recomputedResiduals(solution, of: program)
            #expect(residuals.maximum <= 1e-8, "seed \(seed): \(residuals)")
            // The solver's own residuals describe the same point.
            #expect(abs(residuals.maximum - solution.residuals.maximum) <= 1e-10, "seed \(seed)")
            let atFeasible = program.objective(at: random.feasiblePoint)
            #expect(solution.objective <= atFeasible + 1e-9 * (1 + abs(atFeasible)), "seed \(seed)")
            #expect(abs(solution.objective - program.objective(at: solution.x)) <= 1e-9 * (1 + abs(atFeasible)), "seed \(seed)")
        }
    }

    @Test("warm start from the optimal active set: at most 1 iteration, the same point", arguments: sizes)
    func warmStartFromOptimum(size: Size) throws {
        for seed in size.seeds {
            let program = RandomQP(seed: seed, variables: size.variables, constraints: size.constraints).program
            var solver = try QPSolver(program: program)
            let cold = solver.solve()
            guard cold.status == .solved else { continue }
            let warm = solver.solve(warmStart: cold.activeSet)
            #expect(warm.status == .solved, "seed \(seed)")
            #expect(warm.iterations <= 1, "seed \(seed): \(warm.iterations) iterations")
            #expect(maxAbsDifference(warm.x, cold.x) <= 1e-9, "seed \(seed)")
            #expect(recomputedResiduals(warm, of: program).maximum <= 1e-8, "seed \(seed)")
        }
    }

    @Test("warm start from a wrong guess (random sides) reaches the same point", arguments: sizes)
    func warmStartFromWrongGuess(size: Size) throws {
        for seed in size.seeds {
            let program = RandomQP(seed: seed, variables: size.variables, constraints: size.constraints).program
            var solver = try QPSolver(program: program)
            let cold = solver.solve()
            guard cold.status == .solved else { continue }
            var random = QPTestRandom(seed: seed &+ 1000)
            let sides: [QPActiveSet.Side] = [.inactive, .inactive, .lower, .upper]
            let guess = QPActiveSet(
                constraints: (0..<size.constraints).map { _ in sides.randomElement(using: &random)! },
                variables: (0..<size.variables).map { _ in sides.randomElement(using: &random)! })
            let warm = solver.solve(warmStart: guess)
            #expect(warm.status == .solved, "seed \(seed)")
            #expect(maxAbsDifference(warm.x, cold.x) <= 1e-8, "seed \(seed)")
            #expect(recomputedResiduals(warm, of: program).maximum <= 1e-8, "seed \(seed)")
        }
    }

    @Test("a perturbed gradient, warm-started from the old active set, matches a cold solve", arguments: sizes)
    func warmStartAfterPerturbation(size: Size) throws {
        for seed in size.seeds {
            var program = RandomQP(seed: seed, variables: size.variables, constraints: size.constraints).program
            var solver = try QPSolver(program: program)
            let first = solver.solve()
            guard first.status == .solved else { continue }
            var random = QPTestRandom(seed: seed &+ 2000)
            program.gradient = program.gradient.map { $0 + random.uniform(-0.1, 0.1) }
            try solver.updateGradient(program.gradient)
            let warm = solver.solve(warmStart: first.activeSet)
            var fresh = try QPSolver(program: program)
            let cold = fresh.solve()
            #expect(warm.status == cold.status, "seed \(seed)")
            guard cold.status == .solved else { continue }
            #expect(maxAbsDifference(warm.x, cold.x) <= 1e-8, "seed \(seed)")
        }
    }

    @Test("without polish the point is still accurate to 1e-8", arguments: sizes)
    func withoutPolish(size: Size) throws {
        for seed in size.seeds {
            let program = RandomQP(seed: seed, variables: size.variables, constraints: size.constraints).program
            var solver = try QPSolver(program: program, settings: QPSettings(polish: false))
            let solution = solver.solve()
            #expect(solution.status == .solved, "seed \(seed)")
            #expect(recomputedResiduals(solution, of: program).maximum <= 1e-8, "seed \(seed)")
        }
    }
}
