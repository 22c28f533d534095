import Foundation
import Simulation

/// The table `nashsim compare` prints: one row per scenario, each figure the mean over the seeds
/// of the runs' summary figures (see `TrafficMetrics` for their definitions).
struct ComparisonTable {
    /// One scenario's runs.
    struct Row {
        var scenario: String
        var rule: String
        var rounds: Int
        var summaries: [RunSummary]
    }

    /// (column title, summary key or computed figure, decimals).
    static let columns: [(title: String, figure: @Sendable (RunSummary) -> Double?, decimals: Int)] = [
        ("collisions", { Double($0.collisions) }, 1),
        ("merges", { Double($0.completed) }, 1),
        ("time to merge p50 [s]", { $0.figure("merge_time_p50_s") }, 2),
        ("time to merge p95 [s]", { $0.figure("merge_time_p95_s") }, 2),
        ("total delay [s]", { $0.figure("total_delay_s") }, 1),
        ("hard braking events", { $0.figure("hard_braking_events") }, 1),
        ("min time headway [s]", { $0.figure("min_time_headway_s") }, 2),
        ("disagreements", { $0.figure("disagreements") }, 1),
        ("disagreement time [s]", { $0.figure("disagreement_s_total") }, 1),
        ("Nash gap (mean per step)", { $0.figure("nash_gap") }, 3),
        ("plan conflict [m] (mean per step)", { $0.figure("plan_conflict_m") }, 3),
    ]

    var rows: [Row]
    var seeds: [UInt64]

    /// A Markdown table with a short legend.
    func markdown() -> String {
        var lines = [
            "| scenario | rule | rounds | " + Self.columns.map(\.title).joined(separator: " | ") + " |",
            "|---|---|---|" + String(repeating: "---|", count: Self.columns.count),
        ]
        for row in rows {
            var cells = [row.scenario, row.rule, String(row.rounds)]
            for column in Self.columns {
                let values = row.summaries.compactMap(column.figure)
                cells.append(values.isEmpty ? "n/a"
                             : String(format: "%.\(column.decimals)f", values.reduce(0, +) / Double(values.count)))
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        let seedList = seeds.map(String.init).joined(separator: ", ")
        lines.append("")
        lines.append("Each figure is the mean over \(seeds.count) run\(seeds.count == 1 ? "" : "s") (seeds \(seedList)). "
            + "Time to merge: from the start of the acceleration lane to the end of the lane change. Total delay: time "
            + "lost against the desired speed, summed over the cars. Hard braking: onsets of a deceleration beyond "
            + "3 m/s². Min time headway: bumper gap / follower speed in the main lane. Disagreements: pairs whose "
            + "merge decisions contradict each other (both go first or both yield). Nash gap: the largest cost "
            + "improvement [MPC cost units] a car could still get by re-planning alone against the others' final plans; "
            + "plan conflict: the largest violation of the constraints those final plans impose on a car's plan.")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension RunSummary {
    /// A world-specific figure of `extra` by key.
    func figure(_ key: String) -> Double? {
        extra.first { $0.key == key }?.value
    }
}
