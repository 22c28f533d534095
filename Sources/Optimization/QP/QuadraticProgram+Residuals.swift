extension QuadraticProgram {
    /// The KKT residuals of `(x, y, z)` (see ``QPResiduals`` for the definitions and the sign
    /// convention), computed directly from the data with plain array code, independently of the
    /// solver's internal state. This is the invariant checker for any solution of this program.
    ///
    /// - Parameters:
    ///   - x: the point, length n.
    ///   - constraintMultipliers: `y`, length m.
    ///   - boundMultipliers: `z`, length n.
    /// - Complexity: O(n² + m·n).
    public func residuals(
        x: [Double], constraintMultipliers y: [Double], boundMultipliers z: [Double]
    ) -> QPResiduals {
        let n = variableCount, m = constraintCount
        precondition(x.count == n && z.count == n && y.count == m, "residuals: dimension mismatch")
        let cx = constraintValues(at: x)
        var primal = 0.0, dual = 0.0, complementarity = 0.0, sawNaN = false
        func account(value: Double, lower: Double, upper: Double, multiplier: Double) {
            if value.isNaN || multiplier.isNaN { sawNaN = true; return }
            primal = Swift.max(primal, lower - value, value - upper)
            if multiplier > 0 {
                complementarity = Swift.max(complementarity, multiplier * abs(upper - value))
            } else if multiplier < 0 {
                complementarity = Swift.max(complementarity, -multiplier * abs(value - lower))
            }
        }
        for i in 0..<m {
            account(value: cx[i], lower: constraintLower[i], upper: constraintUpper[i], multiplier: y[i])
        }
        for j in 0..<n {
            account(value: x[j], lower: variableLower[j], upper: variableUpper[j], multiplier: z[j])
        }
        for j in 0..<n {
            var r = gradient[j] + z[j]
            for k in 0..<n { r += hessian[j * n + k] * x[k] }
            for i in 0..<m { r += constraintMatrix[i * n + j] * y[i] }
            if r.isNaN { sawNaN = true } else { dual = Swift.max(dual, abs(r)) }
        }
        if sawNaN { return QPResiduals(primalInfeasibility: .nan, dualResidual: .nan, complementarity: .nan) }
        return QPResiduals(primalInfeasibility: primal, dualResidual: dual, complementarity: complementarity)
    }
}
