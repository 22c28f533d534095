/// The first stretch of a robot's route ahead that is too narrow for two robots to pass each
/// other (a corridor one robot wide, a gap between obstacles), and whether another robot, heading
/// the other way, would meet the robot inside it. Used to settle who goes first at the passage's
/// mouth instead of face to face inside it (``RobotController/oncomingInPassage(_:routeTarget:)``).
///
/// **Narrow**: at a point of the route, the free width across the route — the distance between the
/// obstacles or workspace edges met going left and going right, perpendicular to the route's
/// direction there — is below the passing width (two discs side by side with their margins, see
/// ``PassageFinder/find(from:along:lookahead:passingWidth:)``). The route is sampled every
/// ``PassageFinder/sampleStep`` from the robot on; the stretch is the first run of narrow samples.
///
/// Units: metres, seconds. Invariants: `samples` is not empty, its arc lengths increase from
/// `start` to `end`, `0 ≤ start ≤ end`.
struct NarrowPassage: Sendable {
    /// Route points inside the stretch [m], in the robot's direction of travel, with their
    /// distance along the route from the robot [m].
    var samples: [(point: Vector2, arc: Double)]
    /// Distance along the route from the robot to the stretch's near end [m] (0 when the robot is
    /// in it).
    var start: Double { samples[0].arc }
    /// Distance along the route from the robot to the stretch's far end [m] (or to the end of the
    /// look-ahead, when the stretch goes on beyond it).
    var end: Double { samples[samples.count - 1].arc }

    /// Whether a robot at `position`, heading straight for `target` at up to `speed` [m/s], would
    /// be inside this stretch, going the other way, while the robot whose route it is goes through
    /// it at up to `ownSpeed` [m/s] — within `slack` [s] either way.
    ///
    /// The other robot's way (the segment `position`–`target`, sampled every `step`) is *in* the
    /// stretch where it comes within `tolerance` of a sample (there two discs cannot pass each
    /// other); it goes *the other way* when its direction makes a cosine below `oncomingCos` with
    /// the route's there. It is in the stretch from `ℓ/speed` (ℓ: its distance to the first point
    /// in) until it has come back to the stretch's near end; the robot, from `start/ownSpeed` to
    /// `end/ownSpeed`. They meet when these intervals overlap, widened by `slack`.
    func meets(position: Vector2, target: Vector2, speed: Double, ownSpeed: Double, tolerance: Double,
               oncomingCos: Double, slack: Double, step: Double) -> Bool {
        let way = target - position
        let length = way.length
        guard length > 1e-9, speed > 0, ownSpeed > 0 else { return false }
        let direction = (1 / length) * way
        var travelled = 0.0
        while travelled <= length + 1e-9 {
            let point = position + travelled * direction
            if let index = nearestSample(to: point, within: tolerance) {
                guard routeDirection(at: index).dot(direction) < oncomingCos else { return false }
                let enters = travelled / speed
                let leaves = (travelled + Swift.max(0, samples[index].arc - start)) / speed
                return enters < end / ownSpeed + slack && start / ownSpeed < leaves + slack
            }
            travelled += step
        }
        return false
    }

    /// The sample nearest to `point`, if closer than `tolerance`.
    private func nearestSample(to point: Vector2, within tolerance: Double) -> Int? {
        var best: (index: Int, distance: Double)?
        for (index, sample) in samples.enumerated() {
            let distance = (sample.point - point).length
            if distance < tolerance, best == nil || distance < best!.distance { best = (index, distance) }
        }
        return best?.index
    }

    /// The route's direction (unit) at sample `index`.
    private func routeDirection(at index: Int) -> Vector2 {
        let a = samples[Swift.max(0, index - 1)].point, b = samples[Swift.min(samples.count - 1, index + 1)].point
        let d = b - a
        let length = d.length
        return length > 1e-9 ? (1 / length) * d : Vector2(0, 0)
    }
}

/// Finds a route's first ``NarrowPassage`` against the static geometry of a workspace (its
/// obstacles and edges; robots do not count). Value semantics, safe from several threads.
struct PassageFinder: Sendable {
    let workspace: WorkspaceConfig
    /// Spacing of the route samples [m] (> 0).
    var sampleStep = 0.25

    /// The first narrow stretch of the route from `position` through `waypoints`, within
    /// `lookahead` [m] along it; nil when there is none. `passingWidth` [m]: the free width across
    /// the route two robots need to pass each other.
    func find(from position: Vector2, along waypoints: [Vector2], lookahead: Double,
              passingWidth: Double) -> NarrowPassage? {
        var samples: [(point: Vector2, arc: Double)] = []
        var from = position, arc = 0.0, offset = 0.0
        for to in waypoints {
            let segment = to - from
            let length = segment.length
            guard length > 1e-9 else { continue }
            let direction = (1 / length) * segment
            var along = offset
            while along <= length, arc + along <= lookahead {
                let point = from + along * direction
                if isNarrow(point, direction: direction, width: passingWidth) {
                    samples.append((point, arc + along))
                } else if !samples.isEmpty {
                    return NarrowPassage(samples: samples)
                }
                along += sampleStep
            }
            if arc + along > lookahead { break }
            offset = along - length
            arc += length
            from = to
        }
        return samples.isEmpty ? nil : NarrowPassage(samples: samples)
    }

    /// Whether the free width across `direction` (unit) at `point` is below `width` [m].
    func isNarrow(_ point: Vector2, direction: Vector2, width: Double) -> Bool {
        let normal = Vector2(-direction.y, direction.x)
        let left = freeDistance(from: point, along: normal, upTo: width)
        guard left < width else { return false }
        return left + freeDistance(from: point, along: -1 * normal, upTo: width - left) < width
    }

    /// How far [m] one can go from `point` along `direction` (unit) before meeting an obstacle or
    /// the workspace edge, up to `limit` (sphere tracing on the distance to the static geometry).
    func freeDistance(from point: Vector2, along direction: Vector2, upTo limit: Double) -> Double {
        let halfWidth = 0.5 * workspace.width, halfHeight = 0.5 * workspace.height
        var travelled = 0.0
        while travelled < limit {
            let p = point + travelled * direction
            let edge = Swift.min(halfWidth - abs(p.x), halfHeight - abs(p.y))
            let clearance = Swift.min(edge, workspace.obstacleDistance(to: p))
            if clearance <= 1e-3 { return travelled }
            travelled += Swift.max(clearance, 0.02)
        }
        return limit
    }
}
