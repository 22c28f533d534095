import Foundation
import Testing
@testable import Simulation
import Optimization

/// The world as a whole: safety checked from the footprints in the records, merges before the
/// end of the acceleration lane, determinism across threads and agent order, and the records'
/// own invariants.
@Suite("Highway merge simulation")
struct HighwayMergeSimulationTests {
    static let fewSeeds = TestSeeds.seeds(few: 3, many: 200)

    @Test("contested merge: no footprints overlap and every ramp car merges in time", arguments: fewSeeds)
    func contestedMergeIsSafe(seed: UInt64) {
        for (latency, dropRate) in [(0.1, 0.0), (0.3, 0.3)] {
            let result = RunResult.run(TestScenarios.contestedMerge(seed: seed, duration: 30, latency: latency, dropRate: dropRate))
            #expect(result.overlaps().isEmpty, "seed \(seed) latency \(latency): \(result.overlaps().prefix(3))")
            #expect(result.summary.collisions == 0, "seed \(seed)")
            #expect(result.mergeFailures(requireAllMerged: true).isEmpty, "seed \(seed): \(result.mergeFailures(requireAllMerged: true))")
            #expect(result.summary.completed == 2, "seed \(seed)")
            #expect((result.summary.minSeparation ?? 0) > 0, "seed \(seed)")
        }
    }

    @Test("generated traffic on both routes: no footprints overlap, merges only before mergeEnd",
          arguments: TestSeeds.seeds(few: 2, many: 100))
    func rushHourIsSafe(seed: UInt64) {
        let duration = TestSeeds.many ? 120.0 : 45.0
        let result = RunResult.run(TestScenarios.rushHour(seed: seed, duration: duration, mainCount: 24, rampCount: 10))
        #expect(result.overlaps().isEmpty, "seed \(seed): \(result.overlaps().prefix(3))")
        #expect(result.summary.collisions == 0, "seed \(seed)")
        #expect(result.mergeFailures(requireAllMerged: TestSeeds.many).isEmpty, "seed \(seed)")
        #expect(result.summary.extra.first { $0.key == "fallbacks" }?.value == 0, "seed \(seed)")
    }

    @Test("one thread and two threads give identical records")
    func threadsDoNotMatter() {
        let config = TestScenarios.rushHour(seed: 5, duration: 30, mainCount: 16, rampCount: 6, latency: 0.2, dropRate: 0.2)
        let one = RunResult.run(config, threads: 1), two = RunResult.run(config, threads: 2)
        #expect(one.records.count == 301)
        #expect(one.fingerprint == two.fingerprint)
        #expect(one.summary.collisions == two.summary.collisions && one.summary.minSeparation == two.summary.minSeparation)
    }

    @Test("permuting the order of the agents in the configuration changes nothing")
    func agentOrderDoesNotMatter() {
        var config = TestScenarios.contestedMerge(seed: 9, duration: 20, latency: 0.2, dropRate: 0.3)
        let reference = RunResult.run(config)
        guard case .highwayMerge(var world) = config.world else { return }
        var rng = SplitMix64(seed: 77)
        for _ in 0..<3 {
            world.cars.shuffle(using: &rng)
            config.world = .highwayMerge(world)
            #expect(RunResult.run(config, threads: 2).fingerprint == reference.fingerprint)
        }
    }

    @Test("a car has a row at every step from its entry until it leaves, sorted by id; none after")
    func rowsWhileInWorld() {
        let result = RunResult.run(TestScenarios.contestedMerge(seed: 1, duration: 60))
        var lastStep: [String: Int] = [:], left: [String: Double] = [:]
        for record in result.records {
            #expect(record.samples.map(\.agent) == record.samples.map(\.agent).sorted())
            #expect(record.events == record.events.sorted())
            for sample in record.samples {
                if let last = lastStep[sample.agent] { #expect(last == record.step - 1, "\(sample.agent) at \(record.time)") }
                lastStep[sample.agent] = record.step
                #expect(sample.x <= 1000 && left[sample.agent] == nil)
                let finite = [sample.x, sample.y, sample.heading, sample.speed, sample.accel].allSatisfy { $0.isFinite }
                #expect(finite)
            }
            for event in record.events where event.event == "left-world" { left[event.agent] = event.time }
        }
        #expect(left.count == 7, "every car leaves the 1000 m road within 60 s")
        #expect(result.records[0].time == 0 && result.records[0].samples.count == 7)
    }

    @Test("x, y and heading are consistent: each car moves along its heading at its speed")
    func kinematicConsistency() {
        let result = RunResult.run(TestScenarios.contestedMerge(seed: 2, duration: 25))
        let dt = 0.1
        var previous: [String: TrajectorySample] = [:]
        var checked = 0
        for record in result.records {
            for sample in record.samples {
                defer { previous[sample.agent] = sample }
                guard let before = previous[sample.agent], abs(sample.heading - before.heading) < 0.01 else { continue }
                let dx = sample.x - before.x, dy = sample.y - before.y
                let distance = hypot(dx, dy)
                // Trapezoid rule on the speed along the path.
                #expect(abs(distance - 0.5 * (sample.speed + before.speed) * dt) <= 0.02, "\(sample.agent) at \(record.time)")
                if distance > 0.5 {
                    let direction = atan2(dy, dx), mean = 0.5 * (sample.heading + before.heading)
                    #expect(abs(direction - mean) <= 0.01, "\(sample.agent) at \(record.time)")
                }
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test("generated cars enter at s = 0 when the entrance is free, later (and logged) when it is not")
    func entries() {
        let traffic = TrafficConfig(main: FlowConfig(count: 12, minHeadway: 0.2, meanHeadway: 0.3, speedRange: 25...25))
        let config = SimulationConfig(name: "crowded-entrance", seed: 3, dt: 0.1, duration: 30,
                                      world: .highwayMerge(HighwayMergeConfig(traffic: traffic)))
        let result = RunResult.run(config)
        #expect(result.overlaps().isEmpty)
        let entered = result.records.flatMap(\.events).filter { $0.event == "entered" }
        #expect(entered.count == 12)
        #expect(result.records.flatMap(\.events).contains { $0.event == "entry-delayed" })
        #expect(result.summary.agents.count == 12)
    }

    @Test("a controller is told only about cars within sensor range")
    func observationIsLocal() {
        let cars = [CarConfig(id: "a", route: .main, s: 0, speed: 20), CarConfig(id: "b", route: .main, s: 100, speed: 20),
                    CarConfig(id: "c", route: .main, s: 400, speed: 20)]
        let simulation = HighwayMergeSimulation(
            config: SimulationConfig(name: "sensing", seed: 1, dt: 0.1, duration: 1, world: .highwayMerge(HighwayMergeConfig(cars: cars))))
        simulation.takeSnapshot()
        let observation = simulation.observation(0, step: 0, time: 0)
        #expect(observation.ego.id == AgentID(index: 0))
        #expect(observation.sensed.map(\.id) == [AgentID(index: 1)])
    }
}
