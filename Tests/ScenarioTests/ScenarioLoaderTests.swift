import Foundation
@testable import Scenario
import Simulation
import Testing

@Suite("ScenarioLoader: valid files")
struct ScenarioLoaderValidTests {
    @Test("a complete scenario loads with every value and override")
    func completeScenario() throws {
        let config = try ScenarioLoader.load(text: loaderBaseScenario, fileName: "s.yaml")
        #expect(config.name == "merge-test")
        #expect(config.seed == 7)
        #expect(config.dt == 0.1)
        #expect(config.duration == 20)
        #expect(config.stepCount == 200)
        #expect(config.communication == CommunicationConfig(latency: 0.2, dropRate: 0.1, range: 120))
        #expect(config.game.rule(default: .welfare) == .firstComeFirstServed)
        guard case .highwayMerge(let world) = config.world else { Issue.record("not a highway"); return }
        #expect(world.laneWidth == 3.5 && world.mainLength == 800 && world.rampLength == 120)
        #expect(world.mergeStart == 250 && world.mergeEnd == 400 && world.speedLimit == 28)
        #expect(world.traffic == nil)
        var controller = CarControllerConfig()
        controller.horizon = 25
        controller.maxBrake = 7
        #expect(world.controller == controller)
        #expect(world.cars.count == 2)
        #expect(world.cars[0] == CarConfig(id: "m1", route: .main, s: 150, speed: 25))
        var override = controller
        override.maxAccel = 3.5
        #expect(world.cars[1] == CarConfig(id: "r1", route: .ramp, s: 60, speed: 20, desiredSpeed: 27, length: 5,
                                           controller: override))
    }

    @Test("optional keys take the Swift defaults")
    func defaults() throws {
        let text = """
            version: 1
            name: minimal
            seed: 0
            dt_s: 0.05
            duration_s: 1
            world: {type: highway-merge}
            agents: [{id: a, route: main, s_m: 0, speed_mps: 0}]
            """
        let config = try ScenarioLoader.load(text: text, fileName: "m.yaml")
        #expect(config.communication == CommunicationConfig())
        #expect(config.game == GameConfig())
        let defaults = HighwayMergeConfig(cars: [CarConfig(id: "a", route: .main, s: 0, speed: 0)])
        #expect(config.world == .highwayMerge(defaults))
    }

    @Test("a traffic block reads into FlowConfigs, and agents may then be empty")
    func traffic() throws {
        let text = loaderScenario(replacing: """
            agents:
              - id: m1
                route: main
                s_m: 150
                speed_mps: 25
              - id: r1
                route: ramp
                s_m: 60
                speed_mps: 20
                desired_speed_mps: 27
                length_m: 5
                controller: {max_accel_mps2: 3.5}
            """, with: """
            agents: []
            traffic:
              main: {count: 12, min_headway_s: 1.2, mean_headway_s: 2.5, speed_min_mps: 22, speed_max_mps: 26,
                     desired_speed_min_mps: 25, desired_speed_max_mps: 29, start_time_s: 1}
              ramp: {count: 3, speed_min_mps: 15, speed_max_mps: 18}
            """)
        let config = try ScenarioLoader.load(text: text, fileName: "t.yaml")
        guard case .highwayMerge(let world) = config.world else { Issue.record("not a highway"); return }
        #expect(world.cars.isEmpty)
        #expect(world.traffic?.main == FlowConfig(count: 12, minHeadway: 1.2, meanHeadway: 2.5, speedRange: 22...26,
                                                   desiredSpeedRange: 25...29, startTime: 1))
        #expect(world.traffic?.ramp == FlowConfig(count: 3, speedRange: 15...18))
    }

    @Test("anchors, aliases and merge keys work; a byte-order mark and CRLF are accepted")
    func yamlFeatures() throws {
        // agents[0] defines an anchor on its controller overrides; agents[1] merges it and adds one.
        var text = loaderScenario(replacing: "    speed_mps: 25\n", with: "    speed_mps: 25\n    controller: &slow {max_accel_mps2: 1.5, min_gap_m: 4}\n")
        text = loaderScenario(replacing: "controller: {max_accel_mps2: 3.5}", with: """
            controller:
                  <<: *slow
                  min_gap_m: 3
            """, in: text)
        let config = try ScenarioLoader.load(text: "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"),
                                             fileName: "a.yaml")
        guard case .highwayMerge(let world) = config.world else { Issue.record("not a highway"); return }
        #expect(world.cars[0].controller?.maxAccel == 1.5 && world.cars[0].controller?.minGap == 4)
        #expect(world.cars[1].controller?.maxAccel == 1.5)
        #expect(world.cars[1].controller?.minGap == 3)
        #expect(world.cars[1].controller?.horizon == 25 && world.cars[1].controller?.maxBrake == 7)
    }

    @Test("load(path:) reads a file and names it in diagnostics; a missing file is a ScenarioFileError")
    func loadPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.yaml")
        try loaderBaseScenario.write(to: good, atomically: true, encoding: .utf8)
        #expect(try ScenarioLoader.load(path: good.path).name == "merge-test")
        let bad = folder.appendingPathComponent("bad.yaml")
        try loaderScenario(replacing: "seed: 7", with: "seed: -7").write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioDiagnostics.self) { try ScenarioLoader.load(path: bad.path) }
        do {
            _ = try ScenarioLoader.load(path: bad.path)
        } catch let error as ScenarioDiagnostics {
            #expect(error.diagnostics.first?.file == bad.path)
        }
        #expect(throws: ScenarioFileError(path: folder.path + "/none.yaml", reason: "no such file")) {
            try ScenarioLoader.load(path: folder.path + "/none.yaml")
        }
    }
}
