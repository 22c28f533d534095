import Foundation
@testable import Simulation

/// Scenario configurations for the tests, mirroring the shipped scenario files.
enum TestScenarios {
    /// A handful of cars and one contested merge (like scenarios/highway-merge.yaml).
    static func contestedMerge(seed: UInt64 = 42, duration: Double = 40, latency: Double = 0.1,
                               dropRate: Double = 0) -> SimulationConfig {
        let cars = [
            CarConfig(id: "main-1", route: .main, s: 220, speed: 26),
            CarConfig(id: "main-2", route: .main, s: 170, speed: 26),
            CarConfig(id: "main-3", route: .main, s: 130, speed: 26),
            CarConfig(id: "main-4", route: .main, s: 80, speed: 27),
            CarConfig(id: "main-5", route: .main, s: 30, speed: 27),
            CarConfig(id: "ramp-1", route: .ramp, s: 40, speed: 20),
            CarConfig(id: "ramp-2", route: .ramp, s: 5, speed: 18),
        ]
        let world = HighwayMergeConfig(cars: cars)
        return SimulationConfig(name: "highway-merge", seed: seed, dt: 0.1, duration: duration,
                                world: .highwayMerge(world),
                                communication: CommunicationConfig(latency: latency, dropRate: dropRate, range: 150))
    }

    /// Generated flows on both routes (like scenarios/merge-rush-hour.yaml).
    static func rushHour(seed: UInt64 = 7, duration: Double = 90, mainCount: Int = 30, rampCount: Int = 14,
                         latency: Double = 0.1, dropRate: Double = 0) -> SimulationConfig {
        let traffic = TrafficConfig(
            main: FlowConfig(count: mainCount, minHeadway: 1.2, meanHeadway: 2.2, speedRange: 24...28,
                             desiredSpeedRange: 27...31),
            ramp: FlowConfig(count: rampCount, minHeadway: 2.5, meanHeadway: 4.5, speedRange: 16...20,
                             desiredSpeedRange: 26...30, startTime: 2))
        let world = HighwayMergeConfig(traffic: traffic)
        return SimulationConfig(name: "merge-rush-hour", seed: seed, dt: 0.1, duration: duration,
                                world: .highwayMerge(world),
                                communication: CommunicationConfig(latency: latency, dropRate: dropRate, range: 150))
    }
}

/// A run's records and summary, with an independent safety check from the samples alone.
struct RunResult {
    var records: [StepRecord]
    var summary: RunSummary
    var world: HighwayMergeConfig

    static func run(_ config: SimulationConfig, threads: Int = 1, steps: Int? = nil) -> RunResult {
        let simulation = HighwayMergeSimulation(config: config, threads: threads)
        var records = [simulation.initialRecord]
        var remaining = steps ?? Int.max
        while !simulation.isFinished && remaining > 0 {
            records.append(simulation.step())
            remaining -= 1
        }
        guard case .highwayMerge(let world) = config.world else { fatalError() }
        return RunResult(records: records, summary: simulation.summary(), world: world)
    }

    /// Footprints of every sample (rectangle length x width centred on (x, y), turned by heading).
    func footprints(_ record: StepRecord) -> [(agent: String, corners: [(Double, Double)])] {
        let sizes = Dictionary(uniqueKeysWithValues: summary.agents.map { ($0.id, ($0.length, $0.width)) })
        return record.samples.map { sample in
            let (length, width) = sizes[sample.agent]!
            let c = cos(sample.heading), s = sin(sample.heading)
            let a = length / 2, b = width / 2
            let corners = [(a, -b), (a, b), (-a, b), (-a, -b)].map { (u, v) in
                (sample.x + u * c - v * s, sample.y + u * s + v * c)
            }
            return (sample.agent, corners)
        }
    }

    /// Pairs of footprints whose interiors intersect (separating-axis test written here, apart
    /// from the simulator's own), as "time agent agent".
    func overlaps() -> [String] {
        var found: [String] = []
        for record in records {
            let shapes = footprints(record)
            for i in shapes.indices {
                for j in shapes.indices where j > i {
                    if Self.intersect(shapes[i].corners, shapes[j].corners) {
                        found.append("t=\(record.time) \(shapes[i].agent) \(shapes[j].agent)")
                    }
                }
            }
        }
        return found
    }

    static func intersect(_ p: [(Double, Double)], _ q: [(Double, Double)]) -> Bool {
        for polygon in [p, q] {
            for k in 0..<4 {
                let (x0, y0) = polygon[k], (x1, y1) = polygon[(k + 1) % 4]
                let axis = (-(y1 - y0), x1 - x0)
                let pp = p.map { $0.0 * axis.0 + $0.1 * axis.1 }, qq = q.map { $0.0 * axis.0 + $0.1 * axis.1 }
                if pp.max()! <= qq.min()! + 1e-12 || qq.max()! <= pp.min()! + 1e-12 { return false }
            }
        }
        return true
    }

    /// Ramp cars whose samples show them in the acceleration lane (or changing lanes) with the
    /// front past mergeEnd, or that entered but never reached the main lane.
    func mergeFailures(requireAllMerged: Bool) -> [String] {
        var failures: [String] = []
        var merged: Set<String> = [], seenRamp: Set<String> = []
        let lengths = Dictionary(uniqueKeysWithValues: summary.agents.map { ($0.id, $0.length) })
        for record in records {
            for sample in record.samples where sample.agent.hasPrefix("ramp") {
                seenRamp.insert(sample.agent)
                let lane = sample.extra.first { $0.name == "lane" }!.value
                if lane == "main" { merged.insert(sample.agent); continue }
                if (lane == "accel" || lane == "changing") && sample.x + lengths[sample.agent]! / 2 > world.mergeEnd + 1e-9 {
                    failures.append("t=\(record.time) \(sample.agent) \(lane) at x \(sample.x)")
                }
            }
        }
        if requireAllMerged {
            for agent in seenRamp.subtracting(merged).sorted() { failures.append("\(agent) never merged") }
        }
        return failures
    }

    /// Everything of the records, as text (for identity checks).
    var fingerprint: String {
        var text = ""
        for record in records {
            text += "\(record.step) \(record.time)\n"
            for s in record.samples {
                text += "\(s.agent) \(s.x) \(s.y) \(s.heading) \(s.speed) \(s.accel) \(s.extra.map(\.value))\n"
            }
            for e in record.events { text += "\(e.time) \(e.agent) \(e.event) \(e.detail)\n" }
        }
        return text
    }
}

/// Seeds for the randomized tests: a handful by default, hundreds with NASHSIM_MANY_SEEDS=1.
enum TestSeeds {
    static var many: Bool { ProcessInfo.processInfo.environment["NASHSIM_MANY_SEEDS"] == "1" }

    static func seeds(few: Int, many manyCount: Int) -> [UInt64] {
        (0..<(many ? manyCount : few)).map { UInt64(1000 + 7919 * $0) }
    }
}
