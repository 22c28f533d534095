/// Tolerances and limits of ``QPSolver``. Every tolerance is relative, so the defaults suit data
/// in any units.
public struct QPSettings: Sendable, Hashable {
    /// Most active-set changes (a constraint added or dropped) in one solve before giving up with
    /// ``QPStatus/maxIterations``. Default 1000; a small MPC QP needs a few dozen at most. Work done
    /// to install a warm-start active set is not counted.
    public var maxIterations: Int

    /// Relative primal feasibility tolerance ε_p. A side `aᵀx ≥ b` of a row (or bound) counts as
    /// violated when `aᵀx − b < −ε_p · (|b| + ‖a‖₂ · ‖x‖₂)`, i.e. relative to the size of the
    /// terms being compared. Default 1e-12 (a few thousand ulps), which leaves the returned point
    /// feasible to close to machine precision.
    public var primalTolerance: Double

    /// Relative linear-dependence tolerance. A constraint is treated as a linear combination of
    /// the active ones when the part of its normal outside their span, measured in the metric of
    /// `H⁻¹`, is below this fraction of the whole normal. Default 1e-12.
    public var dependenceTolerance: Double

    /// When true (default), once no constraint is violated the point and multipliers are
    /// recomputed in one pass from the final active set (`x = x₀ + J₁ R⁻ᵀ(b − Nᵀx₀)`), which
    /// removes the rounding accumulated along the iterations. The check for violated constraints
    /// then runs again on the refined point.
    public var polish: Bool

    /// Creates settings; every argument defaults to the documented default.
    public init(
        maxIterations: Int = 1000,
        primalTolerance: Double = 1e-12,
        dependenceTolerance: Double = 1e-12,
        polish: Bool = true
    ) {
        precondition(maxIterations >= 0, "maxIterations must be >= 0")
        precondition(primalTolerance >= 0 && primalTolerance.isFinite, "primalTolerance must be finite and >= 0")
        precondition(dependenceTolerance >= 0 && dependenceTolerance < 1, "dependenceTolerance must be in [0, 1)")
        self.maxIterations = maxIterations
        self.primalTolerance = primalTolerance
        self.dependenceTolerance = dependenceTolerance
        self.polish = polish
    }
}
