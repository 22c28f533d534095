import Foundation
import Optimization

/// Benchmark of the MPC QP solver: the car-following program of `LongitudinalMPCProblem`
/// (horizon 20, dt = 0.1 s: n = 20 accelerations, m = 60 rows plus 20 bounds), solved at every
/// step of simulated car-following episodes behind a seeded, randomly accelerating leader.
///
/// At every step the same data is solved twice, by two solvers set up once: *cold* (from the
/// unconstrained minimiser) and *warm* (from the previous active set shifted one step). The ego
/// car applies the warm plan's first acceleration (or brakes as hard as the jerk limit allows
/// when the program is infeasible). Only `solve` is timed; data updates are not.
func qpBenchmark() -> String {
    let episodes = 10, stepsPerEpisode = 1000
    let parameters = LongitudinalMPCParameters()
    let problem: LongitudinalMPCProblem
    do { problem = try LongitudinalMPCProblem(parameters: parameters) } catch {
        return "## QP solver (MPC)\n\ncannot build the benchmark problem: \(error)\n"
    }
    let n = parameters.horizon, dt = parameters.timeStep
    var cold = QPModeRecord(), warm = QPModeRecord()
    var largestDisagreement = 0.0, infeasibleSteps = 0, minimumGap = Double.infinity, activeTotal = 0

    for episode in 0..<episodes {
        var random = BenchmarkRandom(seed: 0x5150 + UInt64(episode))
        var leaderGap = Double.random(in: 30...60, using: &random)
        var leaderSpeed = Double.random(in: 15...30, using: &random)
        var leaderAcceleration = 0.0, nextManoeuvre = 0
        var state = LongitudinalMPCState(
            speed: Double.random(in: 18...30, using: &random), acceleration: 0,
            desiredSpeed: Double.random(in: 25...32, using: &random),
            leaderPositions: Array(repeating: 0, count: n))
        var program = problem.program(for: state)
        var coldSolver: QPSolver, warmSolver: QPSolver
        do {
            coldSolver = try QPSolver(program: program)
            warmSolver = coldSolver
        } catch {
            return "## QP solver (MPC)\n\ncannot set up the solver: \(error)\n"
        }
        var guess: QPActiveSet?

        for step in 0..<stepsPerEpisode {
            if step == nextManoeuvre {
                leaderAcceleration = Double.random(in: -3...1.5, using: &random)
                nextManoeuvre = step + Int.random(in: 20...50, using: &random)
            }
            // Constant-speed prediction of the leader, relative to the ego car now.
            for k in 0..<n { state.leaderPositions![k] = leaderGap + Double(k + 1) * dt * leaderSpeed }
            problem.update(&program, for: state)
            do {
                try coldSolver.update(program)
                try warmSolver.update(program)
            } catch {
                return "## QP solver (MPC)\n\nrejected data at episode \(episode), step \(step): \(error)\n"
            }
            var start = DispatchTime.now().uptimeNanoseconds
            let coldSolution = coldSolver.solve()
            cold.record(coldSolution, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            start = DispatchTime.now().uptimeNanoseconds
            let warmSolution = warmSolver.solve(warmStart: guess)
            warm.record(warmSolution, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)

            let acceleration: Double
            if warmSolution.status == .solved {
                if coldSolution.status == .solved {
                    for k in 0..<n { largestDisagreement = max(largestDisagreement, abs(coldSolution.x[k] - warmSolution.x[k])) }
                }
                activeTotal += warmSolution.activeSet.count
                acceleration = warmSolution.x[0]
                guess = problem.shifted(warmSolution.activeSet)
            } else {
                infeasibleSteps += 1
                acceleration = max(parameters.minAcceleration, state.acceleration + parameters.minJerk * dt)
                guess = nil
            }
            // Integrate both cars over one step (speeds never negative).
            let egoSpeed = max(0, state.speed + acceleration * dt)
            let newLeaderSpeed = min(33, max(3, leaderSpeed + leaderAcceleration * dt))
            leaderGap += 0.5 * (leaderSpeed + newLeaderSpeed) * dt - 0.5 * (state.speed + egoSpeed) * dt
            minimumGap = min(minimumGap, leaderGap)
            state.acceleration = egoSpeed > 0 ? acceleration : 0
            state.speed = egoSpeed
            leaderSpeed = newLeaderSpeed
        }
    }

    let solves = episodes * stepsPerEpisode
    var text = "## QP solver (MPC)\n\n"
    text += "Car-following MPC QP (`LongitudinalMPCProblem`, horizon \(n), dt = \(dt) s: \(n) variables, "
    text += "\(3 * n) rows + \(n) bounds), Goldfarb–Idnani dual active set with polish, "
    text += "\(solves) solves along \(episodes) seeded episodes of \(stepsPerEpisode) steps behind a randomly "
    text += "accelerating leader. Cold: from the unconstrained minimiser; warm: from the previous active set "
    text += "shifted one step. Only `solve` is timed; the maxima are sensitive to other load on the machine. "
    text += "The ego car usually follows a slower leader, so the headway constraint binds along most of the horizon.\n\n"
    text += "| start | p50 | p95 | max | iterations p50 | iterations max | max KKT residual (solved) | statuses |\n"
    text += "|---|---|---|---|---|---|---|---|\n"
    text += cold.row(label: "cold")
    text += warm.row(label: "warm")
    text += "\n"
    text += String(format: "Mean active constraints: %.1f; largest |x_cold − x_warm|: %.1e; ", Double(activeTotal) / Double(max(1, solves - infeasibleSteps)), largestDisagreement)
    text += "infeasible steps (fallback braking): \(infeasibleSteps); smallest gap: \(String(format: "%.2f", minimumGap)) m.\n"
    return text
}

/// Timings, iteration counts and accuracy of one way of starting the solver.
private struct QPModeRecord {
    var seconds: [Double] = []
    var iterations: [Double] = []
    var largestResidual = 0.0
    var statusCounts: [QPStatus: Int] = [:]

    mutating func record(_ solution: QPSolution, seconds duration: Double) {
        seconds.append(duration)
        iterations.append(Double(solution.iterations))
        statusCounts[solution.status, default: 0] += 1
        if solution.status == .solved { largestResidual = max(largestResidual, solution.residuals.maximum) }
    }

    func row(label: String) -> String {
        let time = TimingSample(seconds: seconds), count = TimingSample(seconds: iterations)
        return "| \(label) | \(formatDuration(time.median)) | \(formatDuration(time.percentile(95))) | "
            + "\(formatDuration(time.max)) | \(Int(count.median)) | \(Int(count.max)) | "
            + String(format: "%.1e", largestResidual) + " | \(statuses) |\n"
    }

    /// E.g. "9972 solved, 28 infeasible", in the order of `QPStatus`'s cases.
    private var statuses: String {
        let order: [QPStatus] = [.solved, .infeasible, .maxIterations, .numericalFailure]
        return order.compactMap { status in statusCounts[status].map { "\($0) \(status)" } }.joined(separator: ", ")
    }
}
