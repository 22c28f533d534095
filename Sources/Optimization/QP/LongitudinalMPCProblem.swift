/// The car-following MPC of a 1-D double integrator, condensed into a dense ``QuadraticProgram``
/// over the accelerations `a_0 … a_{N−1}` [m/s²] (n = N variables, m = 3N rows).
///
/// Model (exact for an acceleration held constant over each step of dt):
///
///     v_{k+1} = v₀ + dt Σ_{j≤k} a_j
///     p_{k+1} = (k+1) dt v₀ + dt² Σ_{j≤k} (k − j + ½) a_j
///
/// with positions relative to the ego car at t = 0. Cost: see ``LongitudinalMPCParameters``;
/// it equals `½aᵀHa + gᵀa + c` (``costConstant(for:)`` gives c).
///
/// Constraints, one block of N rows each, in this order:
/// - speed rows (``speedRows``), `k = 0 … N−1`: `0 ≤ v_{k+1} ≤ v_max`;
/// - headway rows (``headwayRows``): `L_{k+1} − p_{k+1} ≥ s₀ + T v_{k+1} + margin`, i.e.
///   `p_{k+1} + T v_{k+1} ≤ L_{k+1} − s₀ − margin` (no upper bound without a leader);
/// - jerk rows (``jerkRows``): `dt·j_min ≤ a_k − a_{k−1} ≤ dt·j_max` (rows scaled by dt so their
///   entries are ±1; row 0 moves the known `a_{−1}` to the bounds);
/// - variable bounds: `a_min ≤ a_k ≤ a_max`.
///
/// `H` and `C` depend only on the parameters, so one ``QPSolver`` per agent is set up with
/// ``program(for:)`` once and then only `g` and the bounds change (``update(_:for:)``).
public struct LongitudinalMPCProblem: Sendable {
    /// A parameter outside its documented range.
    public struct ParameterError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The field of ``LongitudinalMPCParameters``.
        public var name: String
        public var value: Double
        /// What the value must satisfy.
        public var requirement: String
        public var description: String { "\(name) must be \(requirement) (got \(value))" }
    }

    public let parameters: LongitudinalMPCParameters
    /// `H`, N×N row-major.
    public let hessian: [Double]
    /// `C`, 3N×N row-major (speed, headway, jerk blocks).
    public let constraintMatrix: [Double]
    /// Row k gives `v_{k+1} − v₀` per unit acceleration: N×N, `dt` on and below the diagonal.
    private let speedMap: [Double]
    /// Row k gives `p_{k+1} − (k+1) dt v₀`: N×N lower triangular.
    private let positionMap: [Double]

    /// N.
    public var horizon: Int { parameters.horizon }
    public var speedRows: Range<Int> { 0..<horizon }
    public var headwayRows: Range<Int> { horizon..<(2 * horizon) }
    public var jerkRows: Range<Int> { (2 * horizon)..<(3 * horizon) }

    /// Builds the constant parts (`H`, `C`) after checking every parameter.
    /// - Throws: ``ParameterError`` naming the first field out of range.
    /// - Complexity: O(N³).
    public init(parameters: LongitudinalMPCParameters) throws(ParameterError) {
        try Self.check(parameters)
        self.parameters = parameters
        let n = parameters.horizon, dt = parameters.timeStep
        var speedMap = [Double](repeating: 0, count: n * n)
        var positionMap = [Double](repeating: 0, count: n * n)
        for k in 0..<n {
            for j in 0...k {
                speedMap[k * n + j] = dt
                positionMap[k * n + j] = dt * dt * (Double(k - j) + 0.5)
            }
        }
        // H = 2 (w_v VᵀV + w_a I + (w_j/dt²) DᵀD), D the first-difference matrix.
        let jerkScale = parameters.jerkWeight / (dt * dt)
        var hessian = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var vv = 0.0
                for k in 0..<n { vv += speedMap[k * n + i] * speedMap[k * n + j] }
                var entry = parameters.speedWeight * vv
                if i == j {
                    entry += parameters.accelerationWeight + jerkScale * (i == n - 1 ? 1 : 2)
                } else if i == j + 1 {
                    entry -= jerkScale
                }
                hessian[i * n + j] = 2 * entry
                hessian[j * n + i] = 2 * entry
            }
        }
        var matrix = [Double](repeating: 0, count: 3 * n * n)
        for k in 0..<n {
            for j in 0..<n {
                matrix[k * n + j] = speedMap[k * n + j]
                matrix[(n + k) * n + j] = positionMap[k * n + j] + parameters.timeHeadway * speedMap[k * n + j]
            }
            matrix[(2 * n + k) * n + k] = 1
            if k > 0 { matrix[(2 * n + k) * n + k - 1] = -1 }
        }
        self.hessian = hessian
        self.constraintMatrix = matrix
        self.speedMap = speedMap
        self.positionMap = positionMap
    }

    /// The full program for `state` (allocates; use ``update(_:for:)`` in a loop).
    public func program(for state: LongitudinalMPCState) -> QuadraticProgram {
        let n = horizon
        var program = QuadraticProgram(
            hessian: hessian, gradient: Array(repeating: 0, count: n),
            constraintMatrix: constraintMatrix,
            constraintLower: Array(repeating: 0, count: 3 * n), constraintUpper: Array(repeating: 0, count: 3 * n),
            variableLower: Array(repeating: parameters.minAcceleration, count: n),
            variableUpper: Array(repeating: parameters.maxAcceleration, count: n))
        update(&program, for: state)
        return program
    }

    /// Rewrites the state-dependent parts of `program` (made by ``program(for:)``) in place:
    /// `g` and the row bounds. Allocates nothing when `program`'s arrays are not shared.
    /// Non-finite state values make non-finite data, which ``QPSolver`` rejects with a
    /// ``QPDataError``.
    public func update(_ program: inout QuadraticProgram, for state: LongitudinalMPCState) {
        let n = horizon, p = parameters, dt = p.timeStep
        precondition(program.variableCount == n && program.constraintCount == 3 * n,
                     "program was not built by this LongitudinalMPCProblem")
        if let leader = state.leaderPositions {
            precondition(leader.count == n, "leaderPositions must have \(n) entries (one per horizon step)")
        }
        let v0 = state.speed
        let speedGradient = 2 * p.speedWeight * (v0 - state.desiredSpeed)
        for j in 0..<n {
            // Σ_k V[k, j] = dt (N − j): acceleration a_j raises every later speed.
            program.gradient[j] = speedGradient * dt * Double(n - j)
        }
        program.gradient[0] -= 2 * p.jerkWeight / (dt * dt) * state.acceleration
        for k in 0..<n {
            program.constraintLower[k] = -v0
            program.constraintUpper[k] = p.maxSpeed - v0
            program.constraintLower[n + k] = -.infinity
            if let leader = state.leaderPositions {
                let freeMotion = Double(k + 1) * dt * v0 + p.timeHeadway * v0
                program.constraintUpper[n + k] = leader[k] - p.minimumGap - p.safetyMargin - freeMotion
            } else {
                program.constraintUpper[n + k] = .infinity
            }
            let previous = k == 0 ? state.acceleration : 0
            program.constraintLower[2 * n + k] = dt * p.minJerk + previous
            program.constraintUpper[2 * n + k] = dt * p.maxJerk + previous
        }
    }

    /// The constant c with cost = `½aᵀHa + gᵀa + c` (see ``LongitudinalMPCParameters``).
    public func costConstant(for state: LongitudinalMPCState) -> Double {
        let p = parameters
        let speedError = state.speed - state.desiredSpeed
        return Double(horizon) * p.speedWeight * speedError * speedError
            + p.jerkWeight / (p.timeStep * p.timeStep) * state.acceleration * state.acceleration
    }

    /// Predicted speeds `v_1 … v_N` [m/s] from `speed` under `accelerations` (N entries).
    public func predictedSpeeds(from speed: Double, accelerations: [Double]) -> [Double] {
        apply(speedMap, to: accelerations).map { $0 + speed }
    }

    /// Predicted positions `p_1 … p_N` [m] relative to the ego car at t = 0.
    public func predictedPositions(from speed: Double, accelerations: [Double]) -> [Double] {
        apply(positionMap, to: accelerations).enumerated().map { k, p in
            p + Double(k + 1) * parameters.timeStep * speed
        }
    }

    /// The warm start for the next step: every block (speed, headway and jerk rows, and the
    /// acceleration bounds) moves one step earlier and its last entry is repeated.
    public func shifted(_ activeSet: QPActiveSet) -> QPActiveSet {
        let n = horizon
        precondition(activeSet.constraints.count == 3 * n && activeSet.variables.count == n,
                     "active set does not belong to this LongitudinalMPCProblem")
        func shift(_ block: ArraySlice<QPActiveSet.Side>) -> [QPActiveSet.Side] {
            Array(block.dropFirst()) + [block.last!]
        }
        let c = activeSet.constraints
        return QPActiveSet(
            constraints: shift(c[0..<n]) + shift(c[n..<(2 * n)]) + shift(c[(2 * n)..<(3 * n)]),
            variables: shift(activeSet.variables[...]))
    }

    private func apply(_ map: [Double], to accelerations: [Double]) -> [Double] {
        let n = horizon
        precondition(accelerations.count == n, "accelerations must have \(n) entries")
        return (0..<n).map { k in
            var sum = 0.0
            for j in 0...k { sum += map[k * n + j] * accelerations[j] }
            return sum
        }
    }

    private static func check(_ p: LongitudinalMPCParameters) throws(ParameterError) {
        func require(_ ok: Bool, _ name: String, _ value: Double, _ requirement: String) throws(ParameterError) {
            if !ok { throw ParameterError(name: name, value: value, requirement: requirement) }
        }
        try require(p.timeStep > 0 && p.timeStep.isFinite, "timeStep", p.timeStep, "finite and > 0")
        try require(p.horizon >= 1, "horizon", Double(p.horizon), ">= 1")
        for (name, value) in [("speedWeight", p.speedWeight), ("accelerationWeight", p.accelerationWeight),
                              ("jerkWeight", p.jerkWeight), ("minimumGap", p.minimumGap),
                              ("timeHeadway", p.timeHeadway), ("safetyMargin", p.safetyMargin)] {
            try require(value >= 0 && value.isFinite, name, value, "finite and >= 0")
        }
        try require(p.accelerationWeight + p.jerkWeight > 0, "accelerationWeight + jerkWeight",
                    p.accelerationWeight + p.jerkWeight, "> 0 (strict convexity)")
        try require(p.minAcceleration.isFinite, "minAcceleration", p.minAcceleration, "finite")
        try require(p.maxAcceleration.isFinite && p.maxAcceleration >= p.minAcceleration,
                    "maxAcceleration", p.maxAcceleration, "finite and >= minAcceleration")
        try require(!p.minJerk.isNaN && p.minJerk < .infinity, "minJerk", p.minJerk, "< +infinity")
        try require(!p.maxJerk.isNaN && p.maxJerk > -.infinity && p.maxJerk >= p.minJerk,
                    "maxJerk", p.maxJerk, ">= minJerk")
        try require(p.maxSpeed > 0, "maxSpeed", p.maxSpeed, "> 0")
    }
}
