/// What a robot knows of another robot for its MPC: that robot's predicted centre at
/// `t + k·dt`, k = 0…N, its radius, and an extra clearance for the uncertainty of the prediction.
///
/// `positions` should hold N + 1 points; a shorter array is extended by holding its last point
/// (a robot whose broadcast plan ends at rest stays there), a longer one is cut at N + 1. An empty
/// array carries no prediction and makes ``RobotMPC`` fall back to braking.
public struct NeighbourPrediction: Sendable, Hashable {
    /// Predicted centres [m], index k at time t + k·dt.
    public var positions: [Vector2]
    /// Radius of the other robot's disc [m] (>= 0).
    public var radius: Double
    /// Extra clearance [m] (>= 0) for the uncertainty of the prediction, e.g. how far the other
    /// robot can move during the age of the message it comes from.
    public var margin: Double
    /// A hold (default false): one half-plane, at step 1 only, linearised at the robot's
    /// *current* position instead of along its predicted trajectory (the normal is the fixed
    /// direction from the neighbour's point to the robot now). With a prediction standing at the
    /// neighbour's sensed centre and the present distance as the clearance, the robot's next
    /// step does not move it towards that centre along the line between them; see
    /// ``RobotController/relaxedForCrowding(_:position:)``.
    public var holdsNormal: Bool

    public init(positions: [Vector2], radius: Double, margin: Double, holdsNormal: Bool = false) {
        self.positions = positions
        self.radius = radius
        self.margin = margin
        self.holdsNormal = holdsNormal
    }

    /// The predicted centre at step k (held at the last point beyond the array's end).
    /// - Precondition: `positions` is not empty.
    @inline(__always)
    public func position(at k: Int) -> Vector2 {
        positions[Swift.min(k, positions.count - 1)]
    }
}
