/// Turning the final iteration state into the reported solution: multipliers in OSQP's sign
/// convention, the active set, the objective and the KKT residuals.
extension GoldfarbIdnaniKernel {
    /// Writes `y` (length m) and `z` (length n): `+u` for an upper side, `−u` for a lower side or
    /// an equality, 0 for inactive rows and bounds.
    func writeMultipliers(constraints y: UnsafeMutablePointer<Double>, bounds zb: UnsafeMutablePointer<Double>) {
        y.update(repeating: 0, count: m)
        zb.update(repeating: 0, count: n)
        for position in 0..<q {
            let id = active[position], k = id >> 1
            let signed = id & 1 == 1 ? multipliers[position] : -multipliers[position]
            if k < m { y[k] += signed } else { zb[k - m] += signed }
        }
    }

    /// The side of row or bound `k` for ``QPActiveSet``.
    @inline(__always) func activeSide(_ k: Int) -> QPActiveSet.Side {
        switch state[k] {
        case State.lower: return .lower
        case State.upper: return .upper
        case State.equality, State.redundantEquality: return .equality
        default: return .inactive
        }
    }

    /// The objective `½xᵀHx + gᵀx` and the KKT residuals (as defined by ``QPResiduals``) at `x`
    /// with multipliers `y`, `zb`. Recomputes `C x` unless `rowValuesAreCurrent`.
    /// - Complexity: O(n² + m·n), or O(n² + q·n) when `rowValuesAreCurrent`.
    func measure(
        constraints y: UnsafeMutablePointer<Double>, bounds zb: UnsafeMutablePointer<Double>,
        rowValuesAreCurrent: Bool
    ) -> (objective: Double, residuals: QPResiduals) {
        if !rowValuesAreCurrent {
            for k in 0..<m { rowValues[k] = value(k, at: x) }
        }
        // work = H x + g + z + Cᵀy (the gradient of the Lagrangian); objective from H x.
        var objective = 0.0
        for i in 0..<n {
            let hx = DenseKernels.dot(hessian + i * n, x, count: n)
            objective += x[i] * (0.5 * hx + gradient[i])
            work[i] = hx + gradient[i] + zb[i]
        }
        for k in 0..<m where y[k] != 0 {
            let row = matrix + k * n, yk = y[k]
            for i in 0..<n { work[i] += yk * row[i] }
        }
        var primal = 0.0, dual = 0.0, complementarity = 0.0, sawNaN = objective.isNaN
        for i in 0..<n {
            if work[i].isNaN { sawNaN = true }
            dual = max(dual, abs(work[i]))
        }
        for k in 0..<(m + n) {
            let v = k < m ? rowValues[k] : x[k - m]
            let multiplier = k < m ? y[k] : zb[k - m]
            let lo = lowerBound(k), hi = upperBound(k)
            if v.isNaN || multiplier.isNaN { sawNaN = true; continue }
            primal = max(primal, lo - v, v - hi)
            if multiplier > 0 {
                complementarity = max(complementarity, multiplier * abs(hi - v))
            } else if multiplier < 0 {
                complementarity = max(complementarity, -multiplier * abs(v - lo))
            }
        }
        if sawNaN {
            return (.nan, QPResiduals(primalInfeasibility: .nan, dualResidual: .nan, complementarity: .nan))
        }
        return (objective, QPResiduals(primalInfeasibility: primal, dualResidual: dual, complementarity: complementarity))
    }
}
