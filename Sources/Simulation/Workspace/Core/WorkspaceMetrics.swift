/// Distances in the workspace: from a point to an obstacle, from a point to a segment.
enum WorkspaceMetrics {
    /// Distance from `point` to the obstacle's boundary [m]: positive outside, 0 on the boundary,
    /// negative inside (for a box: minus the distance to the nearest side).
    static func distance(from point: Vector2, to obstacle: Obstacle) -> Double {
        switch obstacle {
        case .circle(let center, let radius):
            return (point - center).length - radius
        case .box(let low, let high):
            let dx = Swift.max(low.x - point.x, 0, point.x - high.x)
            let dy = Swift.max(low.y - point.y, 0, point.y - high.y)
            if dx > 0 || dy > 0 { return (dx * dx + dy * dy).squareRoot() }
            return -Swift.min(point.x - low.x, high.x - point.x, point.y - low.y, high.y - point.y)
        }
    }

    /// Distance from `point` to the segment `a`–`b` [m].
    static func distance(from point: Vector2, toSegment a: Vector2, _ b: Vector2) -> Double {
        let ab = b - a
        let lengthSquared = ab.lengthSquared
        guard lengthSquared > 1e-18 else { return (point - a).length }
        let t = Swift.min(1, Swift.max(0, (point - a).dot(ab) / lengthSquared))
        return (point - (a + t * ab)).length
    }

    /// Distance from `point` to the polyline `start`, `points[0]`, `points[1]`, ... [m].
    static func distance(from point: Vector2, toPolyline points: [Vector2], start: Vector2) -> Double {
        var best = (point - start).length
        var previous = start
        for next in points {
            best = Swift.min(best, distance(from: point, toSegment: previous, next))
            previous = next
        }
        return best
    }

    /// Length of the polyline `start`, `points[0]`, ... [m].
    static func length(of points: [Vector2], from start: Vector2) -> Double {
        var total = 0.0, previous = start
        for next in points {
            total += (next - previous).length
            previous = next
        }
        return total
    }

    /// Whether `b` lies within `angle` of the direction from `a` to `target` (cosine form:
    /// `cosLimit` = cos of the half-angle); false when `target` is at `a`.
    static func isAhead(_ b: Vector2, of a: Vector2, towards target: Vector2, cosLimit: Double) -> Bool {
        let heading = target - a, offset = b - a
        let h = heading.length, d = offset.length
        guard h > 1e-6, d > 1e-9 else { return false }
        return heading.dot(offset) >= cosLimit * h * d
    }
}
