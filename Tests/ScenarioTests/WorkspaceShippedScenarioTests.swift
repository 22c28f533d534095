import Foundation
import Scenario
import Simulation
import Testing

/// Every shipped workspace scenario loads, runs with 0 % and 30 % message loss over several seeds
/// with no overlap between robots and no robot in an obstacle or past the workspace edge —
/// checked from the trajectory samples, independently of the simulator's own counters — and
/// brings every robot to its goal. A handful of runs by default (the simulation runs in a debug
/// build); many seeds with NASHSIM_MANY_SEEDS=1.
@Suite("Shipped workspace scenarios")
struct WorkspaceShippedScenarioTests {
    static let files = ["circle-swap-8.yaml", "corridor.yaml", "warehouse.yaml", "circle-swap-32.yaml", "crossing.yaml"]

    static var many: Bool { ProcessInfo.processInfo.environment["NASHSIM_MANY_SEEDS"] == "1" }

    /// (seed, drop rate) pairs: the file's own seed without loss, then lossy runs.
    static func runs(for config: SimulationConfig, file: String) -> [(UInt64, Double)] {
        if many { return (0..<100).flatMap { k in [(UInt64(100 + k), 0.0), (UInt64(100 + k), 0.3)] } }
        // Default: the file's own seed without loss, the next one with 30 % loss.
        return [(config.seed, 0), (config.seed &+ 1, 0.3)]
    }

    @Test("each shipped workspace file says what it shows and what to expect, and loads", arguments: files)
    func headerAndLoad(file: String) throws {
        let path = ShippedScenarioRun.path(of: file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# "))
        #expect(text.contains("What it shows") && text.contains("What to expect"))
        let config = try ScenarioLoader.load(path: path)
        #expect(config.name + ".yaml" == file)
        guard case .workspace = config.world else { Issue.record("\(file) is not a workspace scenario"); return }
    }

    @Test("no overlaps, no obstacle contact, every robot at its goal (0 % and 30 % loss)", arguments: files)
    func safeAndComplete(file: String) throws {
        let base = try ScenarioLoader.load(path: ShippedScenarioRun.path(of: file))
        for (seed, loss) in Self.runs(for: base, file: file) {
            var config = base
            config.seed = seed
            config.communication.dropRate = loss
            let run = WorkspaceScenarioRun(config)
            let label = "\(file) seed \(seed) loss \(loss)"
            let overlaps = run.overlaps()
            #expect(overlaps.isEmpty, "\(label): \(overlaps.prefix(3))")
            let contacts = run.obstacleContacts()
            #expect(contacts.isEmpty, "\(label): \(contacts.prefix(3))")
            #expect(run.summary.collisions == 0, "\(label)")
            #expect(run.summary.completed == run.summary.agents.count,
                    "\(label): \(run.summary.completed) of \(run.summary.agents.count) at their goals")
            if loss > 0 { #expect(run.records.flatMap(\.events).contains { $0.event == "message-lost" }, "\(label)") }
        }
    }

    /// Warehouse seeds found by the seeds 100–199 sweep: 118, a circle of robots each making room
    /// for the next (40 s lost); 195, a game's winner blocked by a third robot, its loser waiting
    /// the full 20 s twice (a robot short of its goal at 60 s).
    @Test("warehouse jams that once held robots past the end: every robot arrives, nobody touches",
          arguments: [UInt64(118), 195])
    func warehouseJamsResolve(seed: UInt64) throws {
        var config = try ScenarioLoader.load(path: ShippedScenarioRun.path(of: "warehouse.yaml"))
        config.seed = seed
        let run = WorkspaceScenarioRun(config)
        #expect(run.overlaps().isEmpty && run.obstacleContacts().isEmpty, "seed \(seed)")
        #expect(run.summary.completed == run.summary.agents.count,
                "seed \(seed): \(run.summary.completed) of \(run.summary.agents.count) at their goals")
    }

    @Test("the corridor: a game decides which side yields, the yielding side backs out, every robot arrives")
    func corridorStory() throws {
        let run = WorkspaceScenarioRun(try ScenarioLoader.load(path: ShippedScenarioRun.path(of: "corridor.yaml")))
        let events = run.records.flatMap(\.events)
        let games = events.filter { $0.event == "deadlock-game" }
        #expect(!games.isEmpty)
        #expect(games.allSatisfy { $0.detail.contains("equilibria") && $0.detail.contains("chose") })
        #expect(events.contains { $0.event == "yield" && $0.detail.hasPrefix("gives way to") })
        #expect(run.summary.completed == 6 && run.summary.collisions == 0)
    }
}

/// One run of a workspace scenario with the checks the tests make from its records alone.
struct WorkspaceScenarioRun {
    var records: [StepRecord] = []
    var summary: RunSummary
    var world: WorkspaceConfig

    init(_ config: SimulationConfig, threads: Int = 1) {
        let simulation = WorkspaceSimulation(config: config, threads: threads)
        records.append(simulation.initialRecord)
        while !simulation.isFinished { records.append(simulation.step()) }
        summary = simulation.summary()
        guard case .workspace(let world) = config.world else { preconditionFailure() }
        self.world = world
    }

    var radii: [String: Double] {
        Dictionary(uniqueKeysWithValues: summary.agents.map { ($0.id, $0.width / 2) })
    }

    /// Pairs of robots whose discs overlap at some step.
    func overlaps() -> [String] {
        let radii = radii
        var found: [String] = []
        for record in records {
            let samples = record.samples
            for i in samples.indices {
                for j in samples.indices where j > i {
                    let sum = radii[samples[i].agent]! + radii[samples[j].agent]!
                    if hypot(samples[i].x - samples[j].x, samples[i].y - samples[j].y) < sum {
                        found.append("t=\(record.time) \(samples[i].agent) \(samples[j].agent)")
                    }
                }
            }
        }
        return found
    }

    /// Robots whose disc enters an obstacle or crosses the workspace edge at some step.
    func obstacleContacts() -> [String] {
        let radii = radii
        var found: [String] = []
        for record in records {
            for sample in record.samples {
                let r = radii[sample.agent]!
                if abs(sample.x) > world.width / 2 - r || abs(sample.y) > world.height / 2 - r {
                    found.append("t=\(record.time) \(sample.agent) edge")
                }
                for obstacle in world.obstacles {
                    switch obstacle {
                    case .circle(let c, let radius):
                        if hypot(sample.x - c.x, sample.y - c.y) < radius + r { found.append("t=\(record.time) \(sample.agent) circle") }
                    case .box(let low, let high):
                        let dx = max(low.x - sample.x, 0, sample.x - high.x), dy = max(low.y - sample.y, 0, sample.y - high.y)
                        if dx * dx + dy * dy < r * r { found.append("t=\(record.time) \(sample.agent) box") }
                    }
                }
            }
        }
        return found
    }
}
