/// The Goldfarb–Idnani dual active-set method (Goldfarb & Idnani, "A numerically stable dual
/// method for solving strictly convex quadratic programs", Math. Programming 27, 1983), run on the
/// buffers of a ``DenseQPWorkspace``.
///
/// Why this method: the MPC programs are small (n ≤ ~60), dense and strictly convex, and `H`
/// changes rarely. A dual method starts from the unconstrained minimiser `x₀ = −H⁻¹g`, which needs
/// no feasible starting point, adds one violated constraint at a time, and ends *exactly* at a
/// KKT point (no iterative tolerance on optimality, unlike ADMM or interior-point methods). With
/// `H = LLᵀ` factorised once, an iteration costs O(n² + m·n). Infeasibility is detected when a
/// violated constraint can be neither added nor made addable by dropping others.
///
/// Every constraint is handled as one or two one-sided constraints `nᵀx ≥ b`:
/// the lower side of row k is `n = C_k, b = l_k`, the upper side `n = −C_k, b = −u_k`
/// (bounds use `±e_j`). A constraint id is `2k` (lower or equality) or `2k + 1` (upper), where
/// `k < m` is a row and `k ≥ m` the bound of variable `k − m`.
///
/// Invariants between iterations, with `N` the active normals (columns) and `q` their count:
/// - `J = L⁻ᵀ Q` with `Q` orthogonal and `Jᵀ N = [R; 0]`, `R` q×q upper triangular
///   (so `J₁ = J[:, 0..<q]` spans the active directions and `J₂` their `H`-orthogonal complement);
/// - `x` minimises the objective on `{Nᵀx = b}`, with multipliers `u` (``multipliers``)
///   such that `Hx + g = N u`, and `u ≥ 0` on the inequality positions `equalityCount..<q`;
/// - equality constraints occupy positions `0..<equalityCount` and are never dropped.
struct GoldfarbIdnaniKernel {
    /// Per-constraint states stored in the workspace's `state` buffer.
    enum State {
        static let inactive = 0
        static let lower = 1
        static let upper = 2
        static let equality = 3
        /// An equality that is a linear combination of earlier ones; checked once, then ignored.
        static let redundantEquality = 4
        /// A row with no finite bound, or a zero row whose bounds contain 0: never binding.
        static let vacuous = 5
    }

    /// Stricter linear-dependence tolerance applied to warm-start guesses.
    static let guessDependenceTolerance = 1e-8

    let n: Int
    let m: Int
    let settings: QPSettings
    let hessian, gradient, matrix, rowLower, rowUpper, variableLower, variableUpper, rowNorm: UnsafeMutablePointer<Double>
    let j0, j, r, x0, x, z, d, step, multipliers, work, rowValues: UnsafeMutablePointer<Double>
    let active, state, guess: UnsafeMutablePointer<Int>

    /// Size of the active set.
    var q = 0
    /// Leading active positions that hold equalities.
    var equalityCount = 0
    /// `‖d₂‖² = zᵀn` for the constraint whose `d` was computed last.
    var outsideNormSquared = 0.0

    init(workspace w: DenseQPWorkspace, settings: QPSettings) {
        n = w.n; m = w.m; self.settings = settings
        hessian = w.hessian; gradient = w.gradient; matrix = w.matrix
        rowLower = w.rowLower; rowUpper = w.rowUpper
        variableLower = w.variableLower; variableUpper = w.variableUpper; rowNorm = w.rowNorm
        j0 = w.j0; j = w.j; r = w.r; x0 = w.x0; x = w.x; z = w.z; d = w.d; step = w.step
        multipliers = w.multipliers; work = w.work; rowValues = w.rowValues
        active = w.active; state = w.state; guess = w.guess
    }

    // MARK: - Constraint data

    @inline(__always) func lowerBound(_ k: Int) -> Double { k < m ? rowLower[k] : variableLower[k - m] }
    @inline(__always) func upperBound(_ k: Int) -> Double { k < m ? rowUpper[k] : variableUpper[k - m] }
    @inline(__always) func normalNorm(_ k: Int) -> Double { k < m ? rowNorm[k] : 1 }

    /// `a_kᵀ v` (without the side's sign).
    @inline(__always) func value(_ k: Int, at v: UnsafeMutablePointer<Double>) -> Double {
        if k >= m { return v[k - m] }
        return DenseKernels.dot(matrix + k * n, v, count: n)
    }

    /// The slack `nᵀx − b` of constraint `id` at `x` (negative when violated).
    @inline(__always) func slack(_ id: Int) -> Double {
        let k = id >> 1
        let v = value(k, at: x)
        return id & 1 == 0 ? v - lowerBound(k) : upperBound(k) - v
    }

    /// The violation threshold of one side with bound `b`: `ε_p (|b| + ‖a‖ ‖x‖)`, where the caller
    /// passes for `‖x‖` the larger of the current point's norm and the unconstrained minimiser's, so
    /// that at a point near 0 with bounds near 0 (a car standing exactly at its required gap) the
    /// threshold does not vanish and round-off cannot masquerade as a violation.
    @inline(__always) func threshold(bound: Double, norm: Double, xNorm: Double) -> Double {
        settings.primalTolerance * (abs(bound) + norm * xNorm)
    }

    // MARK: - Start

    /// Resets the iteration state: `x = x₀`, equalities installed, then (when `warm`) the guessed
    /// active constraints from `guess`, with wrong-signed multipliers dropped until dual feasible.
    /// Returns `.infeasible` when the bounds alone prove infeasibility, nil to go on.
    mutating func start(warm: Bool) -> QPStatus? {
        q = 0
        equalityCount = 0
        j.update(from: j0, count: n * n)
        unconstrainedMinimiser()
        x.update(from: x0, count: n)
        // Reset first, so an early return never reports states left from the previous solve.
        state.update(repeating: State.inactive, count: m + n)

        for k in 0..<(m + n) {
            let lo = lowerBound(k), hi = upperBound(k)
            if lo > hi || lo == .infinity || hi == -.infinity { return .infeasible }
            if normalNorm(k) == 0 {
                if lo > 0 || hi < 0 { return .infeasible }
                state[k] = State.vacuous
            } else if lo == -.infinity && hi == .infinity {
                state[k] = State.vacuous
            } else if lo == hi {
                computeD(2 * k)
                if isDependent() {
                    state[k] = State.redundantEquality
                } else {
                    add(2 * k, multiplier: 0)
                    state[k] = State.equality
                    equalityCount += 1
                }
            }
        }

        if warm {
            for k in 0..<(m + n) where state[k] == State.inactive && q < n {
                let id: Int
                switch guess[k] {
                case State.lower where lowerBound(k) > -.infinity: id = 2 * k
                case State.upper where upperBound(k) < .infinity: id = 2 * k + 1
                default: continue
                }
                computeD(id)
                // A guess is optional, so nearly dependent ones are skipped rather than risk an
                // ill-conditioned R; the iterations add them back if they really bind.
                if isDependent(tolerance: max(settings.dependenceTolerance, Self.guessDependenceTolerance)) { continue }
                add(id, multiplier: 0)
                state[k] = id & 1 == 0 ? State.lower : State.upper
            }
        }

        if q > 0 {
            recomputeFromActiveSet()
            // Dual feasibility: drop the most negative inequality multiplier until none is left.
            while true {
                var worst = -1, worstValue = 0.0
                for position in equalityCount..<q where multipliers[position] < worstValue {
                    worst = position
                    worstValue = multipliers[position]
                }
                if worst < 0 { break }
                remove(at: worst)
                recomputeFromActiveSet()
            }
        }

        let xNorm = max(norm(x), norm(x0))
        for k in 0..<(m + n) where state[k] == State.redundantEquality {
            let bound = lowerBound(k)
            let tolerance = 1000 * threshold(bound: bound, norm: normalNorm(k), xNorm: xNorm)
            if !(abs(value(k, at: x) - bound) <= tolerance) { return .infeasible }
        }
        return nil
    }

    /// `x₀ = −H⁻¹g = −J₀ J₀ᵀ g`.
    func unconstrainedMinimiser() {
        x0.update(repeating: 0, count: n)
        for c in 0..<n {
            let column = j0 + c * n
            let t = DenseKernels.dot(column, gradient, count: n)
            if t == 0 { continue }
            for i in 0..<n { x0[i] -= t * column[i] }
        }
    }

    // MARK: - Iterations

    /// Runs the dual iterations from the state set by ``start(warm:)``.
    /// Returns the final status and the number of active-set changes.
    mutating func iterate() -> (QPStatus, Int) {
        var iterations = 0
        // The start leaves x exact for its active set, so it counts as polished.
        var polished = true
        let unconstrainedNorm = norm(x0)
        while true {
            let xNorm = max(norm(x), unconstrainedNorm)
            guard xNorm.isFinite else { return (.numericalFailure, iterations) }
            // Vacuous rows (no finite bound, or a zero row) never bind: skip their products.
            for k in 0..<m { rowValues[k] = state[k] == State.vacuous ? 0 : value(k, at: x) }

            // The most violated side, measured as a distance (slack / ‖a‖).
            var violated = -1, worstDistance = 0.0, violatedSlack = 0.0
            for k in 0..<(m + n) where state[k] == State.inactive {
                let v = k < m ? rowValues[k] : x[k - m]
                let norm = normalNorm(k)
                let lo = lowerBound(k)
                if lo > -.infinity {
                    let s = v - lo
                    if s < -threshold(bound: lo, norm: norm, xNorm: xNorm), s / norm < worstDistance {
                        violated = 2 * k; worstDistance = s / norm; violatedSlack = s
                    }
                }
                let hi = upperBound(k)
                if hi < .infinity {
                    let s = hi - v
                    if s < -threshold(bound: hi, norm: norm, xNorm: xNorm), s / norm < worstDistance {
                        violated = 2 * k + 1; worstDistance = s / norm; violatedSlack = s
                    }
                }
            }
            if violated < 0 {
                if polished || !settings.polish { return (.solved, iterations) }
                recomputeFromActiveSet()
                for position in equalityCount..<q where multipliers[position] < 0 { multipliers[position] = 0 }
                polished = true
                continue
            }
            polished = false

            // Bring `violated` into the active set, dropping blocking constraints on the way.
            let p = violated
            var slackP = violatedSlack
            var multiplierP = 0.0
            while true {
                if iterations >= settings.maxIterations { return (.maxIterations, iterations) }
                iterations += 1

                computeD(p)
                let dependent = isDependent()
                if !dependent { primalDirection() }
                dualDirection()

                // Partial step: the largest dual step before an active multiplier reaches zero.
                var t1 = Double.infinity, blocking = -1
                for position in equalityCount..<q where step[position] > 0 {
                    let ratio = multipliers[position] / step[position]
                    if ratio < t1 { t1 = ratio; blocking = position }
                }
                // Full step: the primal step that makes constraint p hold with equality.
                let t2 = dependent ? Double.infinity : max(0, -slackP / outsideNormSquared)
                if t1.isNaN || t2.isNaN { return (.numericalFailure, iterations) }

                if t2 == .infinity {
                    if t1 == .infinity { return (.infeasible, iterations) }
                    // Dual step only: shift weight to p, then drop the blocking constraint.
                    for position in 0..<q { multipliers[position] -= t1 * step[position] }
                    for position in equalityCount..<q where multipliers[position] < 0 { multipliers[position] = 0 }
                    multiplierP += t1
                    remove(at: blocking)
                    continue
                }

                let t = min(t1, t2)
                for i in 0..<n { x[i] += t * z[i] }
                for position in 0..<q { multipliers[position] -= t * step[position] }
                for position in equalityCount..<q where multipliers[position] < 0 { multipliers[position] = 0 }
                multiplierP += t
                if t2 <= t1 {
                    add(p, multiplier: multiplierP)
                    state[p >> 1] = p & 1 == 0 ? State.lower : State.upper
                    break
                }
                remove(at: blocking)
                slackP = slack(p)
            }
        }
    }

    /// `z = J₂ d₂`, the primal step direction (H-orthogonal to the active normals).
    @inline(__always) func primalDirection() {
        z.update(repeating: 0, count: n)
        for c in q..<n {
            let dc = d[c]
            if dc == 0 { continue }
            let column = j + c * n
            for i in 0..<n { z[i] += dc * column[i] }
        }
    }

    /// `step = R⁻¹ d₁`, minus the change of the active multipliers per unit of p's multiplier.
    @inline(__always) func dualDirection() {
        var i = q - 1
        while i >= 0 {
            var sum = d[i]
            var c = i + 1
            while c < q { sum -= r[i + c * n] * step[c]; c += 1 }
            step[i] = sum / r[i + i * n]
            i -= 1
        }
    }

    @inline(__always) func norm(_ v: UnsafeMutablePointer<Double>) -> Double {
        DenseKernels.dot(v, v, count: n).squareRoot()
    }
}
