import Foundation
import Testing
@testable import Simulation

/// Prints figures of the test scenarios; runs only with NASHSIM_DIAGNOSTICS=1.
@Suite("Simulation diagnostics", .enabled(if: ProcessInfo.processInfo.environment["NASHSIM_DIAGNOSTICS"] == "1"))
struct DiagnosticTests {
    @Test func figures() {
        for (name, config) in [("contested", TestScenarios.contestedMerge()),
                               ("lossy", TestScenarios.contestedMerge(latency: 0.3, dropRate: 0.3)),
                               ("rush", TestScenarios.rushHour())] {
            let start = Date()
            let result = RunResult.run(config)
            let wall = Date().timeIntervalSince(start)
            let s = result.summary
            let times = s.solveTimes.sorted()
            let p50 = times.isEmpty ? 0 : times[times.count / 2], p95 = times.isEmpty ? 0 : times[times.count * 95 / 100]
            print("[\(name)] agents \(s.agents.count) steps \(s.steps) collisions \(s.collisions) minSep \(s.minSeparation ?? -1) merges \(s.completed) wall \(wall) rtf \(Double(s.steps) * s.dt / wall) p50 \(p50 * 1e6)us p95 \(p95 * 1e6)us max \((times.last ?? 0) * 1e6)us")
            print("  extra \(s.extra.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
            print("  overlaps \(result.overlaps().prefix(5)) mergeFailures \(result.mergeFailures(requireAllMerged: true).prefix(5))")
            var counts: [String: Int] = [:]
            for r in result.records { for e in r.events { counts[e.event, default: 0] += 1 } }
            print("  events \(counts.sorted { $0.key < $1.key })")
            if ProcessInfo.processInfo.environment["NASHSIM_EVENTS"] == name {
                for r in result.records { for e in r.events where e.event != "message-lost" { print("   \(e.time) \(e.agent) \(e.event) \(e.detail)") } }
            }
        }
    }
}
