/// Everything a controller is given at a decision: its own state, what its sensors report and the
/// intent messages delivered to it. Nothing else of the world is reachable from a controller.
public struct CarObservation: Sendable {
    /// Control step k of the decision (time k·dt).
    public var step: Int
    /// Simulated time of the decision [s].
    public var time: Double
    public var ego: EgoState
    /// Cars within sensor range, in increasing x.
    public var sensed: [SensedCar]
    /// Intent messages delivered since the last decision, in the order they were sent.
    public var inbox: [IntentMessage]

    public init(step: Int, time: Double, ego: EgoState, sensed: [SensedCar], inbox: [IntentMessage]) {
        self.step = step
        self.time = time
        self.ego = ego
        self.sensed = sensed
        self.inbox = inbox
    }
}

/// The controlled car's own state, as its odometry and route plan know it.
public struct EgoState: Sendable, Hashable {
    public var id: AgentID
    public var route: Route
    /// The lane the car is in (``LaneKind/changing`` during its lane change).
    public var lane: LaneKind
    /// Station, speed and the acceleration held during the last step.
    public var motion: LongitudinalState
    /// Body [m].
    public var length: Double
    public var width: Double
    /// Its lane change, while it lasts.
    public var laneChange: LaneChangePath?

    public init(id: AgentID, route: Route, lane: LaneKind, motion: LongitudinalState, length: Double,
                width: Double, laneChange: LaneChangePath? = nil) {
        self.id = id
        self.route = route
        self.lane = lane
        self.motion = motion
        self.length = length
        self.width = width
        self.laneChange = laneChange
    }

    /// A ramp car that has not begun its lane change.
    public var isUnmergedRampCar: Bool { lane == .ramp || lane == .accel }
}

/// One car as the sensors report it: exact pose and speed and the footprint, no acceleration.
public struct SensedCar: Sendable, Hashable {
    public var id: AgentID
    /// Centre [m].
    public var x: Double
    public var y: Double
    /// Heading [rad].
    public var heading: Double
    /// Speed along the heading [m/s].
    public var speed: Double
    public var length: Double
    public var width: Double

    public init(id: AgentID, x: Double, y: Double, heading: Double, speed: Double, length: Double, width: Double) {
        self.id = id
        self.x = x
        self.y = y
        self.heading = heading
        self.speed = speed
        self.length = length
        self.width = width
    }
}
