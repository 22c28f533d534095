/// Follows a route (waypoints from ``GridRoutePlanner``, ending at the goal) by handing the MPC an
/// intermediate target: the furthest waypoint ahead in line of sight, so that the robot cuts
/// corners the free space allows; when the robot has strayed so far that no waypoint ahead is in
/// sight (after giving way, say), the route is planned again from where it is.
struct RouteFollower: Sendable {
    /// Waypoints still ahead (the last one is the destination).
    private(set) var waypoints: [Vector2]
    /// Index of the waypoint aimed at.
    private(set) var next = 0
    let destination: Vector2
    /// A waypoint closer than this counts as passed [m].
    let reachDistance: Double
    /// How many waypoints ahead are checked for line of sight.
    let lookAhead: Int

    init(route: [Vector2]?, destination: Vector2, reachDistance: Double, lookAhead: Int = 8) {
        waypoints = route.flatMap { $0.isEmpty ? nil : $0 } ?? [destination]
        self.destination = destination
        self.reachDistance = reachDistance
        self.lookAhead = lookAhead
    }

    /// Remaining length of the route from `position` [m] (straight to the aimed waypoint, then
    /// along the route).
    func remainingLength(from position: Vector2) -> Double {
        var length = (waypoints[next] - position).length
        if next + 1 < waypoints.count {
            for i in (next + 1)..<waypoints.count { length += (waypoints[i] - waypoints[i - 1]).length }
        }
        return length
    }

    /// The target for the MPC at `position`; advances along the route.
    /// - Parameter planner: the map (line-of-sight checks, re-planning).
    mutating func target(from position: Vector2, planner: GridRoutePlanner) -> Vector2 {
        while next < waypoints.count - 1 && (waypoints[next] - position).length < reachDistance { next += 1 }
        let end = Swift.min(waypoints.count - 1, next + lookAhead)
        var furthest: Int?
        for i in stride(from: end, through: next, by: -1) where planner.isSegmentClear(position, waypoints[i]) {
            furthest = i
            break
        }
        if let furthest {
            next = furthest
            return waypoints[next]
        }
        if let route = planner.route(from: position, to: destination), !route.isEmpty {
            waypoints = route
            next = 0
        }
        return waypoints[next]
    }

    /// Plans the route again from `position` (after a detour).
    mutating func replan(from position: Vector2, planner: GridRoutePlanner) {
        if let route = planner.route(from: position, to: destination), !route.isEmpty {
            waypoints = route
            next = 0
        }
    }
}
