/// Distances between discs, segments and the static parts of a workspace (its boundary and its
/// obstacles): the geometry the scenario checks, the formation generator and the route planner
/// share.
///
/// Conventions: a distance is 0 when the shapes touch or overlap; a disc of radius r centred on p is
/// *clear* of an obstacle when the obstacle's distance to p is >= r (touching counts as clear).
extension Obstacle {
    /// Distance [m] from `point` to the obstacle (0 on or inside it).
    /// - Complexity: O(1).
    public func distance(to point: Vector2) -> Double {
        switch self {
        case .circle(let center, let radius):
            return Swift.max(0, (point - center).length - radius)
        case .box(let min, let max):
            let dx = Swift.max(min.x - point.x, 0, point.x - max.x)
            let dy = Swift.max(min.y - point.y, 0, point.y - max.y)
            return (dx * dx + dy * dy).squareRoot()
        }
    }

    /// Smallest distance [m] from the segment `a`–`b` to the obstacle (0 when they touch or cross).
    /// - Complexity: O(1).
    public func distance(toSegment a: Vector2, _ b: Vector2) -> Double {
        switch self {
        case .circle(let center, let radius):
            return Swift.max(0, Self.pointSegmentDistance(center, a, b) - radius)
        case .box(let min, let max):
            if Self.segmentIntersectsBox(a, b, min: min, max: max) { return 0 }
            // Two disjoint convex shapes in the plane are closest at a vertex of one of them.
            var best = Swift.min(distance(to: a), distance(to: b))
            for corner in [min, Vector2(max.x, min.y), max, Vector2(min.x, max.y)] {
                best = Swift.min(best, Self.pointSegmentDistance(corner, a, b))
            }
            return best
        }
    }

    /// The obstacle's axis-aligned bounding box.
    public var bounds: (min: Vector2, max: Vector2) {
        switch self {
        case .circle(let center, let radius):
            return (Vector2(center.x - radius, center.y - radius), Vector2(center.x + radius, center.y + radius))
        case .box(let min, let max):
            return (min, max)
        }
    }

    /// Distance from `p` to the segment `a`–`b`.
    @inline(__always)
    static func pointSegmentDistance(_ p: Vector2, _ a: Vector2, _ b: Vector2) -> Double {
        let ab = b - a
        let lengthSquared = ab.lengthSquared
        guard lengthSquared > 0 else { return (p - a).length }
        let t = Swift.min(1, Swift.max(0, (p - a).dot(ab) / lengthSquared))
        return (p - (a + t * ab)).length
    }

    /// Whether the segment `a`–`b` meets the closed box (Liang–Barsky clipping).
    static func segmentIntersectsBox(_ a: Vector2, _ b: Vector2, min: Vector2, max: Vector2) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let d = b - a
        for (p, q) in [(-d.x, a.x - min.x), (d.x, max.x - a.x), (-d.y, a.y - min.y), (d.y, max.y - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { t0 = Swift.max(t0, r) } else { t1 = Swift.min(t1, r) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

extension WorkspaceConfig {
    /// Whether a disc of `radius` centred on `center` lies inside the workspace rectangle
    /// (touching the boundary counts as inside).
    public func containsDisc(center: Vector2, radius: Double) -> Bool {
        abs(center.x) + radius <= width / 2 && abs(center.y) + radius <= height / 2
    }

    /// Distance [m] from `point` to the nearest obstacle (`.infinity` without obstacles).
    /// - Complexity: O(obstacles).
    public func obstacleDistance(to point: Vector2) -> Double {
        var best = Double.infinity
        for obstacle in obstacles { best = Swift.min(best, obstacle.distance(to: point)) }
        return best
    }

    /// Whether a disc of `radius` centred on `center` is inside the workspace and clear of every
    /// obstacle (touching counts as clear).
    /// - Complexity: O(obstacles).
    public func isDiscFree(center: Vector2, radius: Double) -> Bool {
        containsDisc(center: center, radius: radius) && obstacleDistance(to: center) >= radius
    }
}
