@testable import Scenario
import Simulation
import Testing

@Suite("ScenarioLoader: diagnostics")
struct ScenarioLoaderDiagnosticTests {
    @Test("a range error names file, line, column and key path, compiler-style")
    func rangeError() {
        let text = loaderScenario(replacing: "merge_end_m: 400", with: "merge_end_m: 200")
        #expect(loaderDiagnostics(of: text, file: "scenarios/merge.yaml")
            == ["scenarios/merge.yaml:12:16: error: world.merge_end_m must be > merge_start_m = 250 (got 200)"])
    }

    @Test("the diagnostic's fields", arguments: [("drop_rate: 0.1", "drop_rate: 1.5", "communication.drop_rate")])
    func fields(old: String, new: String, keyPath: String) throws {
        do {
            _ = try ScenarioLoader.load(text: loaderScenario(replacing: old, with: new), fileName: "f.yaml")
            Issue.record("expected diagnostics")
        } catch let error as ScenarioDiagnostics {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.file == "f.yaml" && diagnostic.line == 29 && diagnostic.column == 44)
            #expect(diagnostic.keyPath == keyPath)
            #expect(diagnostic.message == "communication.drop_rate must be in [0, 1] (got 1.5)")
        }
    }

    @Test("unknown keys are errors that suggest the nearest known key", arguments: [
        ("dt_s: 0.1", "dt: 0.1", "s.yaml:4:1: error: unknown key 'dt'; did you mean 'dt_s'?"),
        ("lane_width_m: 3.5", "lane_widht_m: 3.5", "s.yaml:8:3: error: unknown key 'world.lane_widht_m'; did you mean 'lane_width_m'?"),
        ("controller: {max_accel_mps2: 3.5}", "controller: {max_accel: 3.5}",
         "s.yaml:25:18: error: unknown key 'agents[1].controller.max_accel'; did you mean 'max_accel_mps2'?"),
        ("duration_s: 20", "Duration_S: 20", "s.yaml:5:1: error: unknown key 'Duration_S'; did you mean 'duration_s'?"),
        ("game: {selection: fcfs}", "game: {selection: fcfs, colour: red}",
         "s.yaml:30:25: error: unknown key 'game.colour' (known keys: selection, nash_gap)"),
    ])
    func unknownKey(old: String, new: String, expected: String) {
        let found = loaderDiagnostics(of: loaderScenario(replacing: old, with: new))
        #expect(found.contains(expected), "\(found)")
    }

    @Test("every problem of a file is reported at once, in the order of the file")
    func allErrors() {
        var text = loaderScenario(replacing: "seed: 7", with: "seed: seven")
        text = loaderScenario(replacing: "lane_width_m: 3.5", with: "lane_width_m: -1", in: text)
        text = loaderScenario(replacing: "s_m: 60", with: "s_m: -3", in: text)
        text = loaderScenario(replacing: "latency_s: 0.2", with: "latency_sec: 0.2", in: text)
        text = loaderScenario(replacing: "horizon: 25", with: "horizon: 2.5", in: text)
        #expect(loaderDiagnostics(of: text) == [
            "s.yaml:3:7: error: seed must be a whole number (got seven)",
            "s.yaml:8:17: error: world.lane_width_m must be > 0 (got -1)",
            "s.yaml:21:10: error: agents[1].s_m must be >= 0 (got -3)",
            "s.yaml:27:12: error: controller.horizon must be a whole number (got 2.5)",
            "s.yaml:29:17: error: unknown key 'communication.latency_sec'; did you mean 'latency_s'?",
        ])
    }

    @Test("missing required keys are reported at the mapping that lacks them")
    func missingKeys() {
        let text = """
            # a comment first
            version: 1
            world: {type: highway-merge}
            agents:
              - {id: a, route: main}
            """
        #expect(loaderDiagnostics(of: text) == [
            "s.yaml:2:1: error: missing required key 'name'",
            "s.yaml:2:1: error: missing required key 'seed'",
            "s.yaml:2:1: error: missing required key 'dt_s'",
            "s.yaml:2:1: error: missing required key 'duration_s'",
            "s.yaml:5:5: error: missing required key 'agents[0].s_m'",
            "s.yaml:5:5: error: missing required key 'agents[0].speed_mps'",
        ])
    }

    @Test("type errors name what was found", arguments: [
        ("dt_s: 0.1", "dt_s: \"0.1\"", "s.yaml:4:7: error: dt_s must be a number (got \"0.1\")"),
        ("dt_s: 0.1", "dt_s: .inf", "s.yaml:4:7: error: dt_s must be a number (got .inf)"),
        ("dt_s: 0.1", "dt_s: 1e999", "s.yaml:4:7: error: dt_s must be a finite number (got 1e999)"),
        ("dt_s: 0.1", "dt_s:", "s.yaml:4:6: error: dt_s must be a number (got nothing)"),
        ("dt_s: 0.1", "dt_s: [0.1]", "s.yaml:4:7: error: dt_s must be a number (got a list)"),
        ("name: merge-test", "name: {a: b}", "s.yaml:2:7: error: name must be a text value (got a mapping)"),
        ("route: main", "route: mian", "s.yaml:16:12: error: agents[0].route must be one of: main, ramp (got mian); did you mean 'main'?"),
        ("game: {selection: fcfs}", "game: {selection: nash}", "s.yaml:30:19: error: game.selection must be one of: payoff-dominant, welfare, risk-dominant, fcfs (got nash)"),
        ("world:\n  type: highway-merge", "world:\n  type: roundabout",
         "s.yaml:7:9: error: world.type 'roundabout' must be one of: highway-merge, workspace"),
        ("world:\n  type: highway-merge", "world:\n  type: highway_merge",
         "s.yaml:7:9: error: world.type 'highway_merge' must be one of: highway-merge, workspace; did you mean 'highway-merge'?"),
        ("version: 1", "version: 2", "s.yaml:1:10: error: version must be 1 (got 2); this nashsim reads scenario format version 1"),
        ("seed: 7", "seed: 18446744073709551616", "s.yaml:3:7: error: seed must be a whole number in 0...18446744073709551615 (got 18446744073709551616)"),
        ("name: merge-test", "name: ../up", "s.yaml:2:7: error: name must be non-empty and use only letters, digits, '-', '_' and '.', not starting with '.' (it names the output folder results/<name>/; got ../up)"),
        ("agents:\n", "agents: 3\nx:\n", "s.yaml:14:9: error: agents must be a list (got 3)"),
    ])
    func typeErrors(old: String, new: String, expected: String) {
        let found = loaderDiagnostics(of: loaderScenario(replacing: old, with: new))
        #expect(found.first == expected, "\(found)")
    }

    @Test("range checks", arguments: [
        ("dt_s: 0.1", "dt_s: 0", "s.yaml:4:7: error: dt_s must be > 0 (got 0)"),
        ("dt_s: 0.1", "dt_s: 0.0005", "s.yaml:4:7: error: dt_s must be a whole number of milliseconds (times are written with 3 decimals) (got 0.0005)"),
        ("duration_s: 20", "duration_s: 0.05", "s.yaml:5:13: error: duration_s must be at least dt_s = 0.1 (got 0.05)"),
        ("duration_s: 20", "duration_s: 1e300", "s.yaml:5:13: error: duration_s must be at most 10000000 steps of dt_s = 0.1 (got 1e300)"),
        ("merge_start_m: 250", "merge_start_m: 0", "s.yaml:11:18: error: world.merge_start_m must be > 0 (got 0)"),
        ("merge_end_m: 400", "merge_end_m: 900", "s.yaml:12:16: error: world.merge_end_m must be < main_length_m = 800 (got 900)"),
        ("s_m: 150", "s_m: 800", "s.yaml:17:10: error: agents[0].s_m must be < world.main_length_m = 800 for a car on the main route (got 800)"),
        ("s_m: 60", "s_m: 270", "s.yaml:21:10: error: agents[1].s_m must be < 270 for a car on the ramp route (ramp_length_m + merge_end_m - merge_start_m: the end of the acceleration lane) (got 270)"),
        ("speed_mps: 25", "speed_mps: -1", "s.yaml:18:16: error: agents[0].speed_mps must be >= 0 (got -1)"),
        ("desired_speed_mps: 27", "desired_speed_mps: 0", "s.yaml:23:24: error: agents[1].desired_speed_mps must be > 0 (got 0)"),
        ("length_m: 5", "length_m: 0", "s.yaml:24:15: error: agents[1].length_m must be > 0 (got 0)"),
        ("max_brake_mps2: 7", "max_brake_mps2: -7", "s.yaml:28:19: error: controller.max_brake_mps2 must be > 0 (got -7)"),
        ("horizon: 25", "horizon: 1", "s.yaml:27:12: error: controller.horizon must be a number of control steps in 2...1000 (got 1)"),
        ("latency_s: 0.2", "latency_s: -0.2", "s.yaml:29:28: error: communication.latency_s must be >= 0 (got -0.2)"),
        ("range_m: 120", "range_m: 0", "s.yaml:29:58: error: communication.range_m must be > 0 (got 0)"),
        ("range_m: 120", "range_m: 120, rounds: 0", "s.yaml:29:71: error: communication.rounds must be between 1 and 50 (got 0)"),
        ("range_m: 120", "range_m: 120, rounds: 51", "s.yaml:29:71: error: communication.rounds must be between 1 and 50 (got 51)"),
        ("game: {selection: fcfs}", "game: {selection: fcfs, nash_gap: yes}", "s.yaml:30:35: error: game.nash_gap must be true or false (got yes)"),
    ])
    func rangeChecks(old: String, new: String, expected: String) {
        let found = loaderDiagnostics(of: loaderScenario(replacing: old, with: new))
        #expect(found == [expected])
    }

    @Test("an ordering problem with a default value points at the value that was written")
    func orderingWithDefaults() {
        let text = """
            version: 1
            name: x
            seed: 1
            dt_s: 0.1
            duration_s: 1
            world: {type: highway-merge, merge_start_m: 500}
            agents: [{id: a, route: main, s_m: 0, speed_mps: 0}]
            """
        #expect(loaderDiagnostics(of: text) == [
            "s.yaml:6:45: error: world.merge_start_m must be < merge_end_m = 450, the default (got 500)",
        ])
    }

    @Test("duplicate ids and cars starting inside each other")
    func agentChecks() {
        let text = loaderScenario(replacing: """
              - id: r1
                route: ramp
            """, with: """
              - id: m2
                route: main
                s_m: 153
                speed_mps: 25
              - id: m1
                route: ramp
            """)
        #expect(loaderDiagnostics(of: text) == [
            "s.yaml:21:10: error: agents[1] (id 'm2') starts inside agents[0] (id 'm1'): main route s_m 153, main route s_m 150, lengths 4.5 and 4.5",
            "s.yaml:23:9: error: agents[2].id duplicates the id 'm1' of agents[0] (line 15)",
        ])
    }

    @Test("a main-lane car and a ramp car in the acceleration lane overlap only when the lanes are narrow")
    func crossLaneOverlap() {
        // r1 at s 60 on the ramp is on the ramp proper; move it into the acceleration lane beside m1.
        let beside = loaderScenario(replacing: "s_m: 60", with: "s_m: 140")  // x = 250 + 20 = 270; m1 at 150
        #expect(loaderDiagnostics(of: beside).isEmpty)
        let nextTo = loaderScenario(replacing: "s_m: 150", with: "s_m: 270", in: beside)
        #expect(loaderDiagnostics(of: nextTo).isEmpty)  // lane width 3.5 > widths
        let narrow = loaderScenario(replacing: "lane_width_m: 3.5", with: "lane_width_m: 1.5", in: nextTo)
        #expect(loaderDiagnostics(of: narrow).count == 1)
    }

    @Test("explicit ids may not repeat the names of generated cars")
    func generatedNames() {
        let text = """
            version: 1
            name: x
            seed: 1
            dt_s: 0.1
            duration_s: 1
            world: {type: highway-merge}
            agents: [{id: ramp-002, route: main, s_m: 0, speed_mps: 0}, {id: main-001, route: main, s_m: 50, speed_mps: 0}]
            traffic: {main: {count: 1, speed_min_mps: 1, speed_max_mps: 2}, ramp: {count: 12, speed_min_mps: 1, speed_max_mps: 2}}
            """
        #expect(loaderDiagnostics(of: text) == [
            "s.yaml:7:15: error: agents[0].id 'ramp-002' is also the name of a car generated by traffic.ramp (ramp-001 ... ramp-012); choose another id",
            "s.yaml:7:66: error: agents[1].id 'main-001' is also the name of a car generated by traffic.main (main-001); choose another id",
        ])
    }

    @Test("an empty agents list needs a traffic block that generates cars")
    func emptyAgents() {
        let base = """
            version: 1
            name: x
            seed: 1
            dt_s: 0.1
            duration_s: 1
            world: {type: highway-merge}
            agents: []

            """
        #expect(loaderDiagnostics(of: base) == [
            "s.yaml:7:9: error: agents is empty and no traffic block generates cars; a scenario needs at least one car",
        ])
        #expect(loaderDiagnostics(of: base + "traffic: {main: {count: 0, speed_min_mps: 1, speed_max_mps: 2}}").count == 1)
        #expect(loaderDiagnostics(of: base + "traffic: {main: {count: 2, speed_min_mps: 1, speed_max_mps: 2}}").isEmpty)
    }

    @Test("traffic flows are checked", arguments: [
        ("{count: -1, speed_min_mps: 1, speed_max_mps: 2}", "s.yaml:8:25: error: traffic.ramp.count must be in 0...10000 (got -1)"),
        ("{count: 1, speed_min_mps: 3, speed_max_mps: 2}", "s.yaml:8:61: error: traffic.ramp.speed_max_mps must be >= speed_min_mps = 3 (got 2)"),
        ("{count: 1, speed_max_mps: 2}", "s.yaml:8:17: error: missing required key 'traffic.ramp.speed_min_mps'"),
        ("{count: 1, speed_min_mps: 1, speed_max_mps: 2, min_headway_s: 4}",
         "s.yaml:8:17: error: traffic.ramp.mean_headway_s must be >= min_headway_s = 4 (got 3, the default)"),
        ("{count: 1, speed_min_mps: 1, speed_max_mps: 2, desired_speed_min_mps: 20}",
         "s.yaml:8:87: error: traffic.ramp.desired_speed_min_mps needs desired_speed_max_mps too (give both or neither)"),
        ("{count: 1, speed_min_mps: 1, speed_max_mps: 2, start_s: 3}",
         "s.yaml:8:64: error: unknown key 'traffic.ramp.start_s'; did you mean 'start_time_s'?"),
    ])
    func trafficChecks(flow: String, expected: String) {
        let text = """
            version: 1
            name: x
            seed: 1
            dt_s: 0.1
            duration_s: 1
            world: {type: highway-merge}
            agents: [{id: a, route: main, s_m: 0, speed_mps: 0}]
            traffic: {ramp: \(flow)}
            """
        #expect(loaderDiagnostics(of: text) == [expected])
    }

    @Test("YAML syntax errors carry their position", arguments: [
        ("world:\n  type: highway-merge", "world:\n\ttype: highway-merge", "s.yaml:7:1: error: invalid YAML: found character that cannot start any token (while scanning for the next token at line 7, column 1)"),
        ("game: {selection: fcfs}", "game: {selection: fcfs", "s.yaml:31:1: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 30, column 7)"),
        ("max_brake_mps2: 7", "max_brake_mps2: 7\n  horizon: 3", "s.yaml:29:3: error: duplicate key 'horizon' in a mapping (each key may be given once)"),
    ])
    func syntaxErrors(old: String, new: String, expected: String) {
        #expect(loaderDiagnostics(of: loaderScenario(replacing: old, with: new)) == [expected])
    }

    @Test("an empty file or a scalar is not a scenario")
    func notAMapping() {
        #expect(loaderDiagnostics(of: "") == [
            "s.yaml:1:1: error: the scenario is empty; it needs the keys version, name, seed, dt_s, duration_s, world and agents",
        ])
        #expect(loaderDiagnostics(of: "# only a comment\n").count == 1)
        #expect(loaderDiagnostics(of: "- 1\n- 2\n") == ["s.yaml:1:1: error: the scenario must be a mapping of keys (got a list)"])
    }
}
