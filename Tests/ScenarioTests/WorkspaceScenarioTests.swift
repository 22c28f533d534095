import Foundation
@testable import Scenario
import Simulation
import Testing

/// Workspace scenarios (`world.type: workspace`) load into `WorkspaceConfig`s.
@Suite("ScenarioLoader: workspace scenarios")
struct WorkspaceScenarioTests {
    @Test("a valid file loads to the expected configuration")
    func loads() throws {
        let config = try ScenarioLoader.load(text: workspaceBaseScenario, fileName: "w.yaml")
        #expect(config.name == "ws-test" && config.seed == 5 && config.dt == 0.1 && config.duration == 30)
        #expect(config.communication == CommunicationConfig(latency: 0.1, dropRate: 0, range: 20))
        var controller = RobotControllerConfig()
        controller.horizon = 15
        controller.maxSpeed = 1.2
        controller.safetyMargin = 0.1
        let expected = WorkspaceConfig(
            width: 12, height: 8,
            obstacles: [.circle(center: Vector2(0, 0), radius: 1), .box(min: Vector2(2, -1), max: Vector2(3, 2))],
            robots: [
                RobotConfig(id: "a", start: Vector2(-5, 0), goal: Vector2(5, 3), radius: 0.3),
                RobotConfig(id: "b", start: Vector2(-5, 2), goal: Vector2(5, -3), radius: 0.25, maxSpeed: 0.8, maxAccel: 1.5),
            ],
            formation: nil, controller: controller)
        #expect(config.world == .workspace(expected))
    }

    @Test("defaults: a 20 m x 20 m workspace without obstacles, the controller's defaults")
    func defaults() throws {
        let text = """
            version: 1
            name: w
            seed: 1
            dt_s: 0.1
            duration_s: 5
            world: {type: workspace}
            agents: [{id: a, start: [0, 0], goal: [1, 1], radius_m: 0.2}]
            """
        let config = try ScenarioLoader.load(text: text, fileName: "w.yaml")
        #expect(config.world == .workspace(WorkspaceConfig(
            robots: [RobotConfig(id: "a", start: Vector2(0, 0), goal: Vector2(1, 1), radius: 0.2)])))
        #expect(config.communication == CommunicationConfig() && config.game == GameConfig())
    }

    /// The default controller with one change.
    static func controller(_ change: (inout RobotControllerConfig) -> Void) -> RobotControllerConfig {
        var config = RobotControllerConfig()
        change(&config)
        return config
    }

    @Test("every controller key is read", arguments: [
        ("horizon: 12", controller { $0.horizon = 12 }),
        ("max_speed_mps: 0.7", controller { $0.maxSpeed = 0.7 }),
        ("max_accel_mps2: 2.5", controller { $0.maxAccel = 2.5 }),
        ("safety_margin_m: 0", controller { $0.safetyMargin = 0 }),
        ("goal_tolerance_m: 0.2", controller { $0.goalTolerance = 0.2 }),
        ("goal_speed_tolerance_mps: 0.1", controller { $0.goalSpeedTolerance = 0.1 }),
        ("position_weight: 3", controller { $0.positionWeight = 3 }),
        ("terminal_weight: 0", controller { $0.terminalWeight = 0 }),
        ("accel_weight: 0.25", controller { $0.accelWeight = 0.25 }),
    ])
    func controllerKeys(line: String, expected: RobotControllerConfig) throws {
        let text = workspaceScenario(body: "agents: [{id: a, start: [0, 0], goal: [1, 1], radius_m: 0.2}]\ncontroller: {\(line)}\n")
        let config = try ScenarioLoader.load(text: text, fileName: "w.yaml")
        guard case .workspace(let workspace) = config.world else { Issue.record("not a workspace"); return }
        #expect(workspace.controller == expected, "\(line)")
    }

    @Test("formations load, and their robots are generated on top of the explicit ones", arguments: [
        ("{type: circle-swap, count: 8, radius_m: 4}", FormationConfig.circleSwap(count: 8, circleRadius: 4, robotRadius: 0.25)),
        ("{type: circle-swap, count: 3, radius_m: 2, robot_radius_m: 0.4}", .circleSwap(count: 3, circleRadius: 2, robotRadius: 0.4)),
        ("{type: crossing, count_per_group: 3, spacing_m: 1, distance_m: 4}",
         .crossing(countPerGroup: 3, spacing: 1, distance: 4, robotRadius: 0.25)),
        ("{type: random-tasks, count: 10, min_spacing_m: 1}", .randomTasks(count: 10, minSpacing: 1, robotRadius: 0.25)),
    ])
    func formations(block: String, expected: FormationConfig) throws {
        let text = workspaceScenario(body: "agents: []\nformation: \(block)\n")
        let config = try ScenarioLoader.load(text: text, fileName: "w.yaml")
        guard case .workspace(let workspace) = config.world else { Issue.record("not a workspace"); return }
        #expect(workspace.formation == expected && workspace.robots.isEmpty)
        #expect(FormationGenerator.allRobots(of: workspace, seed: config.seed).count == expected.robotCount)
    }

    @Test("highway files still load as before")
    func highwayUnchanged() throws {
        let config = try ScenarioLoader.load(text: loaderBaseScenario, fileName: "s.yaml")
        guard case .highwayMerge(let highway) = config.world else { Issue.record("not a highway"); return }
        #expect(highway.cars.map(\.id) == ["m1", "r1"] && highway.controller.horizon == 25)
    }

    @Test("the command line's validate accepts every shipped scenario, highway and workspace")
    func shippedValidate() throws {
        let folder = URL(fileURLWithPath: ShippedScenarioRun.path(of: ""))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 8, "\(files)")
        for file in files {
            #expect(throws: Never.self, "\(file)") { try ScenarioLoader.load(path: folder.appendingPathComponent(file).path) }
        }
    }

    static let shippedWorkspaceFiles = [
        "circle-swap-8.yaml", "circle-swap-32.yaml", "corridor.yaml", "crossing.yaml", "warehouse.yaml",
    ]

    @Test("each shipped workspace file says what it shows, what to expect and how to run it, and loads as a workspace",
          arguments: shippedWorkspaceFiles)
    func shippedHeader(file: String) throws {
        let path = ShippedScenarioRun.path(of: file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# "))
        #expect(text.contains("What it shows") && text.contains("What to expect") && text.contains("How to run it"))
        let config = try ScenarioLoader.load(path: path)
        #expect(config.name + ".yaml" == file)
        #expect(config.dt == 0.1 && config.duration >= 30 && config.communication.latency == 0.1)
        guard case .workspace(let workspace) = config.world else { Issue.record("\(file) is not a workspace"); return }
        #expect(!FormationGenerator.allRobots(of: workspace, seed: config.seed).isEmpty)
    }

    @Test("every robot of every shipped workspace file has a route from its start to its goal, over several seeds",
          arguments: shippedWorkspaceFiles)
    func shippedRoutes(file: String) throws {
        let config = try ScenarioLoader.load(path: ShippedScenarioRun.path(of: file))
        guard case .workspace(let workspace) = config.world else { Issue.record("\(file) is not a workspace"); return }
        let seeds = workspace.formation.map { if case .randomTasks = $0 { return true } else { return false } } == true
            ? [config.seed, 1, 2, 3] : [config.seed]
        for seed in seeds {
            for robot in FormationGenerator.allRobots(of: workspace, seed: seed) {
                let clearance = robot.radius + workspace.controller.safetyMargin
                let planner = GridRoutePlanner(workspace: workspace, clearance: clearance, cellSize: 0.25)
                let route = planner.route(from: robot.start, to: robot.goal)
                #expect(route?.last == robot.goal, "\(file) seed \(seed) robot \(robot.id): no route")
            }
        }
    }

    @Test("the corridor is the only way through, and one robot wide")
    func corridorShape() throws {
        let config = try ScenarioLoader.load(path: ShippedScenarioRun.path(of: "corridor.yaml"))
        guard case .workspace(let workspace) = config.world else { Issue.record("not a workspace"); return }
        let planner = GridRoutePlanner(workspace: workspace, clearance: 0.35, cellSize: 0.25)
        let route = try #require(planner.route(from: Vector2(-5.5, 0), to: Vector2(7, 1.5)))
        #expect(route.count >= 2, "\(route)")
        // Two robots of radius 0.3 side by side need 1.2 m; the corridor is 1 m wide.
        let twoAbreast = GridRoutePlanner(workspace: workspace, clearance: 0.6, cellSize: 0.1)
        #expect(twoAbreast.route(from: Vector2(-7, 0), to: Vector2(7, 0)) == nil)
    }
}
