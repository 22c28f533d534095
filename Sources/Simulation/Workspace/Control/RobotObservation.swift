/// Everything a robot controller is given at a decision: its own state and goal, what its sensors
/// report about the robots around it, and the intent messages delivered to it. Nothing else of
/// the world is reachable from a controller.
public struct RobotObservation: Sendable {
    /// Control step k of the decision (time k·dt).
    public var step: Int
    /// Simulated time of the decision [s].
    public var time: Double
    public var ego: RobotEgo
    /// Robots within sensor range (centre to centre), in increasing id.
    public var sensed: [SensedRobot]
    /// Intent messages delivered since the last decision, in the order they were sent.
    public var inbox: [RobotIntent]

    public init(step: Int, time: Double, ego: RobotEgo, sensed: [SensedRobot], inbox: [RobotIntent]) {
        self.step = step
        self.time = time
        self.ego = ego
        self.sensed = sensed
        self.inbox = inbox
    }
}

/// The controlled robot's own state, as its odometry knows it.
public struct RobotEgo: Sendable, Hashable {
    public var id: AgentID
    /// Centre [m] and velocity [m/s].
    public var state: RobotState
    /// Goal centre [m].
    public var goal: Vector2
    /// The world counts it as arrived (within the goal tolerance, nearly at rest, once).
    public var atGoal: Bool

    public init(id: AgentID, state: RobotState, goal: Vector2, atGoal: Bool) {
        self.id = id
        self.state = state
        self.goal = goal
        self.atGoal = atGoal
    }
}

/// One robot as the sensors report it: exact centre, velocity and radius.
public struct SensedRobot: Sendable, Hashable {
    public var id: AgentID
    /// Centre [m].
    public var position: Vector2
    /// Velocity [m/s].
    public var velocity: Vector2
    /// Disc radius [m].
    public var radius: Double

    public init(id: AgentID, position: Vector2, velocity: Vector2, radius: Double) {
        self.id = id
        self.position = position
        self.velocity = velocity
        self.radius = radius
    }
}
