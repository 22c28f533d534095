import Simulation

/// The text of `summary.json`: one JSON object, keys in this fixed order, two-space indentation,
/// one agent per line, a final newline:
/// ```
/// {
///   "scenario": "highway-merge",
///   "seed": 42,
///   "steps": 400,
///   "dt_s": 0.100,
///   "interrupted": false,
///   "agents": [
///     {"id": "m1", "kind": "car", "length_m": 4.5000, "width_m": 1.8000}
///   ],
///   "collisions": 0,
///   "min_separation_m": 3.2100,          (null with fewer than two agents)
///   "completed": 2,
///   ... the summary's extra figures, in the simulation's order ...
///   "solve_time_ms": {"p50": 0.412, "p95": 0.930, "max": 2.100},
///   "wall_s": 1.234,
///   "realtime_factor": 32.43
/// }
/// ```
/// Numbers are plain decimals with fixed decimals: `dt_s`, `wall_s` 3; `length_m`, `width_m`,
/// `min_separation_m` 4; `solve_time_ms` 3 (microseconds); `realtime_factor` 2 (simulated seconds
/// per wall-clock second; null when the run took no measurable time); extra figures as integers
/// when whole, else with 4 decimals. `seed` is the full 64-bit integer.
///
/// Determinism: only `solve_time_ms`, `wall_s` and `realtime_factor` depend on the machine; every
/// other byte is the same for the same scenario, seed and records (and whatever `--threads` is).
enum SummaryJSON {
    /// The keys the writer sets itself, which extra figures may not repeat.
    static let fixedKeys: Set<String> = [
        "scenario", "seed", "steps", "dt_s", "interrupted", "agents", "collisions", "min_separation_m", "completed",
        "solve_time_ms", "wall_s", "realtime_factor",
    ]

    /// - Parameters:
    ///   - wallSeconds: wall-clock duration of the run [s].
    ///   - interrupted: whether the run stopped before its last step (Ctrl-C).
    /// - Throws: `ReportingError.invalidRecord` for a non-finite figure or an extra key that repeats
    ///   a fixed one or another extra key.
    static func render(_ summary: RunSummary, wallSeconds: Double, interrupted: Bool) throws -> String {
        func number(_ value: Double, _ decimals: Int, _ key: String) throws -> String {
            guard value.isFinite else { throw ReportingError.invalidRecord("non-finite \(key) (\(value)) in the summary") }
            return FixedDecimal.format(value, decimals: decimals)
        }
        func optional(_ value: Double?, _ decimals: Int, _ key: String) throws -> String {
            try value.map { try number($0, decimals, key) } ?? "null"
        }

        var lines: [String] = []
        lines.append("\"scenario\": \(JSONText.quoted(summary.scenario))")
        lines.append("\"seed\": \(summary.seed)")
        lines.append("\"steps\": \(summary.steps)")
        lines.append("\"dt_s\": \(try number(summary.dt, 3, "dt_s"))")
        lines.append("\"interrupted\": \(interrupted)")
        var agents: [String] = []
        for agent in summary.agents {
            agents.append("    {\"id\": \(JSONText.quoted(agent.id)), \"kind\": \(JSONText.quoted(agent.kind.rawValue)), "
                + "\"length_m\": \(try number(agent.length, 4, "length_m")), \"width_m\": \(try number(agent.width, 4, "width_m"))}")
        }
        lines.append(agents.isEmpty ? "\"agents\": []" : "\"agents\": [\n" + agents.joined(separator: ",\n") + "\n  ]")
        lines.append("\"collisions\": \(summary.collisions)")
        lines.append("\"min_separation_m\": \(try optional(summary.minSeparation, 4, "min_separation_m"))")
        lines.append("\"completed\": \(summary.completed)")
        var seen = fixedKeys
        for (key, value) in summary.extra {
            guard seen.insert(key).inserted else {
                throw ReportingError.invalidRecord("summary figure '\(key)' is given twice or repeats a fixed key")
            }
            guard value.isFinite else { throw ReportingError.invalidRecord("non-finite \(key) (\(value)) in the summary") }
            lines.append("\(JSONText.quoted(key)): \(FixedDecimal.formatCompact(value, decimals: 4))")
        }
        let solve = SolveTimeStatistics(solveTimes: summary.solveTimes)
        lines.append("\"solve_time_ms\": {\"p50\": \(try optional(solve.p50, 3, "p50")), "
            + "\"p95\": \(try optional(solve.p95, 3, "p95")), \"max\": \(try optional(solve.max, 3, "max"))}")
        let wall = wallSeconds.isFinite ? max(wallSeconds, 0) : 0
        lines.append("\"wall_s\": \(FixedDecimal.format(wall, decimals: 3))")
        let simulated = Double(summary.steps) * summary.dt
        let factor = wall > 0 ? simulated / wall : nil
        lines.append("\"realtime_factor\": \(try optional(factor, 2, "realtime_factor"))")
        return "{\n" + lines.map { "  " + $0 }.joined(separator: ",\n") + "\n}\n"
    }
}
