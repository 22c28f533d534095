/// An optimality certificate of an `LPSolution`, computed from the program and the solution's
/// primal values and row duals alone (independently of the solver's own claims).
///
/// Reduced costs are recomputed as dⱼ = cⱼ − Σᵢ aᵢⱼ yᵢ. The dual objective is the Lagrangian
/// bound built from those duals: for a minimization,
///
///     D = c₀ + Σᵢ (yᵢ⁺ lᵢ − yᵢ⁻ uᵢ) + Σⱼ (dⱼ⁺ lⱼ − dⱼ⁻ uⱼ)
///
/// where a part that would multiply an infinite bound counts as dual infeasibility instead
/// (maximization: the same with the signs of c, y and d flipped). By weak duality, a primal-feasible
/// x and dual-feasible y satisfy P ≥ D (minimization) — so primal feasibility, dual feasibility
/// and a zero gap together prove optimality. All quantities are absolute, in the objective's units.
public struct LPCertificate: Sendable, Equatable {
    /// Largest amount by which a variable or a row activity lies outside its bounds (≥ 0).
    public var primalInfeasibility: Double
    /// Largest dual (row dual or recomputed reduced cost) with the sign that would pair with an
    /// infinite bound (≥ 0).
    public var dualInfeasibility: Double
    /// Objective at the primal values, Σⱼ cⱼ xⱼ + c₀.
    public var primalObjective: Double
    /// The Lagrangian dual bound D from the row duals (see the type's description).
    public var dualObjective: Double
    /// The objective's excess over the bound: P − D for a minimization, D − P for a
    /// maximization; ≥ 0 (up to rounding) when both sides are feasible, 0 at an optimum.
    public var dualityGap: Double
    /// Largest |solver's reduced cost − recomputed reduced cost| (a consistency check of the
    /// solver's reporting).
    public var reducedCostMismatch: Double

    /// Whether this certifies optimality: infeasibilities ≤ `tolerance` and
    /// |gap| ≤ `tolerance` · (1 + |primalObjective|).
    public func certifiesOptimality(tolerance: Double) -> Bool {
        primalInfeasibility <= tolerance && dualInfeasibility <= tolerance
            && abs(dualityGap) <= tolerance * (1 + abs(primalObjective))
    }
}

extension LinearProgram {
    /// The optimality certificate of `solution` for this program, or nil when the solution does
    /// not carry one value per column and per row (e.g. a failure before any iterate).
    ///
    /// - Precondition: the program is valid (`validate()` does not throw).
    /// - Complexity: O(columns + rows + entries).
    public func certificate(for solution: LPSolution) -> LPCertificate? {
        guard solution.primalValues.count == columnCount, solution.rowDuals.count == rowCount,
            solution.reducedCosts.count == columnCount
        else { return nil }
        let sign: Double = sense == .minimize ? 1 : -1
        let x = solution.primalValues

        var primalInfeasibility = 0.0
        for (variable, value) in zip(variables, x) {
            primalInfeasibility = max(primalInfeasibility, variable.bounds.violation(of: value))
        }
        for (constraint, activity) in zip(constraints, rowActivities(at: x)) {
            primalInfeasibility = max(primalInfeasibility, constraint.bounds.violation(of: activity))
        }

        // Work in the minimization form: c̃ = sign·c, ỹ = sign·y, d̃ = c̃ − Aᵀỹ.
        var reduced = variables.map { sign * $0.objective }
        for (row, constraint) in constraints.enumerated() {
            let dual = sign * solution.rowDuals[row]
            for entry in constraint.entries { reduced[entry.column] -= entry.coefficient * dual }
        }
        var dualInfeasibility = 0.0
        var bound = sign * objectiveConstant
        func account(_ dual: Double, _ bounds: Bounds) {
            if dual > 0 {
                if bounds.lowerBound.isFinite { bound += dual * bounds.lowerBound }
                else { dualInfeasibility = max(dualInfeasibility, dual) }
            } else if dual < 0 {
                if bounds.upperBound.isFinite { bound += dual * bounds.upperBound }
                else { dualInfeasibility = max(dualInfeasibility, -dual) }
            }
        }
        for (row, constraint) in constraints.enumerated() {
            account(sign * solution.rowDuals[row], constraint.bounds)
        }
        var mismatch = 0.0
        for (column, variable) in variables.enumerated() {
            account(reduced[column], variable.bounds)
            mismatch = max(mismatch, abs(sign * reduced[column] - solution.reducedCosts[column]))
        }
        let primalObjective = objectiveValue(at: x)
        let dualObjective = sign * bound
        return LPCertificate(
            primalInfeasibility: primalInfeasibility,
            dualInfeasibility: dualInfeasibility,
            primalObjective: primalObjective,
            dualObjective: dualObjective,
            dualityGap: sign * (primalObjective - dualObjective),
            reducedCostMismatch: mismatch)
    }
}
