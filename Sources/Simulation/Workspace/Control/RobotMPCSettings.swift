/// Settings of one robot's MPC (``RobotMPC``): the model, the limits, the cost weights and a few
/// numerical choices, all with units. Validated by ``RobotMPC/init(settings:)`` (preconditions:
/// settings come from a validated scenario or from code).
///
/// The cost of a plan (positions `p_k`, velocities `v_k`, accelerations `a_k`, target `t`) is
///
///     Σ_{k=1…N} w_p ‖p_k − t‖²  +  w_T ‖p_N − t‖²  +  w_v ‖v_N‖²  +  Σ_{k=0…N−1} w_a ‖a_k‖²
///
/// (the current position `p_0` is not a decision and is left out).
public struct RobotMPCSettings: Sendable, Hashable {
    /// Control period [s] (> 0): the acceleration is held constant over each step.
    public var dt: Double
    /// Horizon N [steps] (>= 1): the plan has N accelerations and N + 1 positions.
    public var horizon: Int
    /// Radius of the robot's disc [m] (> 0).
    public var radius: Double
    /// Speed limit [m/s] (> 0) on the Euclidean norm, enforced through an inscribed polygon.
    public var maxSpeed: Double
    /// Acceleration limit [m/s²] (> 0) on the Euclidean norm, enforced through an inscribed polygon.
    public var maxAccel: Double
    /// Clearance [m] (>= 0) kept beyond contact from other robots, obstacles and the walls.
    public var safetyMargin: Double
    /// w_p [1/m²] (>= 0): weight of the distance to the target at every step.
    public var positionWeight: Double
    /// w_T [1/m²] (>= 0): extra weight of the distance to the target at the last step.
    public var terminalWeight: Double
    /// w_a [1/(m/s²)²] (> 0 unless w_p > 0): weight of the accelerations.
    public var accelWeight: Double
    /// w_v [1/(m/s)²] (>= 0): weight of the speed at the last step, so that a plan that ends at
    /// the target also ends at rest there instead of passing through it. Default 1.
    public var terminalVelocityWeight: Double
    /// Sides S of the regular polygons inscribed in the speed and acceleration discs (a multiple
    /// of 4, >= 4). Default 8: the octagon keeps `cos(π/8) ≈ 92.4 %` of the limit in the worst
    /// direction and 100 % towards its vertices; every point of the polygon lies in the disc,
    /// so the Euclidean limits hold exactly. Each polygon costs S/2 two-sided rows per step
    /// (two of them are plain variable bounds for the acceleration).
    public var polygonSides: Int
    /// Amount [m, m/s or m/s², the unit of the row] by which every constraint is tightened
    /// beyond the true limit (>= 0). Default 1e-7: physically negligible, yet 10⁴–10⁵ times the
    /// violation the QP solver's relative tolerance (1e-12) can leave on data of order 1–100,
    /// so the returned plan satisfies the untightened constraints exactly.
    public var constraintTightening: Double
    /// Recover from a neighbour that is already closer than the required distance: its
    /// half-planes ask "no worse than braking, never into contact" instead of the full distance
    /// (see ``RobotMPC``). Default false, the contract: the full distance is hard, and such a
    /// robot gets the braking fallback (a caller may then retry with smaller margins, as the
    /// workspace's robot controller does).
    public var separationRecovery: Bool
    /// Warm-start each solve from the previous active set shifted one step (default true).
    /// False makes every solve start from the unconstrained minimiser (for benchmarks).
    public var warmStart: Bool
    /// Every solved plan ends at rest: `v_N = 0` (default true). A plan that ends at rest is a
    /// *stopping plan*: followed to its end, the robot stays where the plan says, so the plan a
    /// robot broadcast stays a valid promise for as long as it follows it — which is what its
    /// fallback does (see ``RobotMPC``). The constraint is written only when the current speed
    /// can be cancelled within the horizon at the acceleration polygon's apothem,
    /// `‖v_0‖ ≤ N·dt·c_a` (always, when `N·dt·c_a ≥ maxSpeed`); otherwise that call's plan need
    /// not end at rest. False: the plan is free at its end (only `w_v` pulls its speed down).
    public var terminalAtRest: Bool

    /// The contract initialiser plus the extra settings, which default to the documented values.
    public init(dt: Double, horizon: Int, radius: Double, maxSpeed: Double, maxAccel: Double, safetyMargin: Double,
                positionWeight: Double, terminalWeight: Double, accelWeight: Double,
                terminalVelocityWeight: Double = 1, polygonSides: Int = 8, constraintTightening: Double = 1e-7,
                warmStart: Bool = true, separationRecovery: Bool = false, terminalAtRest: Bool = true) {
        self.dt = dt
        self.horizon = horizon
        self.radius = radius
        self.maxSpeed = maxSpeed
        self.maxAccel = maxAccel
        self.safetyMargin = safetyMargin
        self.positionWeight = positionWeight
        self.terminalWeight = terminalWeight
        self.accelWeight = accelWeight
        self.terminalVelocityWeight = terminalVelocityWeight
        self.polygonSides = polygonSides
        self.constraintTightening = constraintTightening
        self.warmStart = warmStart
        self.separationRecovery = separationRecovery
        self.terminalAtRest = terminalAtRest
    }

    /// Settings from a scenario's `controller:` block for one robot: its radius and (possibly
    /// overridden) limits; horizon, margin and weights from `controller`.
    public init(dt: Double, radius: Double, maxSpeed: Double, maxAccel: Double, controller: RobotControllerConfig) {
        self.init(dt: dt, horizon: controller.horizon, radius: radius, maxSpeed: maxSpeed, maxAccel: maxAccel,
                  safetyMargin: controller.safetyMargin, positionWeight: controller.positionWeight,
                  terminalWeight: controller.terminalWeight, accelWeight: controller.accelWeight)
    }

    /// The first setting out of its documented range, or nil when all are valid.
    public var invalidSetting: String? {
        func bad(_ value: Double) -> Bool { !(value.isFinite) }
        if !(dt > 0) || bad(dt) { return "dt must be finite and > 0 (got \(dt))" }
        if horizon < 1 { return "horizon must be >= 1 (got \(horizon))" }
        if !(radius > 0) || bad(radius) { return "radius must be finite and > 0 (got \(radius))" }
        if !(maxSpeed > 0) || bad(maxSpeed) { return "maxSpeed must be finite and > 0 (got \(maxSpeed))" }
        if !(maxAccel > 0) || bad(maxAccel) { return "maxAccel must be finite and > 0 (got \(maxAccel))" }
        for (name, value) in [("safetyMargin", safetyMargin), ("positionWeight", positionWeight),
                              ("terminalWeight", terminalWeight), ("accelWeight", accelWeight),
                              ("terminalVelocityWeight", terminalVelocityWeight),
                              ("constraintTightening", constraintTightening)]
        where !(value >= 0) || bad(value) {
            return "\(name) must be finite and >= 0 (got \(value))"
        }
        if !(accelWeight > 0 || positionWeight > 0) {
            return "accelWeight or positionWeight must be > 0 (strict convexity)"
        }
        if polygonSides < 4 || polygonSides % 4 != 0 {
            return "polygonSides must be a multiple of 4, >= 4 (got \(polygonSides))"
        }
        return nil
    }
}
