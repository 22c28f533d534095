/// The road of the highway-merge world, as a map every controller may consult, and the mapping
/// between a car's longitudinal *station* and its pose in the plane.
///
/// Layout (see ``HighwayMergeConfig``): the main lane's centre line is y = 0 from x = 0 to
/// `mainLength`, traffic towards +x. The acceleration lane's centre line is y = −`laneWidth`
/// from `mergeStart` to `mergeEnd`. The ramp is a straight segment of length `rampLength` at the
/// fixed angle ``rampAngle`` below the acceleration lane that joins it at (mergeStart, −laneWidth):
/// on the ramp, heading = ``rampAngle`` and the car moves along the segment. At the junction the
/// heading turns from ``rampAngle`` to 0 (a polyline road; positions are continuous).
///
/// **Station ξ** [m]: one longitudinal coordinate for both routes, so that cars on different
/// routes can be compared. On the main route ξ = x = s. On the ramp route
/// ξ = mergeStart + (s − rampLength): in the acceleration lane (and during and after the lane
/// change) ξ = x; on the ramp ξ = mergeStart − (distance still to go along the ramp to the
/// junction), so ξ < mergeStart there and dξ/dt is the speed along the ramp.
public struct HighwayGeometry: Sendable, Hashable {
    /// Angle of the ramp to the x axis [rad]: the ramp climbs towards the acceleration lane with
    /// heading +0.1 rad (about 5.7°), starting `rampLength · sin(0.1)` below it.
    public static let rampAngle = 0.1

    public let laneWidth: Double
    public let mainLength: Double
    public let rampLength: Double
    public let mergeStart: Double
    public let mergeEnd: Double
    public let speedLimit: Double

    /// - Precondition: `laneWidth > 0`, `rampLength > 0`, `0 < mergeStart < mergeEnd < mainLength`,
    ///   `speedLimit > 0`.
    public init(_ config: HighwayMergeConfig) {
        precondition(config.laneWidth > 0 && config.laneWidth.isFinite, "laneWidth must be > 0")
        precondition(config.rampLength > 0 && config.rampLength.isFinite, "rampLength must be > 0")
        precondition(config.mergeStart > 0 && config.mergeStart < config.mergeEnd
                     && config.mergeEnd < config.mainLength && config.mainLength.isFinite,
                     "need 0 < mergeStart < mergeEnd < mainLength")
        precondition(config.speedLimit > 0 && config.speedLimit.isFinite, "speedLimit must be > 0")
        laneWidth = config.laneWidth
        mainLength = config.mainLength
        rampLength = config.rampLength
        mergeStart = config.mergeStart
        mergeEnd = config.mergeEnd
        speedLimit = config.speedLimit
    }

    /// The station of route coordinate `s` on `route`.
    @inline(__always) public func station(route: Route, s: Double) -> Double {
        route == .main ? s : mergeStart + (s - rampLength)
    }

    /// The route coordinate of `station` on `route` (inverse of ``station(route:s:)``).
    @inline(__always) public func routeCoordinate(route: Route, station: Double) -> Double {
        route == .main ? station : station - mergeStart + rampLength
    }

    /// Station at which a ramp car's route begins.
    public var rampStartStation: Double { mergeStart - rampLength }

    /// Pose of a car at `station` that is on the ramp route and has not begun its lane change
    /// (on the ramp before `mergeStart`, in the acceleration lane after it).
    public func rampRoutePose(station: Double) -> (x: Double, y: Double, heading: Double) {
        if station >= mergeStart { return (station, -laneWidth, 0) }
        let toGo = mergeStart - station
        let angle = Self.rampAngle
        return (mergeStart - toGo * Math.cos(angle), -laneWidth - toGo * Math.sin(angle), angle)
    }

    /// Which lane a point (x, y) is in and its station: the inverse of the poses the world
    /// produces. `y == 0` is the main lane, `y == -laneWidth` with `x >= mergeStart` the
    /// acceleration lane, `-laneWidth < y < 0` a car changing lanes (its station is x), anything
    /// else the ramp (station from the distance to the junction).
    public func locate(x: Double, y: Double) -> (lane: LaneKind, station: Double) {
        if y >= 0 { return (.main, x) }
        if y > -laneWidth { return (.changing, x) }
        if y == -laneWidth && x >= mergeStart { return (.accel, x) }
        let toGo = Math.hypot(mergeStart - x, -laneWidth - y)
        return (.ramp, mergeStart - toGo)
    }

    /// Lane of a ramp-route car at `station` that has not begun its lane change.
    @inline(__always) public func rampRouteLane(station: Double) -> LaneKind {
        station >= mergeStart ? .accel : .ramp
    }
}

/// The lane a car is in, as written in the `lane` column of trajectories.csv.
public enum LaneKind: String, Sendable, Hashable, CaseIterable {
    /// The main lane (y = 0).
    case main
    /// The acceleration lane (y = −laneWidth, mergeStart ≤ x ≤ mergeEnd).
    case accel
    /// The on-ramp before the acceleration lane.
    case ramp
    /// Between the acceleration lane and the main lane, during a lane change.
    case changing
}
