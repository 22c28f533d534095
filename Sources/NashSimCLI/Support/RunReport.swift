import Foundation
import Reporting
import Simulation

/// The short human summary `nashsim run` prints on stderr after a run, e.g.
/// ```
/// highway-merge: 8 agents, 400 steps (40.0 s simulated) in 2.31 s, 17.3x real time
///   collisions: 0, minimum separation: 3.42 m, merges completed: 3
///   MPC solve time per agent and step: p50 0.41 ms, p95 0.93 ms, max 2.10 ms
///   wrote results/highway-merge/{trajectories.csv,events.csv,summary.json}
/// ```
enum RunReport {
    static func lines(summary: RunSummary, wallSeconds: Double, directory: String, interrupted: Bool,
                      plannedSteps: Int) -> [String] {
        let simulated = Double(summary.steps) * summary.dt
        let factor = wallSeconds > 0 ? String(format: ", %.1fx real time", simulated / wallSeconds) : ""
        var lines = [
            "\(summary.scenario): \(summary.agents.count) agent\(summary.agents.count == 1 ? "" : "s"), "
                + "\(summary.steps) step\(summary.steps == 1 ? "" : "s") (\(String(format: "%.1f", simulated)) s simulated) "
                + "in \(String(format: "%.2f", wallSeconds)) s\(factor)",
        ]
        let separation = summary.minSeparation.map { String(format: "%.2f m", $0) } ?? "n/a (fewer than two agents)"
        lines.append("  collisions: \(summary.collisions), minimum separation: \(separation), "
            + "\(completedLabel(summary)): \(summary.completed)")
        let solve = SolveTimeStatistics(solveTimes: summary.solveTimes)
        if let p50 = solve.p50, let p95 = solve.p95, let max = solve.max {
            lines.append(String(format: "  MPC solve time per agent and step: p50 %.2f ms, p95 %.2f ms, max %.2f ms", p50, p95, max))
        }
        if interrupted {
            lines.append("  interrupted after \(summary.steps) of \(plannedSteps) steps: the outputs hold the steps done "
                + "(summary.json says \"interrupted\": true)")
        }
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        lines.append("  wrote \(folder){\(RunOutputWriter.trajectoriesFileName),\(RunOutputWriter.eventsFileName),"
            + "\(RunOutputWriter.summaryFileName)}")
        return lines
    }

    /// What `completed` counts: merges on the highway, goals in a workspace.
    static func completedLabel(_ summary: RunSummary) -> String {
        summary.agents.contains { $0.kind == .robot } ? "goals reached" : "merges completed"
    }
}
