/// One robot's plan over the MPC horizon, from its current state.
///
/// Invariants: `positions.count == velocities.count == N + 1`, `accelerations.count == N`;
/// `positions[0]`, `velocities[0]` are the current state; consecutive entries follow
/// ``RobotDynamics/propagate(_:acceleration:dt:)`` exactly (no limits applied: a solved plan
/// satisfies them by construction).
public struct RobotPlan: Sendable {
    /// Predicted centres [m] at t + k·dt, k = 0…N.
    public var positions: [Vector2]
    /// Predicted velocities [m/s] at t + k·dt, k = 0…N.
    public var velocities: [Vector2]
    /// Accelerations [m/s²] held over step k, k = 0…N−1; `accelerations[0]` is the command now.
    public var accelerations: [Vector2]
    /// Solved, or the fallback with its reason.
    public var status: RobotPlanStatus
    /// The MPC objective of this plan (see ``RobotMPCSettings``), including the constant terms, so
    /// it is comparable across calls with the same target and between solved and fallback plans.
    public var cost: Double
    /// Active-set changes made by the QP solver (0 for a fallback without a solve).
    public var iterations: Int
    /// Wall time of the QP solve [s], including a cold retry after a failed warm start (0 when
    /// no QP was solved).
    public var solveTime: Double
    /// Largest KKT residual of the QP solution (see `QPResiduals`), in the QP's own units; NaN
    /// when no QP was solved.
    public var kktResidual: Double

    /// Walls, obstacles and neighbours whose clearance the current state already violated, so
    /// that their half-planes only asked "no worse than braking" (never contact with a
    /// neighbour's predicted point); 0 in normal operation. See ``RobotMPC``.
    public var recoveringObjects: Int

    public init(positions: [Vector2], velocities: [Vector2], accelerations: [Vector2], status: RobotPlanStatus,
                cost: Double, iterations: Int, solveTime: Double, kktResidual: Double = .nan,
                recoveringObjects: Int = 0) {
        self.positions = positions
        self.velocities = velocities
        self.accelerations = accelerations
        self.status = status
        self.cost = cost
        self.iterations = iterations
        self.solveTime = solveTime
        self.kktResidual = kktResidual
        self.recoveringObjects = recoveringObjects
    }

    /// The command to apply now (`accelerations[0]`).
    public var command: Vector2 { accelerations[0] }
}
