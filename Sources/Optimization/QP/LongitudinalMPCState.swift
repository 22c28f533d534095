/// What the longitudinal MPC knows at the start of a control step, all relative to the ego car:
/// positions are measured from the ego car's position at t = 0 along its lane.
public struct LongitudinalMPCState: Sendable, Hashable {
    /// Current ego speed v₀ [m/s], ≥ 0.
    public var speed: Double
    /// Acceleration applied during the previous step a₋₁ [m/s²]; the first step's jerk is
    /// measured from it. Pass the acceleration actually realised (0 when the car stood still),
    /// or the jerk bounds may make the program infeasible.
    public var acceleration: Double
    /// Speed to track v_des [m/s].
    public var desiredSpeed: Double
    /// Predicted leader positions at t = dt, 2dt, …, N·dt [m], measured so that
    /// `leaderPositions[k] − p_{k+1}` is the bumper-to-bumper gap (i.e. the leader's rear bumper
    /// relative to the ego's front bumper at t = 0). Exactly N entries, or nil without a leader.
    public var leaderPositions: [Double]?

    public init(speed: Double, acceleration: Double = 0, desiredSpeed: Double, leaderPositions: [Double]? = nil) {
        self.speed = speed
        self.acceleration = acceleration
        self.desiredSpeed = desiredSpeed
        self.leaderPositions = leaderPositions
    }
}
