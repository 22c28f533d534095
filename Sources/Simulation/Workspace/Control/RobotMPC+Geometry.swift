/// The geometry of the half-planes: directions, distances to obstacles, and the half-plane that
/// separates a disc from a circle or a box (see ``RobotMPC``).
extension RobotMPC {
    /// A reference point of an obstacle and the radius of a disc around it that contains it.
    static func centreAndExtent(of obstacle: Obstacle) -> (centre: Vector2, extent: Double) {
        switch obstacle {
        case let .circle(center, radius): return (center, radius)
        case let .box(lo, hi): return (0.5 * (lo + hi), 0.5 * (hi - lo).length)
        }
    }

    /// The unit vector from `a` to `b`; when they (nearly) coincide, from `c` to `d`; then +x.
    static func direction(from a: Vector2, to b: Vector2, orFrom c: Vector2, to d: Vector2) -> Vector2 {
        let primary = b - a, length = primary.length
        if length > 1e-9 { return (1 / length) * primary }
        let secondary = d - c, other = secondary.length
        if other > 1e-9 { return (1 / other) * secondary }
        return Vector2(1, 0)
    }

    /// Distance [m] from `point` to `obstacle` (0 inside).
    static func distance(from point: Vector2, to obstacle: Obstacle) -> Double {
        switch obstacle {
        case let .circle(center, radius):
            return Swift.max(0, (point - center).length - radius)
        case let .box(lo, hi):
            let nearest = Vector2(Swift.min(Swift.max(point.x, lo.x), hi.x), Swift.min(Swift.max(point.y, lo.y), hi.y))
            return (point - nearest).length
        }
    }

    /// The half-plane `normalᵀp ≥ offset` that keeps a disc of radius `clearance` centred at p
    /// clear of `obstacle`, linearised around `point` (see ``RobotMPC``); `current` breaks ties
    /// for a circle whose centre coincides with `point`.
    static func separatingHalfPlane(of obstacle: Obstacle, around point: Vector2, current: Vector2,
                                    clearance: Double) -> (normal: Vector2, offset: Double) {
        switch obstacle {
        case let .circle(center, radius):
            let normal = direction(from: center, to: point, orFrom: center, to: current)
            return (normal, normal.dot(center) + radius + clearance)
        case let .box(lo, hi):
            let nearest = Vector2(Swift.min(Swift.max(point.x, lo.x), hi.x), Swift.min(Swift.max(point.y, lo.y), hi.y))
            let outside = point - nearest
            let length = outside.length
            if length > 1e-9 {
                let normal = (1 / length) * outside
                return (normal, normal.dot(nearest) + clearance)
            }
            // Inside (or on the boundary): leave through the nearest face.
            let depths = [point.x - lo.x, hi.x - point.x, point.y - lo.y, hi.y - point.y]
            var face = 0
            for i in 1..<4 where depths[i] < depths[face] { face = i }
            switch face {
            case 0: return (Vector2(-1, 0), -lo.x + clearance)
            case 1: return (Vector2(1, 0), hi.x + clearance)
            case 2: return (Vector2(0, -1), -lo.y + clearance)
            default: return (Vector2(0, 1), hi.y + clearance)
            }
        }
    }
}
