/// The KKT residuals of a candidate solution `(x, y, z)` of a ``QuadraticProgram``, in the
/// program's own units (absolute ∞-norms, not scaled), so a caller can judge the accuracy.
///
/// With the Lagrangian `½xᵀHx + gᵀx + yᵀCx + zᵀx` (OSQP's sign convention: `y_i > 0` pushes
/// against the upper bound `u_i`, `y_i < 0` against the lower bound `l_i`; the same for `z`):
/// - primal infeasibility: `max(‖(l − Cx)₊‖∞, ‖(Cx − u)₊‖∞, ‖(lb − x)₊‖∞, ‖(x − ub)₊‖∞)`;
/// - dual residual (stationarity): `‖Hx + g + Cᵀy + z‖∞`;
/// - complementarity: the largest `|y_i| · |slack_i|`, where the slack is `u_i − (Cx)_i` when
///   `y_i > 0` and `(Cx)_i − l_i` when `y_i < 0` (likewise for `z`). A multiplier pushing against
///   an infinite bound gives an infinite complementarity, so sign errors are caught here too.
public struct QPResiduals: Sendable, Hashable {
    /// Largest violation of a constraint or bound [units of the row].
    public var primalInfeasibility: Double
    /// Largest entry of the gradient of the Lagrangian [units of the objective per unit of x].
    public var dualResidual: Double
    /// Largest product of a multiplier and the slack of the bound it pushes against.
    public var complementarity: Double

    public init(primalInfeasibility: Double, dualResidual: Double, complementarity: Double) {
        self.primalInfeasibility = primalInfeasibility
        self.dualResidual = dualResidual
        self.complementarity = complementarity
    }

    /// The largest of the three residuals (NaN if any is NaN).
    public var maximum: Double {
        if primalInfeasibility.isNaN || dualResidual.isNaN || complementarity.isNaN { return .nan }
        return Swift.max(primalInfeasibility, dualResidual, complementarity)
    }
}
