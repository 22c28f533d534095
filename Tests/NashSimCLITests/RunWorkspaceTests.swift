import Foundation
import Testing

/// `nashsim run` on a workspace scenario, end to end through the built binary.
@Suite("nashsim run: workspace (end to end)", .serialized)
struct RunWorkspaceTests {
    @Test("run scenarios/circle-swap-8.yaml: robots in the outputs, every goal reached, no collision")
    func circleSwap8() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        let result = try NashSimBinary.run(["run", "scenarios/circle-swap-8.yaml", "--out", scratch.url.path + "/out",
                                            "--threads", "2"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("circle-swap-8: 8 agents, "), "\(result.stderr)")
        #expect(result.stderr.contains("collisions: 0, minimum separation: "))
        #expect(result.stderr.contains("goals reached: 8"), "\(result.stderr)")
        #expect(scratch.entries("out") == ["events.csv", "summary.json", "trajectories.csv"])

        let trajectories = try #require(scratch.read("out/trajectories.csv"))
        let lines = trajectories.split(separator: "\n")
        #expect(lines.first == "t_s,agent,kind,x_m,y_m,heading_rad,speed_mps,accel_mps2,goal_distance_m,decision")
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[2] == "robot" })
        #expect(!trajectories.contains("nan") && !trajectories.contains("e-0") && !trajectories.contains("e+"))
        let events = try #require(scratch.read("out/events.csv"))
        #expect(events.components(separatedBy: ",goal-reached,").count - 1 == 8)

        let data = try #require(scratch.data("out/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(summary["completed"] as? Int == 8)
        #expect(summary["collisions"] as? Int == 0)
        #expect(summary["goals_reached"] as? Double == 8 || summary["goals_reached"] as? Int == 8)
        #expect(((summary["min_separation_ratio"] as? Double) ?? 0) >= 1)
        let agents = try #require(summary["agents"] as? [[String: Any]])
        #expect(agents.count == 8)
        // Discs: length = width = 2 r (r = 0.25 m in this file).
        #expect(agents.allSatisfy { $0["kind"] as? String == "robot" && $0["length_m"] as? Double == 0.5
                                    && $0["width_m"] as? Double == 0.5 })
    }
}
