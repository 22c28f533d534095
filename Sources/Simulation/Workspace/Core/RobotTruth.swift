/// The world's ground truth about one robot (controllers never see it directly).
struct RobotTruth: Sendable {
    let id: AgentID
    let config: RobotConfig
    let radius: Double
    /// Limits [m/s], [m/s²] (the robot's own or the controller default).
    let maxSpeed: Double
    let maxAccel: Double
    let dynamics: RobotDynamics
    /// Centre [m] and velocity [m/s].
    var state: RobotState
    /// Acceleration held during the last step [m/s²].
    var acceleration = Vector2(0, 0)
    /// Heading [rad]: direction of the velocity; kept when at rest; initially towards the goal.
    var heading: Double
    /// Reached its goal (once; it stays in the world).
    var atGoal = false
    /// When it reached its goal [s].
    var arrivalTime: Double?
    /// Its latest decision (for the `decision` column).
    var decision: RobotDecisionKind = .none

    init(id: AgentID, config: RobotConfig, defaults: RobotControllerConfig, dt: Double) {
        self.id = id
        self.config = config
        radius = config.radius
        maxSpeed = config.maxSpeed ?? defaults.maxSpeed
        maxAccel = config.maxAccel ?? defaults.maxAccel
        dynamics = RobotDynamics(dt: dt, maxSpeed: maxSpeed, maxAccel: maxAccel)
        state = RobotState(position: config.start, velocity: Vector2(0, 0))
        let toGoal = config.goal - config.start
        heading = toGoal.length > 1e-12 ? Math.atan2(toGoal.y, toGoal.x) : 0
    }

    /// Below this speed [m/s] a robot counts as at rest for its heading.
    static let restSpeed = 1e-6

    /// Acceleration along the heading [m/s²].
    var alongHeading: Double { acceleration.x * Math.cos(heading) + acceleration.y * Math.sin(heading) }
}
