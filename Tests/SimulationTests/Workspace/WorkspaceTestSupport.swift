import Foundation
@testable import Simulation

/// Workspace scenarios built in code, mirroring the shipped files.
enum WorkspaceScenarios {
    static func config(_ name: String, world: WorkspaceConfig, seed: UInt64 = 1, duration: Double,
                       dropRate: Double = 0, latency: Double = 0.1) -> SimulationConfig {
        SimulationConfig(name: name, seed: seed, dt: 0.1, duration: duration, world: .workspace(world),
                         communication: CommunicationConfig(latency: latency, dropRate: dropRate, range: 150))
    }

    /// Two robots swapping places head-on along the x axis.
    static func headOn(seed: UInt64 = 1, dropRate: Double = 0) -> SimulationConfig {
        let robots = [
            RobotConfig(id: "a", start: Vector2(-4, 0), goal: Vector2(4, 0), radius: 0.3),
            RobotConfig(id: "b", start: Vector2(4, 0), goal: Vector2(-4, 0), radius: 0.3),
        ]
        return config("head-on", world: WorkspaceConfig(width: 12, height: 8, robots: robots), seed: seed,
                      duration: 25, dropRate: dropRate)
    }

    /// `count` robots on a circle of radius `circle`, each going to the antipodal point.
    static func circleSwap(count: Int = 8, circle: Double = 4, robotRadius: Double = 0.3, seed: UInt64 = 1,
                           dropRate: Double = 0, duration: Double = 40) -> SimulationConfig {
        let robots = (0..<count).map { k -> RobotConfig in
            let angle = 2 * Double.pi * Double(k) / Double(count)
            let start = Vector2(circle * cos(angle), circle * sin(angle))
            return RobotConfig(id: String(format: "r%02d", k), start: start, goal: Vector2(-start.x, -start.y),
                               radius: robotRadius)
        }
        let side = 2 * circle + 4
        return config("circle-swap-\(count)", world: WorkspaceConfig(width: side, height: side, robots: robots),
                      seed: seed, duration: duration, dropRate: dropRate)
    }

    /// One robot behind a wall from its goal.
    static func wall() -> SimulationConfig {
        let robots = [RobotConfig(id: "a", start: Vector2(-4, 0), goal: Vector2(4, 0), radius: 0.3)]
        let world = WorkspaceConfig(width: 12, height: 10, obstacles: [.box(min: Vector2(-0.5, -3), max: Vector2(0.5, 3))],
                                    robots: robots)
        return config("wall", world: world, duration: 30)
    }

    /// A corridor one robot wide (1 m, robots 0.3 m) between two rooms; two robots from each end.
    static func corridor(seed: UInt64 = 1, dropRate: Double = 0, perSide: Int = 1, duration: Double = 60) -> SimulationConfig {
        var robots: [RobotConfig] = []
        for k in 0..<perSide {
            let offset = Double(k) * 1.0
            robots.append(RobotConfig(id: "east-\(k)", start: Vector2(-5 - offset, 0), goal: Vector2(6 + offset, 1.5), radius: 0.3))
            robots.append(RobotConfig(id: "west-\(k)", start: Vector2(5 + offset, 0), goal: Vector2(-6 - offset, -1.5), radius: 0.3))
        }
        let obstacles: [Obstacle] = [
            .box(min: Vector2(-3, 0.5), max: Vector2(3, 4)),
            .box(min: Vector2(-3, -4), max: Vector2(3, -0.5)),
        ]
        let world = WorkspaceConfig(width: 18, height: 8, obstacles: obstacles, robots: robots)
        return config("corridor", world: world, seed: seed, duration: duration, dropRate: dropRate)
    }
}

/// A workspace run's records and summary, with checks made from the samples alone.
struct WorkspaceRun {
    var records: [StepRecord]
    var summary: RunSummary
    var world: WorkspaceConfig
    var goals: [String: Vector2]
    var radii: [String: Double]

    init(_ config: SimulationConfig, threads: Int = 1, tuning: RobotTuning = .standard) {
        let simulation = WorkspaceSimulation(config: config, threads: threads, tuning: tuning)
        var records = [simulation.initialRecord]
        while !simulation.isFinished { records.append(simulation.step()) }
        self.records = records
        summary = simulation.summary()
        guard case .workspace(let world) = config.world else { fatalError() }
        self.world = world
        let robots = FormationGenerator.allRobots(of: world, seed: config.seed)
        goals = Dictionary(uniqueKeysWithValues: robots.map { ($0.id, $0.goal) })
        radii = Dictionary(uniqueKeysWithValues: robots.map { ($0.id, $0.radius) })
    }

    /// Pairs of discs that overlap at some step (from the samples and the configured radii).
    func overlaps() -> [String] {
        var found: [String] = []
        for record in records {
            let samples = record.samples
            for i in samples.indices {
                for j in samples.indices where j > i {
                    let dx = samples[i].x - samples[j].x, dy = samples[i].y - samples[j].y
                    let sum = radii[samples[i].agent]! + radii[samples[j].agent]!
                    if dx * dx + dy * dy < sum * sum { found.append("t=\(record.time) \(samples[i].agent) \(samples[j].agent)") }
                }
            }
        }
        return found
    }

    /// Robots whose disc enters an obstacle or leaves the workspace at some step.
    func obstacleContacts() -> [String] {
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

    /// Robots not within `tolerance` of their goal at the end.
    func awayFromGoal(tolerance: Double = 0.1) -> [String] {
        records.last!.samples.filter { sample in
            let goal = goals[sample.agent]!
            return hypot(sample.x - goal.x, sample.y - goal.y) > tolerance
        }.map { "\($0.agent) at (\($0.x), \($0.y))" }
    }

    var events: [SimulationEvent] { records.flatMap(\.events) }

    func figure(_ key: String) -> Double? { summary.extra.first { $0.key == key }?.value }

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
