import Foundation
import Scenario
import Simulation
import Testing

/// Every shipped scenario file (scenarios/*.yaml) loads with the Scenario loader, runs safely over
/// several seeds — checked from the trajectories' footprints, not only from the simulator's own
/// counter — merges every ramp car before the acceleration lane ends, and gives identical records
/// with one and two threads. A handful of seeds by default; hundreds with NASHSIM_MANY_SEEDS=1.
@Suite("Shipped scenarios")
struct ShippedScenarioTests {
    static let files = ["highway-merge.yaml", "merge-lossy-network.yaml", "merge-rush-hour.yaml", "merge-two-cars.yaml"]

    static var many: Bool { ProcessInfo.processInfo.environment["NASHSIM_MANY_SEEDS"] == "1" }

    /// The file's own seed, then others.
    static func seeds(for config: SimulationConfig, few: Int) -> [UInt64] {
        [config.seed] + (1..<(many ? 200 : few)).map { UInt64(500 + 7919 * $0) }
    }

    @Test("each shipped file starts with a comment saying what it shows and what to expect, and loads",
          arguments: files)
    func headerAndLoad(file: String) throws {
        let path = ShippedScenarioRun.path(of: file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# "))
        #expect(text.contains("What it shows") && text.contains("What to expect"))
        let config = try ScenarioLoader.load(path: path)
        #expect(config.name + ".yaml" == file)
    }

    @Test("no footprints overlap and every ramp car merges before the end of the acceleration lane",
          arguments: files)
    func safeOverSeeds(file: String) throws {
        let base = try ScenarioLoader.load(path: ShippedScenarioRun.path(of: file))
        for seed in Self.seeds(for: base, few: file == "merge-rush-hour.yaml" ? 2 : 3) {
            var config = base
            config.seed = seed
            let run = ShippedScenarioRun(config)
            let overlaps = run.overlaps()
            #expect(overlaps.isEmpty, "\(file) seed \(seed): \(overlaps.prefix(3))")
            #expect(run.summary.collisions == 0, "\(file) seed \(seed)")
            let failures = run.mergeFailures()
            #expect(failures.isEmpty, "\(file) seed \(seed): \(failures.prefix(3))")
            #expect(run.summary.completed == run.rampCars, "\(file) seed \(seed): \(run.summary.completed) of \(run.rampCars) merged")
            #expect((run.summary.minSeparation ?? 0) > 0, "\(file) seed \(seed)")
        }
    }

    @Test("one thread and two threads give identical records", arguments: files)
    func threads(file: String) throws {
        var config = try ScenarioLoader.load(path: ShippedScenarioRun.path(of: file))
        config.duration = min(config.duration, 30)
        let one = ShippedScenarioRun(config, threads: 1), two = ShippedScenarioRun(config, threads: 2)
        #expect(one.fingerprint == two.fingerprint)
    }

    @Test("the default scenario shows what its header promises")
    func defaultScenarioStory() throws {
        let run = ShippedScenarioRun(try ScenarioLoader.load(path: ShippedScenarioRun.path(of: "highway-merge.yaml")))
        let events = run.records.flatMap(\.events)
        func happened(_ agent: String, _ event: String, _ detail: String = "") -> Bool {
            events.contains { $0.agent == agent && $0.event == event && $0.detail.hasPrefix(detail) }
        }
        #expect(happened("r1", "merge-decision", "yields to m2"))
        #expect(happened("m3", "merge-decision", "yields to r1"))
        #expect(happened("r1", "lane-change-started", "behind m2 ahead of m3"))
        #expect(happened("r1", "merge-completed"))
        #expect(events.filter { $0.event == "left-world" }.count == 6)
        #expect(run.summary.completed == 1 && run.summary.collisions == 0)
    }

    @Test("the lossy network loses messages and cars follow on stale intents, safely")
    func lossyScenarioStory() throws {
        let run = ShippedScenarioRun(try ScenarioLoader.load(path: ShippedScenarioRun.path(of: "merge-lossy-network.yaml")))
        let events = run.records.flatMap(\.events)
        #expect(events.filter { $0.event == "message-lost" }.count > 100)
        #expect(events.contains { $0.event == "intent-stale" })
        #expect(run.summary.completed == 2 && run.summary.collisions == 0)
        #expect((run.summary.minSeparation ?? 0) > 1)
    }
}

/// One run of a scenario with the checks the tests make from its records alone.
struct ShippedScenarioRun {
    var records: [StepRecord] = []
    var summary: RunSummary
    var world: HighwayMergeConfig

    static func path(of file: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios").appendingPathComponent(file).path
    }

    init(_ config: SimulationConfig, threads: Int = 1) {
        let simulation = HighwayMergeSimulation(config: config, threads: threads)
        records.append(simulation.initialRecord)
        while !simulation.isFinished { records.append(simulation.step()) }
        summary = simulation.summary()
        guard case .highwayMerge(let world) = config.world else { preconditionFailure() }
        self.world = world
    }

    var sizes: [String: (length: Double, width: Double)] {
        Dictionary(uniqueKeysWithValues: summary.agents.map { ($0.id, ($0.length, $0.width)) })
    }

    /// Ramp cars that took part (their ids are those of ramp-route cars in the configuration).
    var rampCars: Int {
        let rampIDs = Set(HighwayMergeSimulation.allCars(of: world, seed: summary.seed).filter { $0.route == .ramp }.map(\.id))
        return summary.agents.filter { rampIDs.contains($0.id) }.count
    }

    /// Pairs of footprints (rectangles length × width turned by heading) whose interiors
    /// intersect, by the separating-axis test.
    func overlaps() -> [String] {
        let sizes = sizes
        var found: [String] = []
        for record in records {
            let shapes = record.samples.map { sample -> (String, [(Double, Double)]) in
                let (length, width) = sizes[sample.agent]!
                let c = cos(sample.heading), s = sin(sample.heading)
                return (sample.agent, [(1.0, -1.0), (1, 1), (-1, 1), (-1, -1)].map { u, v in
                    (sample.x + u * length / 2 * c - v * width / 2 * s, sample.y + u * length / 2 * s + v * width / 2 * c)
                })
            }
            for i in shapes.indices {
                for j in shapes.indices where j > i && abs(shapes[i].1[0].0 - shapes[j].1[0].0) < 20 {
                    if Self.intersect(shapes[i].1, shapes[j].1) { found.append("t=\(record.time) \(shapes[i].0) \(shapes[j].0)") }
                }
            }
        }
        return found
    }

    static func intersect(_ p: [(Double, Double)], _ q: [(Double, Double)]) -> Bool {
        for polygon in [p, q] {
            for k in 0..<4 {
                let (x0, y0) = polygon[k], (x1, y1) = polygon[(k + 1) % 4]
                let axis = (y0 - y1, x1 - x0)
                let a = p.map { $0.0 * axis.0 + $0.1 * axis.1 }, b = q.map { $0.0 * axis.0 + $0.1 * axis.1 }
                if a.max()! <= b.min()! || b.max()! <= a.min()! { return false }
            }
        }
        return true
    }

    /// Ramp-route cars seen in the acceleration lane (or changing lanes) with their front past
    /// `mergeEnd`, and ramp-route cars that never reached the main lane.
    func mergeFailures() -> [String] {
        let rampIDs = Set(HighwayMergeSimulation.allCars(of: world, seed: summary.seed).filter { $0.route == .ramp }.map(\.id))
        let sizes = sizes
        var failures: [String] = [], merged: Set<String> = [], seen: Set<String> = []
        for record in records {
            for sample in record.samples where rampIDs.contains(sample.agent) {
                seen.insert(sample.agent)
                let lane = sample.extra.first { $0.name == "lane" }?.value
                if lane == "main" { merged.insert(sample.agent); continue }
                if sample.x + sizes[sample.agent]!.length / 2 > world.mergeEnd {
                    failures.append("t=\(record.time) \(sample.agent) in lane \(lane ?? "?") at x \(sample.x)")
                }
            }
        }
        return failures + seen.subtracting(merged).sorted().map { "\($0) never merged" }
    }

    /// The records as text, for identity checks.
    var fingerprint: String {
        records.map { record in
            "\(record.step) \(record.time)\n"
                + record.samples.map { "\($0.agent) \($0.x) \($0.y) \($0.heading) \($0.speed) \($0.accel) \($0.extra.map(\.value))" }
                    .joined(separator: "\n")
                + record.events.map { "\($0.time) \($0.agent) \($0.event) \($0.detail)" }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
