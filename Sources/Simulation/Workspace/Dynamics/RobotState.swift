/// The kinematic state of one robot of the workspace world: the centre of its disc and its
/// velocity, both in the workspace frame (x right, y up, origin at the centre of the workspace).
public struct RobotState: Sendable, Hashable {
    /// Centre of the robot's disc [m].
    public var position: Vector2
    /// Velocity of the centre [m/s].
    public var velocity: Vector2

    public init(position: Vector2, velocity: Vector2) {
        self.position = position
        self.velocity = velocity
    }

    /// True when every coordinate is finite.
    public var isFinite: Bool {
        position.x.isFinite && position.y.isFinite && velocity.x.isFinite && velocity.y.isFinite
    }
}
