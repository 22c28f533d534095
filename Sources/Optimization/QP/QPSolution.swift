/// The outcome of one solve: status, point, multipliers, active set and their measured accuracy.
///
/// Multipliers follow OSQP's convention (see ``QPResiduals``): `Hx + g + Cᵀy + z = 0`, with
/// `y_i ≥ 0` when row i is at its upper bound, `y_i ≤ 0` at its lower bound and `0` when inactive.
/// For statuses other than ``QPStatus/solved`` the fields describe the last iterate.
public struct QPSolution: Sendable, Hashable {
    public var status: QPStatus
    /// Active-set changes (constraints added or dropped) made by the dual active-set iterations;
    /// installing a warm-start guess is not counted, so a correct guess solves in 0 iterations.
    public var iterations: Int
    /// `½ xᵀHx + gᵀx` at ``x``.
    public var objective: Double
    /// The primal point, length n.
    public var x: [Double]
    /// `y`, one multiplier per constraint row, length m.
    public var constraintMultipliers: [Double]
    /// `z`, one multiplier per variable bound, length n.
    public var boundMultipliers: [Double]
    /// The active set at ``x``: feed it (possibly shifted) to the next solve as a warm start.
    public var activeSet: QPActiveSet
    /// KKT residuals of `(x, y, z)`, computed from the data at the end of the solve.
    public var residuals: QPResiduals

    public init(
        status: QPStatus, iterations: Int, objective: Double, x: [Double],
        constraintMultipliers: [Double], boundMultipliers: [Double],
        activeSet: QPActiveSet, residuals: QPResiduals
    ) {
        self.status = status
        self.iterations = iterations
        self.objective = objective
        self.x = x
        self.constraintMultipliers = constraintMultipliers
        self.boundMultipliers = boundMultipliers
        self.activeSet = activeSet
        self.residuals = residuals
    }
}
