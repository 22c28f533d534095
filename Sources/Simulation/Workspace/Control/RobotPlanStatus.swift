/// How a ``RobotPlan`` was made.
public enum RobotPlanStatus: Sendable, Hashable {
    /// The MPC's quadratic program was solved: the plan satisfies every constraint of the
    /// formulation (see ``RobotMPC``).
    case solved
    /// The QP was infeasible, failed, or the input was unusable; the plan is the fallback (the
    /// rest of the committed plan, or braking; see ``RobotMPC``), and `reason` says why and which
    /// in one line.
    case fallback(reason: String)

    /// True for ``solved``.
    public var isSolved: Bool {
        if case .solved = self { return true }
        return false
    }
}
