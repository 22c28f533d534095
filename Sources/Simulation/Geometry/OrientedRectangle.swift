/// A car's footprint: a rectangle `length x width` centred on `center` and turned by `heading`
/// (counter-clockwise from +x; the length runs along the heading).
///
/// Used for the collision check (``overlaps(_:)``) and the minimum separation
/// (``distance(to:)``) of every step. Both are exact for rectangles (no bounding circles).
public struct OrientedRectangle: Sendable, Hashable {
    public var center: Vector2
    public var heading: Double
    public var length: Double
    public var width: Double

    public init(center: Vector2, heading: Double, length: Double, width: Double) {
        precondition(length >= 0 && width >= 0, "rectangle sides must be >= 0")
        self.center = center
        self.heading = heading
        self.length = length
        self.width = width
    }

    /// Unit vectors along the length and the width.
    @inline(__always) var axes: (Vector2, Vector2) {
        let c = Math.cos(heading), s = Math.sin(heading)
        return (Vector2(c, s), Vector2(-s, c))
    }

    /// Half the diagonal: no point of the rectangle is farther from the centre [m].
    public var circumradius: Double { 0.5 * (length * length + width * width).squareRoot() }

    /// The four corners, counter-clockwise: front-right, front-left, rear-left, rear-right.
    public var corners: [Vector2] {
        let (u, v) = axes
        let a = 0.5 * length, b = 0.5 * width
        return [center + a * u - b * v, center + a * u + b * v, center - a * u + b * v, center - a * u - b * v]
    }

    /// Whether the interiors intersect (touching edges do not count), by the separating axis
    /// theorem on the four edge normals.
    /// - Complexity: O(1).
    public func overlaps(_ other: OrientedRectangle) -> Bool {
        let d = other.center - center
        let (u1, v1) = axes, (u2, v2) = other.axes
        let a1 = 0.5 * length, b1 = 0.5 * width, a2 = 0.5 * other.length, b2 = 0.5 * other.width
        for axis in [u1, v1, u2, v2] {
            let r1 = a1 * abs(u1.dot(axis)) + b1 * abs(v1.dot(axis))
            let r2 = a2 * abs(u2.dot(axis)) + b2 * abs(v2.dot(axis))
            if abs(d.dot(axis)) >= r1 + r2 { return false }
        }
        return true
    }

    /// The Euclidean distance between the two rectangles [m]: 0 when they touch or overlap,
    /// otherwise the smallest distance from a corner of one to an edge of the other.
    /// - Complexity: O(1) (32 point–segment distances).
    public func distance(to other: OrientedRectangle) -> Double {
        if overlaps(other) { return 0 }
        let p = corners, q = other.corners
        var best = Double.infinity
        for i in 0..<4 {
            let a0 = p[i], a1 = p[(i + 1) & 3], b0 = q[i], b1 = q[(i + 1) & 3]
            for j in 0..<4 {
                best = Swift.min(best, Self.pointSegmentDistanceSquared(q[j], a0, a1))
                best = Swift.min(best, Self.pointSegmentDistanceSquared(p[j], b0, b1))
            }
        }
        return best.squareRoot()
    }

    @inline(__always)
    static func pointSegmentDistanceSquared(_ p: Vector2, _ a: Vector2, _ b: Vector2) -> Double {
        let ab = b - a, ap = p - a
        let denominator = ab.lengthSquared
        var t = denominator > 0 ? ap.dot(ab) / denominator : 0
        t = Swift.min(1, Swift.max(0, t))
        return (ap - t * ab).lengthSquared
    }
}
