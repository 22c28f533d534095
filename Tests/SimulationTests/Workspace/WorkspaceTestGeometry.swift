@testable import Simulation

/// Geometry written independently of the library's, for checking the planner and the formations:
/// distances from points to obstacles by clamping, and segments checked by dense sampling.
enum IndependentGeometry {
    /// Distance from `p` to the obstacle (0 inside), by clamping to the shape.
    static func distance(_ p: Vector2, _ obstacle: Obstacle) -> Double {
        switch obstacle {
        case .circle(let c, let r):
            let d = ((p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y)).squareRoot()
            return max(0, d - r)
        case .box(let lo, let hi):
            let qx = min(max(p.x, lo.x), hi.x), qy = min(max(p.y, lo.y), hi.y)
            return ((p.x - qx) * (p.x - qx) + (p.y - qy) * (p.y - qy)).squareRoot()
        }
    }

    /// The smallest clearance (distance to the nearest obstacle or wall) over points sampled every
    /// `step` metres along `a`–`b`, ends included.
    static func sampledClearance(_ a: Vector2, _ b: Vector2, in workspace: WorkspaceConfig, step: Double = 0.005) -> Double {
        let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        let samples = max(1, Int((length / step).rounded(.up)))
        var smallest = Double.infinity
        for k in 0...samples {
            let t = Double(k) / Double(samples)
            let p = Vector2(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
            smallest = min(smallest, workspace.width / 2 - abs(p.x), workspace.height / 2 - abs(p.y))
            for obstacle in workspace.obstacles { smallest = min(smallest, distance(p, obstacle)) }
        }
        return smallest
    }
}
