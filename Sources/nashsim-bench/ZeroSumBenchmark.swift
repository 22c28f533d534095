import Foundation
import GLPK
import GameTheory
import Optimization

/// Benchmark of `ZeroSumSolver` with GLPK on random zero-sum games with integer payoffs in
/// −100...100 (seeded through `BenchmarkRandom`; each repetition solves a different game, one more
/// game is solved first to warm up).
///
/// Two timings per size: the whole `ZeroSumSolver.solve` (LP build, GLPK, `Double` certificate,
/// exact confirmation or exact bracket) and the LP alone (`GLPKSolver.solve` of a prebuilt
/// `ZeroSumLP`). A second table times alternative formulations and GLPK settings on the same
/// games (LP only), which is how the defaults were chosen.
func zeroSumBenchmark() -> String {
    var out = "## Zero-sum games by LP (GLPK)\n\n"
    out += """
        Random m × m zero-sum games, integer payoffs in −100...100. Formulation: payoffs mapped into \
        [1, 2], then `max Σy s.t. A′y ≤ 1, y ≥ 0` (the all-slack basis is feasible, no phase 1); \
        the column strategy is y/Σy, the row strategy the normalized row duals, so one LP gives both. \
        GLPK \(GLPKSolver.libraryVersion) with `GLPKSolver.Settings()`: dual simplex, long-step ratio \
        test, projected steepest edge, no presolve, automatic scaling. *Solve* is the whole \
        `ZeroSumSolver.solve` including the `Double` certificate and the exact confirmation (supports \
        ≤ 40: the basis' indifference systems solved exactly by multi-modular elimination, checked by \
        the exact certificate) or, beyond that, the exact bracket of the value; *LP* is GLPK alone. The gap is \
        maxᵢ (Ay)ᵢ − minⱼ (xᵀA)ⱼ of the LP strategies in `Double`; for bracketed games the *exact value* \
        column gives the widest exact bracket. The last column times the solve with the exact \
        confirmation forced at any support size (multi-modular solve, cost about k⁴), up to 200 × 200.


        """
    out += "| size | games | solve median | solve max | LP median | LP max | LP iterations (median) | max certificate gap | exact value | solve, exact at any support (median) |\n"
    out += "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n"
    let solver = GLPKSolver()
    let zeroSum = ZeroSumSolver(lpSolver: solver)
    let alwaysExact = ZeroSumSolver(lpSolver: solver, exactSupportLimit: .max)
    var alternativeGames: [Int: [BimatrixGame]] = [:]
    for (size, repetitions) in [(10, 40), (50, 20), (100, 15), (200, 7), (500, 5)] {
        let games = (0...repetitions).map { zeroSumBenchmarkGame(size: size, seed: UInt64(size * 1000 + $0)) }
        if size == 100 || size == 500 { alternativeGames[size] = Array(games.dropFirst()) }
        let programs = games.map { ZeroSumLP(rowPayoffs: $0.rowPayoffs).program }
        var solutions: [ZeroSumSolution] = []
        var failures: [String] = []
        func solveGame(_ index: Int) {
            do { solutions.append(try zeroSum.solve(games[index])) } catch { failures.append("\(error)") }
        }
        solveGame(0)
        solutions.removeAll()
        var next = 1
        let full = measure(repetitions: repetitions, warmUp: false) {
            solveGame(next)
            next += 1
        }
        next = 1
        var iterations: [Int] = []
        let lpOnly = measure(repetitions: repetitions, warmUp: false) {
            if let solution = try? solver.solve(programs[next]) { iterations.append(solution.iterations) }
            next += 1
        }
        var forced = "–"
        if size <= 200 {
            next = 1
            var confirmedEverywhere = true
            let sample = measure(repetitions: repetitions, warmUp: false) {
                if (try? alwaysExact.solve(games[next]))?.confirmation != .exact { confirmedEverywhere = false }
                next += 1
            }
            forced = formatDuration(sample.median) + (confirmedEverywhere ? "" : " (not all confirmed)")
        }
        guard failures.isEmpty else {
            out += "| \(size) × \(size) | \(repetitions) | failed: \(failures[0]) | | | | | | | |\n"
            continue
        }
        let confirmed = solutions.filter { $0.confirmation == .exact }.count
        var exactness = "\(confirmed)/\(solutions.count) confirmed"
        if confirmed < solutions.count {
            let widest = solutions.compactMap { $0.valueBounds }.map { ($0.upper - $0.lower).doubleValue }.max() ?? .nan
            exactness += ", \(solutions.count - confirmed) bracketed (width ≤ \(String(format: "%.1e", widest)))"
        }
        let gap = solutions.map(\.certificateGap).max() ?? .nan
        out += "| \(size) × \(size) | \(repetitions) | \(formatDuration(full.median)) | \(formatDuration(full.max)) "
        out += "| \(formatDuration(lpOnly.median)) | \(formatDuration(lpOnly.max)) | \(zeroSumMedian(iterations)) "
        out += "| \(String(format: "%.1e", gap)) | \(exactness) | \(forced) |\n"
    }
    out += "\n" + zeroSumAlternatives(alternativeGames)
    return out
}

/// A random zero-sum game with integer payoffs in −100...100.
private func zeroSumBenchmarkGame(size: Int, seed: UInt64) -> BimatrixGame {
    var random = BenchmarkRandom(seed: seed)
    let payoffs = Matrix<Rational>(rows: size, columns: size) { _, _ in Rational(Int.random(in: -100...100, using: &random)) }
    return .zeroSum(payoffs)
}

private func zeroSumMedian(_ values: [Int]) -> String {
    guard !values.isEmpty else { return "–" }
    return "\(values.sorted()[values.count / 2])"
}

/// Median LP time and iterations of other formulations and settings on the games of the main table.
private func zeroSumAlternatives(_ gamesBySize: [Int: [BimatrixGame]]) -> String {
    typealias Settings = GLPKSolver.Settings
    let chosen = Settings()
    let alternatives: [(String, (Matrix<Double>) -> LinearProgram, Settings)] = [
        ("**chosen**: max Σy, A′y ≤ 1; dual, long-step", zeroSumColumnLP, chosen),
        ("max Σy, A′y ≤ 1; dual, Harris", zeroSumColumnLP, Settings(ratioTest: .harris)),
        ("max Σy, A′y ≤ 1; primal, Harris (GLPK's defaults)", zeroSumColumnLP, Settings(method: .primal, ratioTest: .harris)),
        ("max Σy, A′y ≤ 1; dual then primal, long-step", zeroSumColumnLP, Settings(method: .dualThenPrimal)),
        ("max Σy, A′y ≤ 1; dual, long-step, no scaling", zeroSumColumnLP, Settings(scaling: false)),
        ("max Σy, A′y ≤ 1; dual, long-step, presolve", zeroSumColumnLP, Settings(presolve: true)),
        ("min Σx, A′ᵀx ≥ 1 (row side as primal); dual, long-step", zeroSumRowLP, chosen),
        ("min Σx, A′ᵀx ≥ 1 (row side as primal); primal, Harris", zeroSumRowLP, Settings(method: .primal, ratioTest: .harris)),
        ("max v, Aᵀx ≥ v, Σx = 1 (textbook); primal, Harris, presolve", zeroSumTextbookLP,
         Settings(method: .primal, presolve: true, ratioTest: .harris)),
    ]
    let sizes = gamesBySize.keys.sorted()
    var out = "Alternatives (LP only; median time and median iterations over the same games; the "
    out += "alternatives take turns game by game, so that a change in machine load affects them alike):\n\n"
    out += "| formulation; GLPK settings |" + sizes.map { " \($0) × \($0) |" }.joined() + "\n"
    out += "|---|" + sizes.map { _ in "---:|" }.joined() + "\n"
    var cells = [[String]](repeating: [], count: alternatives.count)
    for size in sizes {
        let games = gamesBySize[size]!
        var seconds = [[Double]](repeating: [], count: alternatives.count)
        var iterations = [[Int]](repeating: [], count: alternatives.count)
        var failed = [Bool](repeating: false, count: alternatives.count)
        for game in games {
            for (index, (_, build, settings)) in alternatives.enumerated() {
                let program = build(game.rowPayoffs)
                let solver = GLPKSolver(settings: settings)
                var solution: LPSolution?
                let sample = measure(repetitions: 1, warmUp: false) { solution = try? solver.solve(program) }
                seconds[index].append(sample.median)
                if let solution, solution.status == .optimal { iterations[index].append(solution.iterations) } else { failed[index] = true }
            }
        }
        for index in alternatives.indices {
            let median = TimingSample(seconds: seconds[index]).median
            cells[index].append(failed[index] ? "failed" : "\(formatDuration(median)) (\(zeroSumMedian(iterations[index])) it.)")
        }
    }
    for (index, (name, _, _)) in alternatives.enumerated() {
        out += "| \(name) |" + cells[index].map { " \($0) |" }.joined() + "\n"
    }
    return out
}

/// The chosen formulation (`ZeroSumLP`).
private func zeroSumColumnLP(_ a: Matrix<Double>) -> LinearProgram {
    ZeroSumLP(rowPayoffs: a).program
}

/// The row player's side as the primal: min Σx s.t. A′ᵀx ≥ 1, x ≥ 0, A′ in [1, 2].
private func zeroSumRowLP(_ a: Matrix<Double>) -> LinearProgram {
    let lowest = a.elements.min()!, range = max(a.elements.max()! - lowest, 1)
    var program = LinearProgram(sense: .minimize)
    for _ in 0..<a.rows { program.addVariable(objective: 1) }
    for j in 0..<a.columns {
        program.addConstraint((0..<a.rows).map { .init($0, 1 + (a[$0, j] - lowest) / range) }, bounds: .lower(1))
    }
    return program
}

/// The textbook formulation: max v s.t. (xᵀA)ⱼ ≥ v for every column, Σx = 1, x ≥ 0, v free.
private func zeroSumTextbookLP(_ a: Matrix<Double>) -> LinearProgram {
    var program = LinearProgram(sense: .maximize)
    for _ in 0..<a.rows { program.addVariable(objective: 0) }
    let v = program.addVariable(objective: 1, bounds: .free)
    for j in 0..<a.columns {
        program.addConstraint((0..<a.rows).map { .init($0, a[$0, j]) } + [.init(v, -1)], bounds: .lower(0))
    }
    program.addConstraint((0..<a.rows).map { .init($0, 1) }, bounds: .fixed(1))
    return program
}
