/// What a robot controller decided at one step, handed back to the world.
public struct RobotCommand: Sendable {
    /// Acceleration to hold over the next step [m/s²] (norm within the robot's limit).
    public var acceleration: Vector2
    /// The message to broadcast.
    public var intent: RobotIntent
    /// Events of this decision (deadlock games, yields, fallbacks), at the decision time.
    public var events: [SimulationEvent]
    /// Wall time of the MPC solve [s] (not part of any record: it varies from run to run).
    public var solveTime: Double
    /// Iterations of the MPC solve.
    public var iterations: Int
    /// The MPC found no plan and fell back (to the rest of its committed plan, or braking).
    public var usedFallback: Bool
    /// Deadlock games solved at this decision (0 or 1).
    public var gamesSolved: Int

    /// The other player of the deadlock game solved at this decision (nil when none was): after a
    /// game the robot broadcasts its choice, `proceed` or `yield`, about that robot.
    public var gameCounterpart: AgentID? { gamesSolved > 0 ? intent.decision.counterpart : nil }
}
