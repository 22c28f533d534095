/// Everything one call of ``RobotMPC/plan(_:)`` needs: the robot's own state, the point to
/// track, the predictions of the other robots, the static obstacles and the workspace's extent.
/// Nothing else of the world reaches the controller.
public struct RobotMPCInput: Sendable {
    /// The robot's current state.
    public var state: RobotState
    /// The point to track over the horizon [m]: an intermediate waypoint or the goal.
    public var target: Vector2
    /// Other robots that may come close (the controller decides which constrain the plan).
    public var neighbours: [NeighbourPrediction]
    /// Static obstacles (the controller decides which constrain the plan).
    public var obstacles: [Obstacle]
    /// Half the workspace's width [m]: x ∈ [−halfWidth, halfWidth] (+∞: no walls along x).
    public var halfWidth: Double
    /// Half the workspace's height [m]: y ∈ [−halfHeight, halfHeight].
    public var halfHeight: Double

    public init(state: RobotState, target: Vector2, neighbours: [NeighbourPrediction], obstacles: [Obstacle],
                halfWidth: Double, halfHeight: Double) {
        self.state = state
        self.target = target
        self.neighbours = neighbours
        self.obstacles = obstacles
        self.halfWidth = halfWidth
        self.halfHeight = halfHeight
    }

    /// Why the input cannot be planned for (a non-finite number, an empty prediction, a negative
    /// radius, an empty workspace), or nil when it is usable.
    public var invalidReason: String? {
        if !state.isFinite { return "non-finite state" }
        if !(target.x.isFinite && target.y.isFinite) { return "non-finite target" }
        if !(halfWidth > 0 && halfHeight > 0) { return "workspace half-extents must be > 0 (got \(halfWidth), \(halfHeight))" }
        for (index, neighbour) in neighbours.enumerated() {
            if neighbour.positions.isEmpty { return "neighbour \(index) has no predicted positions" }
            if !(neighbour.radius >= 0 && neighbour.radius.isFinite && neighbour.margin >= 0 && neighbour.margin.isFinite) {
                return "neighbour \(index) has an invalid radius or margin"
            }
            for point in neighbour.positions where !(point.x.isFinite && point.y.isFinite) {
                return "neighbour \(index) has a non-finite predicted position"
            }
        }
        for (index, obstacle) in obstacles.enumerated() {
            switch obstacle {
            case let .circle(center, radius):
                if !(center.x.isFinite && center.y.isFinite && radius.isFinite && radius >= 0) {
                    return "obstacle \(index) is not a finite circle"
                }
            case let .box(lo, hi):
                if !(lo.x.isFinite && lo.y.isFinite && hi.x.isFinite && hi.y.isFinite && lo.x <= hi.x && lo.y <= hi.y) {
                    return "obstacle \(index) is not a finite box with min <= max"
                }
            }
        }
        return nil
    }
}
