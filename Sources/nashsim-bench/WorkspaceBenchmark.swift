import Foundation
import Simulation

/// The workspace world: a circle swap of 100 robots (each goes to the antipodal point through the
/// crowded centre), every robot on its own MPC, broadcasting its plan every step. Reports the
/// real-time factor with 1 and 2 threads, the per-robot MPC solve times, the minimum separation
/// ratio (centre distance / sum of radii; ≥ 1 means no overlap), the completion time and the
/// robots at their goals. `NASHSIM_BENCH_ROBOTS` and `NASHSIM_BENCH_CIRCLE` [m] change the count and
/// the circle's radius (defaults 100 and 25 m).
func workspaceBenchmark() -> String {
    let count = Int(ProcessInfo.processInfo.environment["NASHSIM_BENCH_ROBOTS"] ?? "") ?? 100
    let circle = Double(ProcessInfo.processInfo.environment["NASHSIM_BENCH_CIRCLE"] ?? "") ?? 25
    let radius = 0.3
    var lines = [
        "## Workspace: circle swap of \(count) robots, every robot on its own MPC",
        "",
        "`swift run -c release nashsim-bench workspace`. \(count) robots of radius \(radius) m evenly on a circle of",
        "radius \(circle) m, each going to the antipodal point (1 m/s, 1 m/s², horizon 20 x 0.1 s, latency 0.1 s, no",
        "loss); the run stops when every robot is at its goal (or after 150 s). Wall time of `step()` only.",
        "Separation ratio = smallest centre distance / sum of radii over all pairs and steps (≥ 1: no overlap;",
        "ORCA reaches 0.77 on this test).",
        "",
        "| robots | threads | steps | real-time factor | solve p50 | solve p95 | solve max | min separation ratio | collisions | completion | at goal | deadlock games | fallbacks |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for threads in [1, 2] {
        lines.append(workspaceRow(count: count, circle: circle, radius: radius, threads: threads))
    }
    lines.append("")
    return lines.joined(separator: "\n")
}

private func workspaceRow(count: Int, circle: Double, radius: Double, threads: Int) -> String {
    let robots = (0..<count).map { k -> RobotConfig in
        let angle = 2 * Double.pi * Double(k) / Double(count)
        let start = Vector2(circle * cos(angle), circle * sin(angle))
        return RobotConfig(id: String(format: "r%03d", k), start: start, goal: Vector2(-start.x, -start.y), radius: radius)
    }
    let side = 2 * circle + 6
    let world = WorkspaceConfig(width: side, height: side, robots: robots)
    let config = SimulationConfig(name: "bench-circle-\(count)", seed: 1, dt: 0.1, duration: 150, world: .workspace(world))
    let simulation = WorkspaceSimulation(config: config, threads: threads)
    var wall = 0.0
    var steps = 0
    var goals = 0
    while !simulation.isFinished {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let record = simulation.step()
        wall += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        steps += 1
        goals += record.events.filter { $0.event == "goal-reached" }.count
        if goals == count { break }
    }
    let summary = simulation.summary()
    func figure(_ key: String) -> Double { summary.extra.first { $0.key == key }?.value ?? .nan }
    let solves = TimingSample(seconds: summary.solveTimes)
    let completion = figure("last_arrival_s")
    let cells = [
        "\(count)", "\(threads)", "\(steps)", String(format: "%.1f", Double(steps) * config.dt / wall),
        formatDuration(solves.median), formatDuration(solves.percentile(95)), formatDuration(solves.max),
        String(format: "%.3f", figure("min_separation_ratio")), "\(summary.collisions)",
        completion >= 0 ? String(format: "%.1f s", completion) : "not all",
        "\(summary.completed)/\(count)", String(format: "%.0f", figure("deadlock_games")),
        String(format: "%.0f", figure("fallbacks")),
    ]
    return "| " + cells.joined(separator: " | ") + " |"
}
