import Testing
import Optimization
@testable import GLPK

/// Seeded random programs, feasible and bounded by construction, each solution checked by its
/// KKT/duality certificate rather than against a stored answer.
@Suite("GLPKSolver on seeded random programs")
struct GLPKRandomProgramTests {
    /// A random program around a random point x₀ that satisfies every bound, so it is feasible;
    /// every variable with an infinite side also gets a box row |xⱼ − x₀ⱼ| ≤ 10, so it is bounded.
    /// Bounds of every kind appear on variables and rows; coefficients are in [−9, 9] with about
    /// half of them zero.
    static func program(seed: UInt64) -> LinearProgram {
        var random = SeededGenerator(seed: seed)
        let columns = Int.random(in: 1...25, using: &random)
        let rows = Int.random(in: 0...25, using: &random)
        let point = (0..<columns).map { _ in Double.random(in: -5...5, using: &random) }
        func bounds(around value: Double) -> LinearProgram.Bounds {
            let below = value - Double.random(in: 0...3, using: &random)
            let above = value + Double.random(in: 0...3, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: return .free
            case 1: return .lower(below)
            case 2: return .upper(above)
            case 3: return .double(below, above)
            default: return .fixed(value)
            }
        }
        var program = LinearProgram(
            sense: Bool.random(using: &random) ? .minimize : .maximize,
            objectiveConstant: Double.random(in: -10...10, using: &random))
        for value in point {
            program.addVariable(objective: Double.random(in: -5...5, using: &random), bounds: bounds(around: value))
        }
        for _ in 0..<rows {
            var entries: [LinearProgram.Entry] = []
            for column in 0..<columns where Bool.random(using: &random) {
                entries.append(.init(column, Double(Int.random(in: -9...9, using: &random))))
            }
            let activity = entries.reduce(0) { $0 + $1.coefficient * point[$1.column] }
            program.addConstraint(entries, bounds: bounds(around: activity))
        }
        for (column, variable) in program.variables.enumerated()
        where !variable.bounds.lowerBound.isFinite || !variable.bounds.upperBound.isFinite {
            program.addConstraint([.init(column, 1)], bounds: .double(point[column] - 10, point[column] + 10))
        }
        return program
    }

    /// Certificate, reporting and basis checks of one optimal solution.
    static func check(_ solution: LPSolution, of program: LinearProgram, seed: UInt64, settings: GLPKSolver.Settings) throws {
        let label = Comment(rawValue: "seed \(seed), \(settings)")
        try #require(solution.status == .optimal, label)
        let certificate = try #require(program.certificate(for: solution), label)
        #expect(certificate.primalInfeasibility <= 1e-7, label)
        #expect(certificate.dualInfeasibility <= 1e-7, label)
        #expect(abs(certificate.dualityGap) <= 1e-7 * (1 + abs(certificate.primalObjective)), label)
        #expect(certificate.reducedCostMismatch <= 1e-7, label)
        #expect(abs(solution.objectiveValue - certificate.primalObjective) <= 1e-7 * (1 + abs(certificate.primalObjective)), label)
        #expect(isClose(solution.rowActivities, program.rowActivities(at: solution.primalValues), tolerance: 1e-7), label)
        // A basis has exactly one basic variable (row or column) per row.
        let basicCount = solution.rowBasis.filter { $0 == .basic }.count + solution.basicColumns.count
        #expect(basicCount == program.rowCount, label)
        for (column, status) in solution.columnBasis.enumerated() {
            let bounds = program.variables[column].bounds
            switch status {
            case .atLower: #expect(solution.primalValues[column] == bounds.lowerBound, label)
            case .atUpper: #expect(solution.primalValues[column] == bounds.upperBound, label)
            case .fixed: #expect(solution.primalValues[column] == bounds.lowerBound, label)
            case .free: #expect(solution.primalValues[column] == 0, label)
            case .basic: break
            }
        }
    }

    @Test("default settings: 200 random programs are certified optimal", arguments: 0..<4)
    func defaultSettings(batch: UInt64) throws {
        let settings = GLPKSolver.Settings()
        for seed in (batch * 50)..<((batch + 1) * 50) {
            let program = Self.program(seed: seed)
            try Self.check(try GLPKSolver(settings: settings).solve(program), of: program, seed: seed, settings: settings)
        }
    }

    @Test("every method and presolve setting agrees on the optimal value", arguments: methodAndPresolveSettings)
    func settingsAgree(settings: GLPKSolver.Settings) throws {
        for seed in UInt64(1000)..<1040 {
            let program = Self.program(seed: seed)
            let solution = try GLPKSolver(settings: settings).solve(program)
            try Self.check(solution, of: program, seed: seed, settings: settings)
            let reference = try GLPKSolver().solve(program)
            #expect(abs(solution.objectiveValue - reference.objectiveValue) <= 1e-7 * (1 + abs(reference.objectiveValue)),
                    "seed \(seed)")
        }
    }

    @Test("concurrent solves on several threads give the serial answers")
    func concurrentSolves() async throws {
        let seeds = Array(UInt64(2000)..<2064)
        let solver = GLPKSolver()
        let serial = try seeds.map { try solver.solve(Self.program(seed: $0)) }
        let parallel = try await withThrowingTaskGroup(of: (Int, LPSolution).self) { group in
            for (index, seed) in seeds.enumerated() {
                group.addTask { (index, try solver.solve(Self.program(seed: seed))) }
            }
            var results = [LPSolution?](repeating: nil, count: seeds.count)
            for try await (index, solution) in group { results[index] = solution }
            return results
        }
        for (index, solution) in parallel.enumerated() {
            #expect(solution == serial[index], "seed \(seeds[index])")
        }
        #expect(GLPKEnvironment.isThreadLocal, "Debian's GLPK is expected to be built with thread-local storage")
    }
}
