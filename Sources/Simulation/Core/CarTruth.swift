/// The world's ground truth about one car (never handed to a controller).
struct CarTruth: Sendable {
    enum Status: Sendable, Equatable {
        /// Not yet entered (entry time not reached, or the entrance not free).
        case waiting
        /// In the world.
        case active
        /// Left past the end of the main road.
        case left
    }

    let id: AgentID
    let config: CarConfig
    let settings: CarControllerConfig
    let limits: VehicleLimits
    let desiredSpeed: Double
    var status: Status = .waiting
    var motion: LongitudinalState
    var laneChange: LaneChangePath?
    /// A ramp car whose lane change is complete.
    var merged = false
    var decision: DecisionKind = .none
    /// The decision with its counterpart, as broadcast.
    var decisionDetail: IntentDecision = .none
    /// This car's Nash-gap term at its last decision [cost units] (nil before the first, or when
    /// its best response could not be solved).
    var nashGap: Double?
    /// The largest violation by its plan of the constraints the others' final plans impose [m or
    /// m/s] (see `CarController.bestResponseGap`).
    var planConflict: Double?
    var entryDelayLogged = false
    var overrunLogged = false

    init(id: AgentID, config: CarConfig, defaults: CarControllerConfig, speedLimit: Double, geometry: HighwayGeometry) {
        self.id = id
        self.config = config
        settings = config.controller ?? defaults
        limits = VehicleLimits(settings)
        desiredSpeed = config.desiredSpeed ?? speedLimit
        motion = LongitudinalState(station: geometry.station(route: config.route, s: config.s), speed: config.speed)
    }

    var route: Route { config.route }
    var length: Double { config.length }
    var width: Double { config.width }

    /// The lane the car is in.
    func lane(_ geometry: HighwayGeometry) -> LaneKind {
        if route == .main || merged { return .main }
        if laneChange != nil { return .changing }
        return geometry.rampRouteLane(station: motion.station)
    }

    /// Centre and heading in the plane.
    func pose(_ geometry: HighwayGeometry) -> (x: Double, y: Double, heading: Double) {
        let station = motion.station
        if route == .main || merged { return (station, 0, 0) }
        if let path = laneChange { return (station, path.lateralPosition(at: station), path.heading(at: station)) }
        return geometry.rampRoutePose(station: station)
    }

    /// Speed along the heading and its rate (differ from the station's during a lane change).
    var pathMotion: (speed: Double, acceleration: Double) {
        if let path = laneChange {
            return path.pathMotion(at: motion.station, speed: motion.speed, acceleration: motion.acceleration)
        }
        return (motion.speed, motion.acceleration)
    }

    /// The footprint at the current pose.
    func footprint(_ geometry: HighwayGeometry) -> OrientedRectangle {
        let pose = pose(geometry)
        return OrientedRectangle(center: Vector2(pose.x, pose.y), heading: pose.heading, length: length, width: width)
    }
}
