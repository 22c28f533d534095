import Optimization
@testable import Simulation

/// Settings, situations and reference computations shared by the robot MPC tests.
enum RobotMPCTestSupport {
    /// The scenario defaults: dt 0.1 s, N = 20, radius 0.2 m, 1 m/s, 1 m/s², margin 0.05 m.
    static let standard = RobotMPCSettings(dt: 0.1, radius: 0.2, maxSpeed: 1, maxAccel: 1,
                                           controller: RobotControllerConfig())

    static func input(at position: Vector2, velocity: Vector2 = Vector2(0, 0), target: Vector2,
                      neighbours: [NeighbourPrediction] = [], obstacles: [Obstacle] = [],
                      half: Double = 10) -> RobotMPCInput {
        RobotMPCInput(state: RobotState(position: position, velocity: velocity), target: target,
                      neighbours: neighbours, obstacles: obstacles, halfWidth: half, halfHeight: half)
    }

    /// A neighbour moving on a straight line at constant velocity (N + 1 points).
    static func straightNeighbour(from start: Vector2, velocity: Vector2, horizon: Int, dt: Double,
                                  radius: Double = 0.2, margin: Double = 0) -> NeighbourPrediction {
        NeighbourPrediction(positions: (0...horizon).map { start + (Double($0) * dt) * velocity },
                            radius: radius, margin: margin)
    }

    /// A seeded random situation in a 10 m × 10 m workspace: the robot somewhere free, moving
    /// within its polygon, a target, 0–`maxNeighbours` straight-moving neighbours and 0–3
    /// obstacles, all starting clear of the robot (so most, not all, situations are feasible).
    static func randomSituation(seed: UInt64, settings: RobotMPCSettings = standard,
                                maxNeighbours: Int = 5) -> RobotMPCInput {
        var random = SplitMix64(seed: seed)
        func point(_ extent: Double) -> Vector2 {
            Vector2(Double.random(in: -extent...extent, using: &random), Double.random(in: -extent...extent, using: &random))
        }
        func velocity(_ limit: Double) -> Vector2 {
            let speed = Double.random(in: 0...limit, using: &random), angle = Double.random(in: 0..<(2 * Double.pi), using: &random)
            return Vector2(speed * Math.cos(angle), speed * Math.sin(angle))
        }
        let half = 5.0
        let position = point(half - 0.5)
        let state = RobotState(position: position, velocity: velocity(0.9 * settings.maxSpeed))
        var obstacles: [Obstacle] = []
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let centre = point(half)
            if Bool.random(using: &random) {
                let radius = Double.random(in: 0.2...0.8, using: &random)
                if (centre - position).length > radius + settings.radius + settings.safetyMargin + 0.1 {
                    obstacles.append(.circle(center: centre, radius: radius))
                }
            } else {
                let size = Vector2(Double.random(in: 0.2...1.5, using: &random), Double.random(in: 0.2...1.5, using: &random))
                let box = Obstacle.box(min: centre, max: centre + size)
                if RobotMPC.distance(from: position, to: box) > settings.radius + settings.safetyMargin + 0.1 {
                    obstacles.append(box)
                }
            }
        }
        var neighbours: [NeighbourPrediction] = []
        for _ in 0..<Int.random(in: 0...maxNeighbours, using: &random) {
            let start = position + point(1.5)
            let radius = Double.random(in: 0.1...0.3, using: &random), margin = Double.random(in: 0...0.05, using: &random)
            if (start - position).length < settings.radius + radius + settings.safetyMargin + margin + 0.1 { continue }
            neighbours.append(straightNeighbour(from: start, velocity: velocity(0.8), horizon: settings.horizon,
                                                dt: settings.dt, radius: radius, margin: margin))
        }
        return RobotMPCInput(state: state, target: point(half), neighbours: neighbours, obstacles: obstacles,
                             halfWidth: half, halfHeight: half)
    }

    /// Finite-horizon LQR for one axis by the backward Riccati recursion, for the MPC's cost:
    /// state (e = p − t, v), input a, A = [1 dt; 0 1], B = [dt²/2; dt]; stage cost w_p e_k² for
    /// k = 1…N−1 plus w_a a_k², terminal (w_p + w_T) e_N² + w_v v_N².
    static func lqrAccelerations(error e0: Double, velocity v0: Double, settings: RobotMPCSettings) -> [Double] {
        let dt = settings.dt, big = settings.horizon
        let a = [[1.0, dt], [0.0, 1.0]], b = [0.5 * dt * dt, dt]
        var p = [[settings.positionWeight + settings.terminalWeight, 0.0], [0.0, settings.terminalVelocityWeight]]
        var gains = [[Double]](repeating: [0, 0], count: big)
        for k in stride(from: big - 1, through: 0, by: -1) {
            let pb = [p[0][0] * b[0] + p[0][1] * b[1], p[1][0] * b[0] + p[1][1] * b[1]]
            let bpb = b[0] * pb[0] + b[1] * pb[1]
            // BᵀPA (1×2)
            let bpa = [pb[0] * a[0][0] + pb[1] * a[1][0], pb[0] * a[0][1] + pb[1] * a[1][1]]
            let denominator = settings.accelWeight + bpb
            let gain = [bpa[0] / denominator, bpa[1] / denominator]
            gains[k] = gain
            // P ← Q + AᵀPA − (AᵀPB) K, with Q = diag(w_p, 0) for the stage k ≥ 1.
            var apa = [[0.0, 0.0], [0.0, 0.0]]
            for i in 0..<2 { for j in 0..<2 { for r in 0..<2 { for c in 0..<2 { apa[i][j] += a[r][i] * p[r][c] * a[c][j] } } } }
            var next = apa
            for i in 0..<2 { for j in 0..<2 { next[i][j] -= bpa[i] * gain[j] } }
            next[0][0] += settings.positionWeight
            p = next
        }
        var x = [e0, v0], u: [Double] = []
        for gain in gains {
            let input = -(gain[0] * x[0] + gain[1] * x[1])
            u.append(input)
            x = [x[0] + dt * x[1] + 0.5 * dt * dt * input, x[1] + dt * input]
        }
        return u
    }
}
