/// Finds a place for a robot that gives way to back off to: free of obstacles and of the robots
/// it senses, off the path of the robot it lets pass, and reachable along a route that keeps clear
/// of that robot — in a corridor one robot wide, a free pocket beyond the corridor's end.
///
/// Candidates lie on rings around the robot (spacing ``ringStep``, ``angles`` per ring, out to
/// ``RobotTuning/pocketSearchRadius``). A candidate qualifies when its disc (radius + safety
/// margin) is clear of the workspace edges, the obstacles and the sensed robots, and it keeps
/// ``RobotTuning/pocketClearance`` beyond both radii from the keep-out path: the segment from
/// the counterpart through the robot and on for ``keepOutExtension``, and the counterpart's way to
/// its own target and on for ``keepOutExtension``. The nearest qualifying candidates (by straight distance) are routed with the
/// planner; routes passing the counterpart closer than both radii are rejected; the shortest
/// route wins.
struct PocketFinder: Sendable {
    let planner: GridRoutePlanner
    let obstacles: [Obstacle]
    let halfWidth: Double
    let halfHeight: Double
    let tuning: RobotTuning
    /// Distance between rings [m].
    var ringStep = 0.5
    /// Candidates per ring.
    var angles = 24
    /// How far the keep-out path continues beyond the robot [m].
    var keepOutExtension = 6.0
    /// Candidates routed at most.
    var routedCandidates = 40

    /// A place to back off to and the route there (waypoints, excluding `position`), or nil.
    /// - Parameters:
    ///   - others: robots sensed now (the counterpart included).
    ///   - counterpart: where the robot to let pass is, its radius and its target.
    func find(from position: Vector2, radius: Double, margin: Double, counterpart: Vector2, counterpartRadius: Double,
              counterpartTarget: Vector2?, others: [SensedRobot]) -> (place: Vector2, route: [Vector2], length: Double)? {
        let keep = radius + counterpartRadius + tuning.pocketClearance
        var away = position - counterpart
        if away.length < 1e-9 { away = Vector2(1, 0) }
        let beyond = position + (keepOutExtension / away.length) * away
        // The counterpart's way on past its target, in the same direction.
        var targetEnd = counterpartTarget
        if let target = counterpartTarget {
            let onward = target - counterpart
            if onward.length > 1e-9 { targetEnd = target + (keepOutExtension / onward.length) * onward }
        }
        var candidates: [(distance: Double, point: Vector2)] = []
        var ring = ringStep
        while ring <= tuning.pocketSearchRadius + 1e-9 {
            for k in 0..<angles {
                let angle = 2 * Double.pi * Double(k) / Double(angles)
                let point = position + Vector2(ring * Math.cos(angle), ring * Math.sin(angle))
                guard isFree(point, radius: radius + margin, others: others) else { continue }
                if WorkspaceMetrics.distance(from: point, toSegment: counterpart, beyond) < keep { continue }
                if let targetEnd, WorkspaceMetrics.distance(from: point, toSegment: counterpart, targetEnd) < keep { continue }
                candidates.append((ring, point))
            }
            ring += ringStep
        }
        var best: (place: Vector2, route: [Vector2], length: Double)?
        var routed = 0
        let passing = radius + counterpartRadius
        for candidate in candidates {
            if routed >= routedCandidates { break }
            if let best, candidate.distance >= best.length { break }
            let route: [Vector2]
            if planner.isSegmentClear(position, candidate.point) {
                route = [candidate.point]
            } else {
                routed += 1
                guard let planned = planner.route(from: position, to: candidate.point), !planned.isEmpty else { continue }
                route = planned
            }
            // The way out must not pass the counterpart (its first stretch may start next to it).
            let start = (counterpart - position).length
            if WorkspaceMetrics.distance(from: counterpart, toPolyline: route, start: position) < Swift.min(passing, start) - 1e-6 {
                continue
            }
            if let first = route.first, (first - position).dot(counterpart - position) > 0.2 * (first - position).length * start {
                continue
            }
            let length = WorkspaceMetrics.length(of: route, from: position)
            if best == nil || length < best!.length { best = (candidate.point, route, length) }
        }
        return best
    }

    /// Whether a disc of `radius` at `point` is inside the workspace, clear of the obstacles and of
    /// the sensed robots (with their radius and ``RobotTuning/pocketClearance``).
    /// ``find(from:radius:margin:counterpart:counterpartRadius:counterpartTarget:others:)`` with the
    /// sensed robots; failing that, without them (robots in the way out make room in turn: they
    /// see this robot back off towards them); failing that, the farthest point up to
    /// ``keepOutExtension`` straight away from the counterpart that the map leaves clear.
    func retreat(from position: Vector2, radius: Double, margin: Double, counterpart: SensedRobot,
                 counterpartTarget: Vector2?, others: [SensedRobot]) -> (place: Vector2, route: [Vector2], length: Double)? {
        if let found = find(from: position, radius: radius, margin: margin, counterpart: counterpart.position,
                            counterpartRadius: counterpart.radius, counterpartTarget: counterpartTarget, others: others) {
            return found
        }
        if let found = find(from: position, radius: radius, margin: margin, counterpart: counterpart.position,
                            counterpartRadius: counterpart.radius, counterpartTarget: counterpartTarget,
                            others: [counterpart]) {
            return found
        }
        var away = position - counterpart.position
        guard away.length > 1e-9 else { return nil }
        away = (1 / away.length) * away
        var distance = keepOutExtension
        while distance >= ringStep {
            let point = position + distance * away
            if isFree(point, radius: radius, others: []) && planner.isSegmentClear(position, point) {
                return (point, [point], distance)
            }
            distance -= ringStep
        }
        return nil
    }

    func isFree(_ point: Vector2, radius: Double, others: [SensedRobot]) -> Bool {
        guard abs(point.x) <= halfWidth - radius, abs(point.y) <= halfHeight - radius else { return false }
        for obstacle in obstacles where WorkspaceMetrics.distance(from: point, to: obstacle) < radius { return false }
        for other in others where (other.position - point).length < radius + other.radius + tuning.pocketClearance {
            return false
        }
        return true
    }
}
