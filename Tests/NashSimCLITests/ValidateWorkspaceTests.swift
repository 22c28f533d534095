import Foundation
import Testing

@Suite("nashsim validate: workspace scenarios (end to end)", .serialized)
struct ValidateWorkspaceTests {
    static let small = """
        version: 1
        name: e2e-workspace
        seed: 3
        dt_s: 0.1
        duration_s: 5
        world:
          type: workspace
          width_m: 10
          height_m: 6
          obstacles: [{type: box, min: [-1, -1], max: [1, 1]}]
        agents:
          - {id: a, start: [-4, 0], goal: [4, 0], radius_m: 0.3}
        formation: {type: crossing, count_per_group: 2, spacing_m: 1, distance_m: 2.5}

        """

    @Test("a valid workspace file prints '<file>: ok', exit 0")
    func valid() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("ws.yaml", Self.small)
        let result = try NashSimBinary.run(["validate", "ws.yaml"], in: scratch.url)
        #expect(result.exitCode == 0 && result.stdout.isEmpty)
        #expect(result.stderr == "ws.yaml: ok\n")
    }

    @Test("every problem of a workspace file is reported with its position, exit 65")
    func invalid() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        let text = Self.small
            .replacingOccurrences(of: "goal: [4, 0]", with: "goal: [0.5, 0]")
            .replacingOccurrences(of: "distance_m: 2.5", with: "distance_m: 2.5, radius_m: 1")
            .appending("traffic: {main: {count: 1, speed_min_mps: 1, speed_max_mps: 2}}\n")
        try scratch.write("bad.yaml", text)
        let result = try NashSimBinary.run(["validate", "bad.yaml"], in: scratch.url)
        #expect(result.exitCode == 65)
        #expect(result.stderr.split(separator: "\n") == [
            "bad.yaml:12:35: error: agents[0].goal must keep the robot (radius 0.3) clear of world.obstacles[0] (line 10) (got [0.5, 0])",
            "bad.yaml:13:80: error: unknown key 'formation.radius_m'; did you mean 'robot_radius_m'?",
            "bad.yaml:14:1: error: traffic is only for world.type highway-merge (it generates cars); a workspace scenario generates robots with formation:",
        ])
    }
}
