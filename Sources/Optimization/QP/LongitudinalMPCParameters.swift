/// Settings of the longitudinal (car-following) MPC built by ``LongitudinalMPCProblem``: the
/// horizon, the cost weights and the hard limits. SI units throughout; defaults suit a passenger
/// car on a highway.
///
/// The cost over the horizon `k = 0 … N−1` (with `v_{k+1}` the predicted speed after step k,
/// `a_k` the acceleration held during step k and `a_{−1}` the acceleration applied last) is
///
///     Σ_k  w_v (v_{k+1} − v_des)²  +  w_a a_k²  +  w_j ((a_k − a_{k−1}) / dt)².
///
/// Strict convexity needs `w_a > 0` or `w_j > 0`; ``LongitudinalMPCProblem/init(parameters:)``
/// checks every field.
public struct LongitudinalMPCParameters: Sendable, Hashable {
    /// Control period dt [s]: the acceleration is held constant over each step. Default 0.1.
    public var timeStep: Double
    /// Horizon N [steps]; also the number of decision variables. Default 20 (2 s at 0.1 s).
    public var horizon: Int
    /// Speed-tracking weight w_v [1/(m/s)²]. Default 1.
    public var speedWeight: Double
    /// Acceleration comfort weight w_a [1/(m/s²)²]. Default 0.5.
    public var accelerationWeight: Double
    /// Jerk comfort weight w_j [1/(m/s³)²]. Default 0.1.
    public var jerkWeight: Double
    /// Hard acceleration bounds [m/s²]. Defaults −6 (firm braking) and 2.
    public var minAcceleration: Double
    public var maxAcceleration: Double
    /// Hard jerk bounds [m/s³] on `(a_k − a_{k−1}) / dt`, including the first step from the last
    /// applied acceleration. Defaults −10 and 10.
    public var minJerk: Double
    public var maxJerk: Double
    /// Hard upper speed bound [m/s] (the lower bound is always 0: no reversing). Default +∞.
    public var maxSpeed: Double
    /// Standstill gap s₀ [m] kept to the leader. Default 2.
    public var minimumGap: Double
    /// Time headway T [s]: the required gap grows by `T · v`. Default 1.
    public var timeHeadway: Double
    /// Extra distance [m] by which the headway constraint is tightened, against prediction errors
    /// of the leader. Default 0.5.
    public var safetyMargin: Double

    public init(
        timeStep: Double = 0.1,
        horizon: Int = 20,
        speedWeight: Double = 1,
        accelerationWeight: Double = 0.5,
        jerkWeight: Double = 0.1,
        minAcceleration: Double = -6,
        maxAcceleration: Double = 2,
        minJerk: Double = -10,
        maxJerk: Double = 10,
        maxSpeed: Double = .infinity,
        minimumGap: Double = 2,
        timeHeadway: Double = 1,
        safetyMargin: Double = 0.5
    ) {
        self.timeStep = timeStep
        self.horizon = horizon
        self.speedWeight = speedWeight
        self.accelerationWeight = accelerationWeight
        self.jerkWeight = jerkWeight
        self.minAcceleration = minAcceleration
        self.maxAcceleration = maxAcceleration
        self.minJerk = minJerk
        self.maxJerk = maxJerk
        self.maxSpeed = maxSpeed
        self.minimumGap = minimumGap
        self.timeHeadway = timeHeadway
        self.safetyMargin = safetyMargin
    }
}
