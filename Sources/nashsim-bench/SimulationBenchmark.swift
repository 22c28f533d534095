import Foundation
import Simulation

/// The highway-merge world at growing size: how the time per step grows from 10 to 1000 cars, the
/// per-agent QP solve times, the whole step per agent against the QP time, and the real-time factor
/// (simulated seconds per wall-clock second), with 1 and 2 threads.
///
/// Traffic: `n` cars on one long main lane, 40 m apart at 25 m/s (desired 27 m/s), plus one ramp
/// car entering every 4 s (at most 10) that must merge into them: every car runs its own MPC and
/// broadcasts its intent every step (latency 0.1 s, no loss).
func simulationBenchmark() -> String {
    var lines = [
        "## Simulation: highway merge, every car on its own MPC",
        "",
        "`swift run -c release nashsim-bench simulation`. Cars on a single main lane 40 m apart plus up to",
        "10 ramp cars merging; dt = 0.1 s; wall time of `step()` only (outputs not written).",
        "QP = one car's MPC solve (dense Goldfarb-Idnani, warm-started); step/agent = wall time of a whole",
        "step divided by the cars in the world (decide + integrate + deliver + collision check, plus, where",
        "the Nash gap is measured, every car's best response to the others' final plans). Rule: the merge order (`fcfs`, or the merge game under",
        "`welfare`, whose pairwise 2x2 games cost four extra MPC solves per contested pair); rounds: in-step",
        "exchange-and-replan rounds (each one more tentative decision per car).",
        "",
        "| cars (most at once) | rule | rounds | Nash gap | threads | steps | step (median) | step / agent | QP p50 | QP p95 | QP max | step/agent ÷ QP mean | real-time factor |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (cars, steps) in [(10, 300), (100, 300), (1000, 60)] {
        for threads in [1, 2] {
            lines.append(simulationRow(cars: cars, steps: steps, threads: threads))
        }
    }
    for (rule, rounds, gap) in [(ContestRule.firstComeFirstServed, 1, false), (.welfare, 1, false), (.welfare, 1, true),
                                (.welfare, 3, true)] {
        lines.append(simulationRow(cars: 100, steps: 300, threads: 2, rule: rule, rounds: rounds, nashGap: gap))
    }
    lines.append("")
    return lines.joined(separator: "\n")
}

private func simulationRow(cars: Int, steps: Int, threads: Int, rule: ContestRule = .firstComeFirstServed,
                           rounds: Int = 1, nashGap: Bool = true) -> String {
    var config = benchmarkConfig(mainCars: cars, steps: steps)
    config.game.selection = rule
    config.game.nashGap = nashGap
    config.communication.rounds = rounds
    let simulation = HighwayMergeSimulation(config: config, threads: threads)
    var stepSeconds: [Double] = []
    var agentSteps = 0, mostCars = 0
    let start = DispatchTime.now().uptimeNanoseconds
    while !simulation.isFinished {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let record = simulation.step()
        stepSeconds.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        agentSteps += record.samples.count
        mostCars = max(mostCars, record.samples.count)
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let summary = simulation.summary()
    let solves = TimingSample(seconds: summary.solveTimes)
    let qpMean = summary.solveTimes.reduce(0, +) / Double(max(1, summary.solveTimes.count))
    let perAgent = wall / Double(max(1, agentSteps))
    let realtime = Double(steps) * config.dt / wall
    let cells = [
        "\(mostCars)", rule.rawValue, "\(rounds)", nashGap ? "yes" : "no", "\(threads)", "\(steps)",
        formatDuration(TimingSample(seconds: stepSeconds).median), formatDuration(perAgent),
        formatDuration(solves.median), formatDuration(solves.percentile(95)), formatDuration(solves.max),
        String(format: "%.2f", perAgent / max(qpMean, 1e-12)), String(format: "%.0f", realtime),
    ]
    return "| " + cells.joined(separator: " | ") + " |"
}

private func benchmarkConfig(mainCars: Int, steps: Int) -> SimulationConfig {
    let spacing = 40.0
    let length = Double(mainCars) * spacing + 3000
    var cars = (0..<mainCars).map { k in
        CarConfig(id: String(format: "main-%04d", k), route: .main, s: Double(k) * spacing, speed: 25,
                  desiredSpeed: 27)
    }
    let rampCars = min(10, mainCars / 10 + 1)
    cars += (0..<rampCars).map { k in
        CarConfig(id: String(format: "ramp-%02d", k), route: .ramp, s: 0, speed: 20, desiredSpeed: 27,
                  entryTime: Double(k) * 4)
    }
    let mergeStart = Double(mainCars) * spacing * 0.5 + 300
    let world = HighwayMergeConfig(
        laneWidth: 3.5, mainLength: length, rampLength: 150, mergeStart: mergeStart, mergeEnd: mergeStart + 200,
        speedLimit: 30, cars: cars)
    return SimulationConfig(name: "bench-\(mainCars)", seed: 1, dt: 0.1, duration: Double(steps) * 0.1,
                            world: .highwayMerge(world))
}
