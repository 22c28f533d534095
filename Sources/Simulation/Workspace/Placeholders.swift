// TEMPORARY stand-ins for the parts built in parallel (robot-mpc, workspace-io), with the
// contract's exact names. Deleted when those branches are merged.

public struct RobotMPCSettings: Sendable {
    public var dt: Double, horizon: Int, radius: Double, maxSpeed: Double, maxAccel: Double, safetyMargin: Double
    public init(dt: Double, radius: Double, maxSpeed: Double, maxAccel: Double, controller: RobotControllerConfig) {
        self.dt = dt; horizon = controller.horizon; self.radius = radius; self.maxSpeed = maxSpeed
        self.maxAccel = maxAccel; safetyMargin = controller.safetyMargin
    }
}

public struct RobotState: Sendable, Hashable {
    public var position: Vector2
    public var velocity: Vector2
    public init(position: Vector2, velocity: Vector2) { self.position = position; self.velocity = velocity }
}

public struct NeighbourPrediction: Sendable {
    public var positions: [Vector2]
    public var radius: Double
    public var margin: Double
    public init(positions: [Vector2], radius: Double, margin: Double) {
        self.positions = positions; self.radius = radius; self.margin = margin
    }
}

public struct RobotMPCInput: Sendable {
    public var state: RobotState, target: Vector2, neighbours: [NeighbourPrediction], obstacles: [Obstacle]
    public var halfWidth: Double, halfHeight: Double
    public init(state: RobotState, target: Vector2, neighbours: [NeighbourPrediction], obstacles: [Obstacle],
                halfWidth: Double, halfHeight: Double) {
        self.state = state; self.target = target; self.neighbours = neighbours; self.obstacles = obstacles
        self.halfWidth = halfWidth; self.halfHeight = halfHeight
    }
}

public enum RobotPlanStatus: Sendable, Hashable { case solved; case fallback(reason: String) }

public struct RobotPlan: Sendable {
    public var positions: [Vector2], velocities: [Vector2], accelerations: [Vector2]
    public var status: RobotPlanStatus, cost: Double, iterations: Int, solveTime: Double
}

public struct RobotMPC: Sendable {
    let settings: RobotMPCSettings
    public init(settings: RobotMPCSettings) { self.settings = settings }
    public mutating func plan(_ input: RobotMPCInput) -> RobotPlan { evaluate(input) }
    public func evaluate(_ input: RobotMPCInput) -> RobotPlan {
        let s = settings, n = s.horizon
        var p = input.state.position, v = input.state.velocity
        var ps = [p], vs = [v], acc: [Vector2] = []
        for _ in 0..<n {
            let d = input.target - p
            let dist = d.length
            let speed = min(s.maxSpeed, (2 * s.maxAccel * dist).squareRoot())
            var desired = dist > 1e-9 ? (speed / dist) * d : Vector2(0, 0)
            for nb in input.neighbours {
                let q = nb.positions[min(ps.count - 1, nb.positions.count - 1)]
                let away = p - q
                let gap = away.length - s.radius - nb.radius - nb.margin - s.safetyMargin
                if gap < 1.0, away.length > 1e-9 { desired = desired + (s.maxSpeed * (1 - max(0, gap))) * ((1 / away.length) * away) }
            }
            var a = (1 / s.dt) * (desired - v)
            if a.length > s.maxAccel { a = (s.maxAccel / a.length) * a }
            p = p + s.dt * v + (0.5 * s.dt * s.dt) * a
            v = v + s.dt * a
            ps.append(p); vs.append(v); acc.append(a)
        }
        return RobotPlan(positions: ps, velocities: vs, accelerations: acc, status: .solved, cost: 0, iterations: 0,
                         solveTime: 0)
    }
}

public enum FormationGenerator {
    public static func allRobots(of world: WorkspaceConfig, seed: UInt64) -> [RobotConfig] {
        var robots = world.robots
        if case .circleSwap(let count, let circleRadius, let robotRadius) = world.formation {
            for k in 0..<count {
                let angle = 2 * Double.pi * Double(k) / Double(count)
                let start = Vector2(circleRadius * Math.cos(angle), circleRadius * Math.sin(angle))
                robots.append(RobotConfig(id: "r\(k)", start: start, goal: -1 * start, radius: robotRadius))
            }
        }
        return robots
    }
}

public struct GridRoutePlanner: Sendable {
    public init(workspace: WorkspaceConfig, clearance: Double, cellSize: Double) {}
    public func route(from: Vector2, to: Vector2) -> [Vector2]? { [to] }
    public func isSegmentClear(_ a: Vector2, _ b: Vector2) -> Bool { true }
}
