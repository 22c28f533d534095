import Foundation
@testable import Reporting
import Simulation
import Testing

/// Two steps of a two-car run with extra columns and an event that needs quoting.
func reportingSampleRecords() -> [StepRecord] {
    func car(_ id: String, _ x: Double, _ lane: String) -> TrajectorySample {
        TrajectorySample(agent: id, kind: .car, x: x, y: -0.0, heading: 0, speed: 25.123456, accel: -0.00001,
                         extra: [(name: "lane", value: lane), (name: "solve_ms", value: "0.250")])
    }
    return [
        StepRecord(step: 0, time: 0, samples: [car("a", 10, "main"), car("b", 0, "ramp")], events: []),
        StepRecord(step: 1, time: 0.1, samples: [car("a", 12.5, "main"), car("b", 2.5, "ramp")], events: [
            SimulationEvent(time: 0.1, agent: "b", event: "decision", detail: "yield to a, equilibrium (0.5, 0.5)"),
        ]),
    ]
}

func reportingSampleSummary(extra: [(key: String, value: Double)] = [("merge_time_mean_s", 3.25), ("merges_attempted", 1)])
    -> RunSummary {
    RunSummary(scenario: "merge \"test\"", seed: 18_446_744_073_709_551_615, steps: 2, dt: 0.1,
               agents: [.init(id: "a", kind: .car, length: 4.5, width: 1.8),
                        .init(id: "b", kind: .car, length: 5, width: 2)],
               collisions: 0, minSeparation: 7.75, completed: 1, solveTimes: [0.001, 0.002, 0.0005],
               extra: extra)
}

@Suite("Reporting: CSV and JSON formats")
struct ReportingFormatTests {
    @Test("trajectories.csv: header with the extra columns, fixed decimals, sorted by agent")
    func trajectories() throws {
        var format = TrajectoryCSV()
        var text = ""
        var records = reportingSampleRecords()
        records[1].samples.reverse()  // the writer restores agent order
        for record in records { try format.append(record, to: &text) }
        #expect(text == """
            t_s,agent,kind,x_m,y_m,heading_rad,speed_mps,accel_mps2,lane,solve_ms
            0.000,a,car,10.0000,0.0000,0.0000,25.1235,0.0000,main,0.250
            0.000,b,car,0.0000,0.0000,0.0000,25.1235,0.0000,ramp,0.250
            0.100,a,car,12.5000,0.0000,0.0000,25.1235,0.0000,main,0.250
            0.100,b,car,2.5000,0.0000,0.0000,25.1235,0.0000,ramp,0.250

            """)
        #expect(format.pendingHeader == nil)
    }

    @Test("trajectories.csv refuses NaN and columns that change")
    func trajectoryErrors() throws {
        var format = TrajectoryCSV()
        var text = ""
        var record = reportingSampleRecords()[0]
        record.samples[1].speed = .nan
        #expect(throws: ReportingError.self) { try format.append(record, to: &text) }
        var other = TrajectoryCSV()
        try other.append(reportingSampleRecords()[0], to: &text)
        var changed = reportingSampleRecords()[1]
        changed.samples[0].extra.removeLast()
        #expect(throws: ReportingError.self) { try other.append(changed, to: &text) }
        #expect(TrajectoryCSV().pendingHeader == "t_s,agent,kind,x_m,y_m,heading_rad,speed_mps,accel_mps2\n")
    }

    @Test("events.csv quotes details per RFC 4180")
    func events() throws {
        var text = EventCSV.header
        for record in reportingSampleRecords() { try EventCSV.append(record, to: &text) }
        #expect(text == "t_s,agent,event,detail\n0.100,b,decision,\"yield to a, equilibrium (0.5, 0.5)\"\n")
    }

    @Test("summary.json: fixed key order, plain numbers, extra figures before the timing fields")
    func summary() throws {
        let text = try SummaryJSON.render(reportingSampleSummary(), wallSeconds: 0.5, interrupted: false)
        #expect(text == """
            {
              "scenario": "merge \\"test\\"",
              "seed": 18446744073709551615,
              "steps": 2,
              "dt_s": 0.100,
              "interrupted": false,
              "agents": [
                {"id": "a", "kind": "car", "length_m": 4.5000, "width_m": 1.8000},
                {"id": "b", "kind": "car", "length_m": 5.0000, "width_m": 2.0000}
              ],
              "collisions": 0,
              "min_separation_m": 7.7500,
              "completed": 1,
              "merge_time_mean_s": 3.2500,
              "merges_attempted": 1,
              "solve_time_ms": {"p50": 1.000, "p95": 2.000, "max": 2.000},
              "wall_s": 0.500,
              "realtime_factor": 0.40
            }

            """)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test("summary.json: only the timing fields depend on the wall clock")
    func summaryDeterminism() throws {
        let first = try SummaryJSON.render(reportingSampleSummary(), wallSeconds: 0.5, interrupted: true)
        var other = reportingSampleSummary()
        other.solveTimes = [0.01]
        let second = try SummaryJSON.render(other, wallSeconds: 3, interrupted: true)
        let differing = zip(first.split(separator: "\n"), second.split(separator: "\n"))
            .filter { $0 != $1 }.map { String($0.0.split(separator: ":")[0]).trimmingCharacters(in: .whitespaces) }
        #expect(differing == ["\"solve_time_ms\"", "\"wall_s\"", "\"realtime_factor\""])
        #expect(first.contains("\"interrupted\": true"))
    }

    @Test("summary.json: no agents, no separation, no solves, no time")
    func summaryEmpty() throws {
        let summary = RunSummary(scenario: "x", seed: 1, steps: 0, dt: 0.05, agents: [], collisions: 0,
                                 minSeparation: nil, completed: 0, solveTimes: [])
        let text = try SummaryJSON.render(summary, wallSeconds: 0, interrupted: false)
        #expect(text.contains("\"agents\": [],\n"))
        #expect(text.contains("\"min_separation_m\": null,\n"))
        #expect(text.contains("\"solve_time_ms\": {\"p50\": null, \"p95\": null, \"max\": null},\n"))
        #expect(text.contains("\"realtime_factor\": null\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test("summary.json refuses an extra figure that repeats a key, and non-finite figures")
    func summaryErrors() {
        #expect(throws: ReportingError.self) {
            try SummaryJSON.render(reportingSampleSummary(extra: [("collisions", 1)]), wallSeconds: 1, interrupted: false)
        }
        #expect(throws: ReportingError.self) {
            try SummaryJSON.render(reportingSampleSummary(extra: [("a", 1), ("a", 2)]), wallSeconds: 1, interrupted: false)
        }
        #expect(throws: ReportingError.self) {
            try SummaryJSON.render(reportingSampleSummary(extra: [("a", .infinity)]), wallSeconds: 1, interrupted: false)
        }
    }
}
