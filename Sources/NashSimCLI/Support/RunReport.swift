import Foundation
import Reporting
import Simulation

/// The short human summary `nashsim run` prints on stderr after a run, e.g.
/// ```
/// highway-merge: 8 agents, 400 steps (40.0 s simulated) in 2.31 s, 17.3x real time
///   collisions: 0, minimum separation: 3.42 m, merges completed: 3
///   Nash gap of the joint plan: mean 0.412, max 12.850 (MPC cost units); merge disagreements: 0
///   MPC solve time per agent and step: p50 4.1 µs, p95 12.0 µs, max 2.10 ms
///   wrote results/highway-merge/{trajectories.csv,events.csv,summary.json}
/// ```
/// (for a workspace: `goals reached: 8 of 8 (all by 12.5 s)`, and obstacle contacts when any).
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
        var completed = "\(summary.completed)"
        if summary.agents.contains(where: { $0.kind == .robot }) {
            // Workspace: goals reached of all robots, and when the last one arrived.
            completed += " of \(summary.agents.count)"
            if let last = summary.figure("last_arrival_s"), last >= 0 { completed += String(format: " (all by %.1f s)", last) }
            if let contacts = summary.figure("obstacle_contacts"), contacts > 0 {
                completed += String(format: ", obstacle contacts: %.0f", contacts)
            }
        }
        lines.append("  collisions: \(summary.collisions), minimum separation: \(separation), "
            + "\(completedLabel(summary)): \(completed)")
        if let gap = summary.figure("nash_gap"), let largest = summary.figure("nash_gap_max") {
            var line = String(format: "  Nash gap of the joint plan: mean %.3f, max %.3f (MPC cost units)", gap, largest)
            if let disagreements = summary.figure("disagreements") {
                line += String(format: "; merge disagreements: %.0f", disagreements)
            }
            lines.append(line)
        }
        let solve = SolveTimeStatistics(solveTimes: summary.solveTimes)
        if let p50 = solve.p50, let p95 = solve.p95, let max = solve.max {
            lines.append("  MPC solve time per agent and step: p50 \(Self.duration(milliseconds: p50)), "
                         + "p95 \(Self.duration(milliseconds: p95)), max \(Self.duration(milliseconds: max))")
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

    /// A duration given in milliseconds, in µs below 1 ms so that fast solves stay readable.
    static func duration(milliseconds ms: Double) -> String {
        ms < 1 ? String(format: "%.1f µs", ms * 1000) : String(format: "%.2f ms", ms)
    }
}
