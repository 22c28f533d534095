@testable import Scenario
import Simulation
import Testing

/// Diagnostics of workspace scenarios: exact messages, positions and key paths.
@Suite("ScenarioLoader: workspace diagnostics")
struct WorkspaceScenarioDiagnosticTests {
    @Test("unknown keys are errors that suggest the nearest known key", arguments: [
        ("width_m: 12", "widht_m: 12", "s.yaml:8:3: error: unknown key 'world.widht_m'; did you mean 'width_m'?"),
        ("radius_m: 0.3", "radius: 0.3", "s.yaml:17:5: error: unknown key 'agents[0].radius'; did you mean 'radius_m'?"),
        ("max_speed_mps: 0.8", "max_speed: 0.8", "s.yaml:18:60: error: unknown key 'agents[1].max_speed'; did you mean 'max_speed_mps'?"),
        ("safety_margin_m: 0.1", "safety_margin: 0.1", "s.yaml:22:3: error: unknown key 'controller.safety_margin'; did you mean 'safety_margin_m'?"),
        ("horizon: 15", "horizon: 15\n  max_brake_mps2: 3",
         "s.yaml:21:3: error: unknown key 'controller.max_brake_mps2' (known keys: horizon, max_speed_mps, max_accel_mps2, safety_margin_m, goal_tolerance_m, goal_speed_tolerance_mps, position_weight, terminal_weight, accel_weight)"),
        ("{type: circle, center: [0, 0], radius_m: 1}", "{type: circle, centre: [0, 0], radius_m: 1}",
         "s.yaml:11:22: error: unknown key 'world.obstacles[0].centre'; did you mean 'center'?"),
        ("{type: box, min: [2, -1], max: [3, 2]}", "{type: box, min: [2, -1], max: [3, 2], radius_m: 1}",
         "s.yaml:12:46: error: unknown key 'world.obstacles[1].radius_m' (known keys: type, min, max)"),
    ])
    func unknownKeys(old: String, new: String, expected: String) {
        let found = loaderDiagnostics(of: workspaceScenario(replacing: old, with: new))
        #expect(found.contains(expected), "\(found)")
    }

    @Test("values are checked where they are written", arguments: [
        ("width_m: 12", "width_m: 0", "s.yaml:8:12: error: world.width_m must be > 0 (got 0)"),
        ("height_m: 8", "height_m: -8", "s.yaml:9:13: error: world.height_m must be > 0 (got -8)"),
        ("radius_m: 1}", "radius_m: 0}", "s.yaml:11:48: error: world.obstacles[0].radius_m must be > 0 (got 0)"),
        ("max: [3, 2]", "max: [3, -2]", "s.yaml:12:38: error: world.obstacles[1].max must be > min = [2, -1] on both axes (got [3, -2])"),
        ("max: [3, 2]", "max: [3]", "s.yaml:12:38: error: world.obstacles[1].max must be a point [x, y] with 2 coordinates (got 1)"),
        ("max: [3, 2]", "max: {x: 3, y: 2}", "s.yaml:12:38: error: world.obstacles[1].max must be a point [x, y] (got a mapping)"),
        ("max: [3, 2]", "max: [3, two]", "s.yaml:12:42: error: world.obstacles[1].max[1] must be a number (got two)"),
        ("{type: circle,", "{type: cricle,", "s.yaml:11:14: error: world.obstacles[0].type must be one of: circle, box (got cricle); did you mean 'circle'?"),
        ("{type: circle, center: [0, 0], radius_m: 1}", "{type: circle, center: [40, 0], radius_m: 1}",
         "s.yaml:11:7: error: world.obstacles[0] lies entirely outside the workspace (x in [-6, 6] and y in [-4, 4]); check its coordinates"),
        ("start: [-5, 0]", "start: -5", "s.yaml:15:12: error: agents[0].start must be a point [x, y] (got -5)"),
        ("radius_m: 0.3", "radius_m: 0", "s.yaml:17:15: error: agents[0].radius_m must be > 0 (got 0)"),
        ("max_speed_mps: 0.8", "max_speed_mps: -1", "s.yaml:18:75: error: agents[1].max_speed_mps must be > 0 (got -1)"),
        ("id: a", "id: a b", "s.yaml:14:9: error: agents[0].id must use only letters, digits, '-', '_' and '.' (got a b)"),
        ("horizon: 15", "horizon: 1", "s.yaml:20:12: error: controller.horizon must be a number of control steps in 2...1000 (got 1)"),
        ("max_speed_mps: 1.2", "max_speed_mps: 0", "s.yaml:21:18: error: controller.max_speed_mps must be > 0 (got 0)"),
        ("safety_margin_m: 0.1", "safety_margin_m: -0.1", "s.yaml:22:20: error: controller.safety_margin_m must be >= 0 (got -0.1)"),
        ("horizon: 15", "terminal_weight: 0\n  position_weight: 0",
         "s.yaml:20:20: error: controller.position_weight and terminal_weight must not both be 0 (the robots would not move)"),
    ])
    func values(old: String, new: String, expected: String) {
        let found = loaderDiagnostics(of: workspaceScenario(replacing: old, with: new))
        #expect(found == [expected])
    }

    @Test("starts and goals lie inside the workspace and clear of obstacles", arguments: [
        ("start: [-5, 0]", "start: [-5.8, 0]",
         "s.yaml:15:12: error: agents[0].start must keep the robot (radius 0.3) inside the workspace: its centre needs x in [-5.7, 5.7] and y in [-3.7, 3.7] (got [-5.8, 0])"),
        ("goal: [5, 3]", "goal: [5, 3.9]",
         "s.yaml:16:11: error: agents[0].goal must keep the robot (radius 0.3) inside the workspace: its centre needs x in [-5.7, 5.7] and y in [-3.7, 3.7] (got [5, 3.9])"),
        ("start: [-5, 0]", "start: [-0.5, 1.1]",
         "s.yaml:15:12: error: agents[0].start must keep the robot (radius 0.3) clear of world.obstacles[0] (line 11) (got [-0.5, 1.1])"),
        ("goal: [5, 3]", "goal: [3.2, 0]",
         "s.yaml:16:11: error: agents[0].goal must keep the robot (radius 0.3) clear of world.obstacles[1] (line 12) (got [3.2, 0])"),
    ])
    func placement(old: String, new: String, expected: String) {
        let found = loaderDiagnostics(of: workspaceScenario(replacing: old, with: new))
        #expect(found == [expected])
    }

    @Test("starts and goals do not overlap; ids are unique")
    func overlaps() {
        var text = workspaceScenario(replacing: "{id: b, start: [-5, 2], goal: [5, -3]", with: "{id: a, start: [-5, 0.5], goal: [5.1, 2.6]")
        #expect(loaderDiagnostics(of: text) == [
            "s.yaml:18:10: error: agents[1].id duplicates the id 'a' of agents[0] (line 14)",
            "s.yaml:18:20: error: agents[1] (id 'a') starts overlapping agents[0] (id 'a'): centres 0.5 m apart, radii 0.25 and 0.3",
            "s.yaml:18:37: error: agents[1] (id 'a') has its goal overlapping the goal of agents[0] (id 'a'): centres 0.412 m apart, radii 0.25 and 0.3",
        ])
        text = workspaceScenario(replacing: "{id: b, start: [-5, 2]", with: "{id: b, start: [-5, 0.55]")
        #expect(loaderDiagnostics(of: text) == [])
    }

    @Test("the world type comes first: traffic in a workspace and formation on a highway are errors")
    func wrongSections() {
        let traffic = workspaceBaseScenario + "traffic: {main: {count: 2, speed_min_mps: 1, speed_max_mps: 2}}\n"
        #expect(loaderDiagnostics(of: traffic) == [
            "s.yaml:24:1: error: traffic is only for world.type highway-merge (it generates cars); a workspace scenario generates robots with formation:",
        ])
        let formation = loaderBaseScenario + "formation: {type: circle-swap, count: 4, radius_m: 3}\n"
        #expect(loaderDiagnostics(of: formation) == [
            "s.yaml:31:1: error: formation is only for world.type workspace (it generates robots); a highway-merge scenario generates cars with traffic:",
        ])
        // Highway agent keys in a workspace are unknown keys.
        let cars = workspaceScenario(body: "agents: [{id: a, route: main, s_m: 0, speed_mps: 1}]\n")
        #expect(loaderDiagnostics(of: cars) == [
            "s.yaml:7:10: error: missing required key 'agents[0].start'",
            "s.yaml:7:10: error: missing required key 'agents[0].goal'",
            "s.yaml:7:10: error: missing required key 'agents[0].radius_m'",
            "s.yaml:7:18: error: unknown key 'agents[0].route' (known keys: id, start, goal, radius_m, max_speed_mps, max_accel_mps2)",
            "s.yaml:7:31: error: unknown key 'agents[0].s_m' (known keys: id, start, goal, radius_m, max_speed_mps, max_accel_mps2)",
            "s.yaml:7:39: error: unknown key 'agents[0].speed_mps'; did you mean 'max_speed_mps'?",
        ])
        // An unknown world type leaves the agents unchecked.
        let unknown = workspaceScenario(replacing: "type: workspace", with: "type: workspce")
        #expect(loaderDiagnostics(of: unknown) == [
            "s.yaml:7:9: error: world.type 'workspce' must be one of: highway-merge, workspace; did you mean 'workspace'?",
        ])
    }

    @Test("formations are checked", arguments: [
        ("{type: circle-swap, count: 32, radius_m: 2}",
         "s.yaml:8:53: error: formation.radius_m is too small for 32 circle-swap robots of radius 0.25: neighbours on the circle would overlap; it must be >= 2.551 (got 2)"),
        ("{type: circle-swap, count: 4, radius_m: 4.9}",
         "s.yaml:8:52: error: formation.radius_m must be <= 4.75 so that the circle-swap robots (radius 0.25) stay inside the workspace (x in [-5, 5] and y in [-5, 5]) (got 4.9)"),
        ("{type: circle-swap, count: 0, radius_m: 4}", "s.yaml:8:39: error: formation.count must be in 1...1000 (got 0)"),
        ("{type: circle-swap, count: 4}", "s.yaml:8:12: error: missing required key 'formation.radius_m'"),
        ("{type: circle-swap, count: 4, radius_m: 3, spacing_m: 1}",
         "s.yaml:8:55: error: unknown key 'formation.spacing_m' (known keys: type, count, radius_m, robot_radius_m)"),
        ("{type: cricle-swap, count: 4, radius_m: 3}",
         "s.yaml:8:19: error: formation.type must be one of: circle-swap, crossing, random-tasks (got cricle-swap); did you mean 'circle-swap'?"),
        ("{count: 4, radius_m: 3}", "s.yaml:8:12: error: missing required key 'formation.type'"),
        ("{type: crossing, count_per_group: 3, spacing_m: 0.4, distance_m: 4}",
         "s.yaml:8:60: error: formation.spacing_m must be >= 2 * robot_radius_m = 0.5 (robot_radius_m defaults to 0.25) (got 0.4)"),
        ("{type: crossing, count_per_group: 3, spacing_m: 1, distance_m: 1}",
         "s.yaml:8:12: error: formation robot 'r03' starts overlapping formation robot 'r00': centres 0 m apart, radii 0.25 and 0.25 (and 1 more problem with generated robots)"),
        ("{type: crossing, count_per_group: 3, spacing_m: 1, distance_m: 4.9}",
         "s.yaml:8:12: error: formation robot 'r00' start must keep the robot (radius 0.25) inside the workspace: its centre needs x in [-4.75, 4.75] and y in [-4.75, 4.75] (got [-4.9, -1]) (and 11 more problems with generated robots)"),
        ("{type: random-tasks, count: 200, min_spacing_m: 1.5}",
         "s.yaml:8:40: error: formation.count asks for more robots than random-tasks can place: only 24 of 200 fit with starts and goals min_spacing_m = 1.5 apart and 0.75 from walls and obstacles (1000 tries each); lower count or min_spacing_m, or give more free space (got 200)"),
        ("{type: random-tasks, count: 10, min_spacing_m: 0.4}",
         "s.yaml:8:59: error: formation.min_spacing_m must be >= 2 * robot_radius_m = 0.5 (robot_radius_m defaults to 0.25) (got 0.4)"),
        ("{type: random-tasks, count: 10, min_spacing_m: 1, robot_radius_m: 0}",
         "s.yaml:8:78: error: formation.robot_radius_m must be > 0 (got 0)"),
    ])
    func formationChecks(block: String, expected: String) {
        let found = loaderDiagnostics(of: workspaceScenario(body: "agents: []\nformation: \(block)\n"))
        #expect(found == [expected])
    }

    @Test("generated robots: ids, overlaps with explicit robots and obstacles")
    func generatedRobots() {
        let text = """
            version: 1
            name: ws
            seed: 1
            dt_s: 0.1
            duration_s: 10
            world: {type: workspace, width_m: 10, height_m: 10, obstacles: [{type: circle, center: [3, 0], radius_m: 0.5}]}
            agents: [{id: r01, start: [0, 0], goal: [1, 1], radius_m: 0.2}, {id: x, start: [0, 3], goal: [0, -4], radius_m: 0.3}]
            formation: {type: circle-swap, count: 8, radius_m: 3}
            """
        #expect(loaderDiagnostics(of: text) == [
            "s.yaml:7:15: error: agents[0].id 'r01' is also the name of a robot generated by formation (r00 ... r07); choose another id",
            "s.yaml:8:12: error: formation robot 'r00' start must keep the robot (radius 0.25) clear of world.obstacles[0] (line 6) (got [3, 0]) (and 2 more problems with generated robots)",
        ])
    }

    @Test("a workspace needs at least one robot")
    func noRobots() {
        #expect(loaderDiagnostics(of: workspaceScenario(body: "agents: []\n")) == [
            "s.yaml:7:9: error: agents is empty and no formation block generates robots; a workspace scenario needs at least one robot",
        ])
    }

    @Test("every problem of a workspace file is reported at once, in the order of the file")
    func allErrors() {
        var text = workspaceScenario(replacing: "height_m: 8", with: "height_m: 8\n  colour: red")
        text = workspaceScenario(replacing: "radius_m: 0.3", with: "radius_m: -0.3", in: text)
        text = workspaceScenario(replacing: "goal: [5, -3]", with: "goal: [5]", in: text)
        text = workspaceScenario(replacing: "horizon: 15", with: "horizon: x", in: text)
        #expect(loaderDiagnostics(of: text) == [
            "s.yaml:10:3: error: unknown key 'world.colour' (known keys: type, width_m, height_m, obstacles)",
            "s.yaml:18:15: error: agents[0].radius_m must be > 0 (got -0.3)",
            "s.yaml:19:35: error: agents[1].goal must be a point [x, y] with 2 coordinates (got 1)",
            "s.yaml:21:12: error: controller.horizon must be a whole number (got x)",
        ])
    }

    @Test("a robot too large for the workspace is reported at its start and its goal")
    func robotTooLarge() {
        #expect(loaderDiagnostics(of: workspaceScenario(replacing: "radius_m: 0.3", with: "radius_m: 5")) == [
            "s.yaml:15:12: error: agents[0].start: a robot of radius 5 does not fit in the 12 m x 8 m workspace (got [-5, 0])",
            "s.yaml:16:11: error: agents[0].goal: a robot of radius 5 does not fit in the 12 m x 8 m workspace (got [5, 3])",
        ])
    }
}
