import Foundation
@testable import Scenario
import Simulation
import Testing

@Suite("ScenarioLoader: properties over seeded random edits")
struct ScenarioLoaderPropertyTests {
    static let lines = loaderBaseScenario.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    /// Every diagnostic is compiler-style and points inside the text.
    func checkWellFormed(_ text: String, context: String) {
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        do {
            _ = try ScenarioLoader.load(text: text, fileName: "p.yaml")
        } catch let error as ScenarioDiagnostics {
            #expect(!error.diagnostics.isEmpty, "\(context)")
            for diagnostic in error.diagnostics {
                #expect((1...max(lineCount, 1)).contains(diagnostic.line) && diagnostic.column >= 1,
                        "\(context): \(diagnostic)")
                #expect(diagnostic.description.hasPrefix("p.yaml:\(diagnostic.line):\(diagnostic.column): error: "),
                        "\(context): \(diagnostic)")
            }
        } catch {
            Issue.record("\(context): unexpected error \(error)")
        }
    }

    @Test("every prefix of a valid file loads or gives positioned diagnostics (never a crash)")
    func prefixes() {
        let scalars = Array(loaderBaseScenario.unicodeScalars)
        for length in stride(from: 0, through: scalars.count, by: 3) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<length])
            checkWellFormed(String(view), context: "prefix of \(length) characters")
        }
    }

    @Test("deleting a line: a required key is reported missing by name, optional keys take defaults",
          arguments: [UInt64(21), 22, 23])
    func deletedLines(seed: UInt64) throws {
        var random = LoaderTestRandom(seed: seed)
        let required = ["version", "name", "seed", "dt_s", "duration_s", "world", "agents", "type", "id", "route",
                        "s_m", "speed_mps"]
        for _ in 0..<25 {
            let index = Int.random(in: 0..<Self.lines.count, using: &random)
            let line = Self.lines[index]
            var edited = Self.lines
            edited.remove(at: index)
            let text = edited.joined(separator: "\n")
            let context = "seed \(seed): deleting line \(index + 1) '\(line)'"
            checkWellFormed(text, context: context)
            let key = line.trimmingCharacters(in: .whitespaces).drop { $0 == "-" || $0 == " " }
                .prefix { $0 != ":" }
            let found = loaderDiagnostics(of: text)
            // (Deleting a list item's first line or a block's header changes the structure instead.)
            if required.contains(String(key)), !line.hasSuffix(":"), !line.contains("- ") {
                #expect(found.contains { $0.contains("missing required key") && $0.contains("\(key)'") },
                        "\(context): \(found)")
            }
        }
    }

    /// (key as written in loaderBaseScenario, key path, the valid range as a predicate)
    static let numericKeys: [(line: String, path: String, isValid: @Sendable (Double) -> Bool)] = [
        ("  lane_width_m: 3.5", "world.lane_width_m", { $0 > 0 }),
        ("  ramp_length_m: 120", "world.ramp_length_m", { $0 > 0 }),
        ("  speed_limit_mps: 28", "world.speed_limit_mps", { $0 > 0 }),
        ("    speed_mps: 25", "agents[0].speed_mps", { $0 >= 0 }),
        ("    desired_speed_mps: 27", "agents[1].desired_speed_mps", { $0 > 0 }),
        ("  max_brake_mps2: 7", "controller.max_brake_mps2", { $0 > 0 }),
        ("duration_s: 20", "duration_s", { $0 >= 0.1 }),
    ]

    @Test("a number is accepted exactly when it is in its documented range", arguments: [UInt64(31), 32])
    func numericRanges(seed: UInt64) {
        var random = LoaderTestRandom(seed: seed)
        for (line, path, isValid) in Self.numericKeys {
            for _ in 0..<20 {
                let value = (Double(Int.random(in: -400...400, using: &random)) / 8)
                let key = line.prefix { $0 != ":" }
                let text = loaderScenario(replacing: line + "\n", with: "\(key): \(value)\n")
                let found = loaderDiagnostics(of: text).filter { $0.contains(path) }
                #expect(found.isEmpty == isValid(value), "seed \(seed): \(path) = \(value): \(found)")
            }
        }
    }

    @Test("controller overrides: an agent's block replaces exactly the keys it sets", arguments: [UInt64(41), 42])
    func overrides(seed: UInt64) throws {
        var random = LoaderTestRandom(seed: seed)
        let keys: [(String, WritableKeyPath<CarControllerConfig, Double>)] = [
            ("max_accel_mps2", \.maxAccel), ("max_brake_mps2", \.maxBrake), ("max_jerk_mps3", \.maxJerk),
            ("min_gap_m", \.minGap), ("time_headway_s", \.timeHeadway), ("lane_change_s", \.laneChangeDuration),
        ]
        for _ in 0..<20 {
            let chosen = keys.filter { _ in Bool.random(using: &random) }
            let values = chosen.map { _ in Double(Int.random(in: 1...40, using: &random)) / 4 }
            let block = zip(chosen, values).map { "\($0.0): \($1)" }.joined(separator: ", ")
            let text = loaderScenario(replacing: "controller: {max_accel_mps2: 3.5}", with: "controller: {\(block)}")
            let config = try ScenarioLoader.load(text: text, fileName: "o.yaml")
            guard case .highwayMerge(let world) = config.world else { continue }
            var expected = world.controller
            for ((_, keyPath), value) in zip(chosen, values) { expected[keyPath: keyPath] = value }
            #expect(world.cars[1].controller == expected, "seed \(seed): \(block)")
            #expect(world.cars[0].controller == nil)
        }
    }
}

@Suite("KeySuggestion")
struct KeySuggestionTests {
    @Test("suggestions", arguments: [
        ("dt", "dt_s"), ("durration_s", "duration_s"), ("max_accel", "max_accel_mps2"), ("start_s", "start_time_s"),
        ("Lane-Width-M", "lane_width_m"), ("speed_limit_kph", "speed_limit_mps"), ("mergestart_m", "merge_start_m"),
        ("dt_seconds", "dt_s"), ("s_meters", "s_m"),
    ])
    func suggestion(key: String, expected: String) {
        let known = ScenarioParser.topLevelKeys + ScenarioParser.highwayMergeKeys + ScenarioParser.controllerKeys
            + ScenarioParser.flowKeys + ScenarioParser.carKeys
        #expect(KeySuggestion.nearest(to: key, among: known) == expected)
    }

    @Test("nothing close, no suggestion")
    func none() {
        #expect(KeySuggestion.nearest(to: "colour", among: ScenarioParser.topLevelKeys) == nil)
        #expect(KeySuggestion.editDistance(Array("ab"), Array("ba")) == 1)
        #expect(KeySuggestion.editDistance(Array(""), Array("abc")) == 3)
    }
}
