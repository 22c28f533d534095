import Foundation
import Testing
@testable import Simulation
import Optimization

/// Footprint overlap and distance, against brute force on seeded random rectangles.
@Suite("Oriented rectangles")
struct OrientedRectangleTests {
    @Test("aligned rectangles: overlap and gap are the interval arithmetic")
    func aligned() {
        let a = OrientedRectangle(center: Vector2(0, 0), heading: 0, length: 4, width: 2)
        let b = OrientedRectangle(center: Vector2(7, 0), heading: 0, length: 4, width: 2)
        #expect(!a.overlaps(b))
        #expect(abs(a.distance(to: b) - 3) <= 1e-12)
        let c = OrientedRectangle(center: Vector2(3.9, 1.9), heading: 0, length: 4, width: 2)
        #expect(a.overlaps(c) && a.distance(to: c) == 0)
        let touching = OrientedRectangle(center: Vector2(4, 0), heading: 0, length: 4, width: 2)
        #expect(!a.overlaps(touching) && a.distance(to: touching) == 0)
        let diagonal = OrientedRectangle(center: Vector2(7, 5), heading: 0, length: 4, width: 2)
        #expect(abs(a.distance(to: diagonal) - hypot(3, 3)) <= 1e-12)
    }

    @Test("overlap agrees with point sampling, distance is symmetric and never exceeds sampled distances",
          arguments: [UInt64(1), 2, 3])
    func randomPairs(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        func u(_ a: Double, _ b: Double) -> Double { a + (b - a) * SplitMix64.unit(rng.next()) }
        for trial in 0..<200 {
            let a = OrientedRectangle(center: Vector2(0, 0), heading: u(-3, 3), length: u(1, 6), width: u(0.5, 3))
            let b = OrientedRectangle(center: Vector2(u(-6, 6), u(-4, 4)), heading: u(-3, 3), length: u(1, 6), width: u(0.5, 3))
            let pa = samples(a), pb = samples(b)
            let sampledOverlap = pa.contains { inside($0, b, shrink: 1e-6) } || pb.contains { inside($0, a, shrink: 1e-6) }
            if sampledOverlap { #expect(a.overlaps(b), "seed \(seed) trial \(trial)") }
            let d = a.distance(to: b)
            #expect(abs(d - b.distance(to: a)) <= 1e-9, "seed \(seed) trial \(trial)")
            if !a.overlaps(b) {
                var sampled = Double.infinity
                for p in pa.prefix(64) { for q in pb.prefix(64) { sampled = min(sampled, (p - q).length) } }
                #expect(d <= sampled + 1e-9, "seed \(seed) trial \(trial)")
                #expect(d >= 0)
            }
        }
    }

    /// Points on a grid over the rectangle (including its boundary).
    func samples(_ r: OrientedRectangle) -> [Vector2] {
        let c = cos(r.heading), s = sin(r.heading)
        var points: [Vector2] = []
        for i in 0...8 {
            for j in 0...8 {
                let u = (Double(i) / 8 - 0.5) * r.length, v = (Double(j) / 8 - 0.5) * r.width
                points.append(Vector2(r.center.x + u * c - v * s, r.center.y + u * s + v * c))
            }
        }
        return points
    }

    func inside(_ p: Vector2, _ r: OrientedRectangle, shrink: Double) -> Bool {
        let d = p - r.center, c = cos(r.heading), s = sin(r.heading)
        let u = d.x * c + d.y * s, v = -d.x * s + d.y * c
        return abs(u) < r.length / 2 - shrink && abs(v) < r.width / 2 - shrink
    }
}
