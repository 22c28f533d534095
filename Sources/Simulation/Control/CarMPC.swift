import Optimization

/// One car's longitudinal MPC: the Optimization target's condensed car-following QP
/// (``LongitudinalMPCProblem``: speed tracking, acceleration and jerk comfort, hard speed,
/// headway, jerk and acceleration limits over the accelerations of the horizon), extended with
/// the rows this world needs, solved by a warm-started ``QPSolver`` set up once per car.
///
/// Everything is relative to the ego car: positions are displacements from its station at the
/// decision, leader bounds are measured from its front bumper (the builder's convention).
///
/// Rows (m = 4N + 1), k = 0…N−1 standing for time (k+1)·dt:
/// - `0..<3N`: the builder's speed, headway and jerk rows. The headway row k is
///   `p + T·v ≤ L_k − minGap − tightening` with `L_k` the tightest of the cars it follows
///   (physical, each minus its extra gap) and — relaxed, see below — the cars it yields to;
/// - `3N..<4N`: the end of the acceleration lane (unmerged ramp cars only):
///   `ξ₀ + p + T_lc·v ≤ mergeEnd − length/2 − 20 m` with T_lc the lane-change duration, so that
///   a lane change of length `max(v·T_lc, 20 m)` always still fits ahead (the lane end is a
///   stopped obstacle until the car has merged);
/// - `4N`: the terminal constraint: at the end of the horizon the car can still stop behind
///   the predicted stop point of every car it follows (and before the lane end):
///   `p_N + c₁·v_N + c₀ ≤ S − tightening`, where `c₀ + c₁·v` bounds the emergency stopping
///   distance from above for `0 ≤ v ≤ v_max` (a secant: the distance is convex in v).
///
/// Tightening: every bound is tightened by ``ControllerTuning/constraintTightening`` (far above
/// the solver's relative tolerance of 1e-12), so the returned plan satisfies the real constraints.
///
/// Feasibility by construction: before solving, every bound is widened, where needed, to just
/// beyond (``backupSlack``) the value the backup plan (the emergency manoeuvre: jerk-limited strongest braking, ending at
/// standstill) attains, so the backup plan is always feasible and the QP never reports
/// `infeasible` for lack of a solution; when a constraint cannot be met at all, the plan brakes
/// as hard as the backup. Bounds of the cars one yields to are widened further, to what braking
/// at ``ControllerTuning/firmDeceleration`` attains: cooperation never forces hard braking.
struct CarMPC {
    struct Result {
        var status: QPStatus
        var iterations: Int
        /// Wall time of the QP solve [s].
        var solveTime: Double
        /// Rows whose bound the backup plan had to widen.
        var relaxedRows: Int
        /// The plan's first acceleration [m/s²] (when solved).
        var firstAcceleration: Double
        /// The MPC objective of the plan (the QP's objective plus its constant part: speed error,
        /// acceleration and jerk terms over the horizon); +infinity when not solved.
        var cost: Double = .infinity
    }

    let problem: LongitudinalMPCProblem
    let n: Int
    let m: Int
    let dt: Double
    let limits: VehicleLimits
    let laneChangeDuration: Double
    let terminalSlope: Double
    let terminalOffset: Double
    let tightening: Double
    /// The constraint matrix of the program (m×n, row-major; fixed after setup).
    let constraintMatrix: [Double]
    /// The strongest braking the cars one yields to may ask (``ControllerTuning/firmDeceleration``).
    let yieldDeceleration: Double
    /// Relative slack [1] the backup plan keeps on every row after the widening: bounds closer
    /// to it than 1e-5·(1 + |value|) are moved to that distance, so that the feasible set never
    /// shrinks to a single point (a degenerate vertex with more active rows than variables,
    /// where round-off could make the dual active-set method report a feasible program infeasible).
    static let backupSlack = 1e-5
    private var solver: QPSolver
    private var base: QuadraticProgram
    private var gradient: [Double]
    private var lower: [Double]
    private var upper: [Double]
    /// Second buffers: the solver keeps the arrays it was last given, so each step writes into
    /// the other set (which the solver has released) instead of copying a shared buffer.
    private var spareGradient: [Double]
    private var spareLower: [Double]
    private var spareUpper: [Double]
    private var warm: QPActiveSet
    private var hasWarmStart = false
    private var backup: [Double]
    private var yieldPlan: [Double]
    private var combined: [Double]
    private var rolloutPositions: [Double]
    private var rolloutSpeeds: [Double]

    /// Bounds on the headway rows from the cars the ego follows (`L_k`, builder convention,
    /// extra gaps already subtracted); +∞ without any. Reset by ``resetBounds()``.
    var physicalBounds: [Double]
    /// The same from the cars it yields to (relaxed before use).
    var virtualBounds: [Double]
    /// Lane end: the largest `p + T_lc·v` (relative to the ego's station); +∞ when not applicable.
    var laneEndBound = Double.infinity
    /// Terminal: the largest `p_N + emergency stopping distance`; +∞ when nothing is ahead.
    var terminalBound = Double.infinity
    /// The planned accelerations of the last successful solve (N entries).
    private(set) var plan: [Double]

    /// - Precondition: valid settings (see ``CarControllerConfig``); `desiredSpeed > 0`.
    init(settings: CarControllerConfig, desiredSpeed: Double, dt: Double, tuning: ControllerTuning) {
        let speedBound = desiredSpeed + tuning.speedBoundMargin
        let parameters = LongitudinalMPCParameters(
            timeStep: dt, horizon: settings.horizon, speedWeight: settings.speedWeight,
            accelerationWeight: settings.accelWeight, jerkWeight: settings.jerkWeight,
            minAcceleration: -settings.maxBrake, maxAcceleration: settings.maxAccel,
            minJerk: -settings.maxJerk, maxJerk: settings.maxJerk, maxSpeed: speedBound,
            minimumGap: settings.minGap, timeHeadway: settings.timeHeadway,
            safetyMargin: tuning.constraintTightening)
        let problem: LongitudinalMPCProblem
        do {
            problem = try LongitudinalMPCProblem(parameters: parameters)
        } catch {
            preconditionFailure("invalid controller settings: \(error)")
        }
        self.problem = problem
        let n = settings.horizon
        self.n = n
        m = 4 * n + 1
        self.dt = dt
        limits = VehicleLimits(settings)
        laneChangeDuration = settings.laneChangeDuration
        tightening = tuning.constraintTightening
        yieldDeceleration = Swift.min(tuning.firmDeceleration, settings.maxBrake)

        // The secant of the emergency stopping distance (from the largest acceleration) on [0, v_max].
        let c0 = VehicleDynamics.emergencyStoppingDistance(
            from: LongitudinalState(station: 0, speed: 1e-9, acceleration: settings.maxAccel), limits: limits, dt: dt)
        let dMax = VehicleDynamics.emergencyStoppingDistance(
            from: LongitudinalState(station: 0, speed: speedBound, acceleration: settings.maxAccel), limits: limits, dt: dt)
        terminalOffset = c0
        terminalSlope = (dMax - c0) / speedBound

        var speedMap = [Double](repeating: 0, count: n * n), positionMap = speedMap
        for k in 0..<n {
            for j in 0...k {
                speedMap[k * n + j] = dt
                positionMap[k * n + j] = dt * dt * (Double(k - j) + 0.5)
            }
        }

        var matrix = problem.constraintMatrix
        matrix.reserveCapacity(m * n)
        for k in 0..<n {
            for j in 0..<n { matrix.append(positionMap[k * n + j] + settings.laneChangeDuration * speedMap[k * n + j]) }
        }
        for j in 0..<n { matrix.append(positionMap[(n - 1) * n + j] + terminalSlope * speedMap[(n - 1) * n + j]) }

        constraintMatrix = matrix
        base = problem.program(for: LongitudinalMPCState(speed: 0, desiredSpeed: desiredSpeed))
        gradient = base.gradient
        lower = base.constraintLower + Array(repeating: -.infinity, count: n + 1)
        upper = base.constraintUpper + Array(repeating: .infinity, count: n + 1)
        let program = QuadraticProgram(
            hessian: problem.hessian, gradient: gradient, constraintMatrix: matrix,
            constraintLower: lower, constraintUpper: upper,
            variableLower: base.variableLower, variableUpper: base.variableUpper)
        do {
            solver = try QPSolver(program: program)
        } catch {
            preconditionFailure("the MPC program is not a strictly convex QP: \(error)")
        }
        spareGradient = gradient
        spareLower = lower
        spareUpper = upper
        warm = QPActiveSet(constraintCount: m, variableCount: n)
        backup = Array(repeating: 0, count: n)
        yieldPlan = backup
        combined = backup
        rolloutPositions = backup
        rolloutSpeeds = backup
        plan = backup
        physicalBounds = Array(repeating: .infinity, count: n)
        virtualBounds = physicalBounds
    }

    /// Tightens the headway bounds by a car predicted at `stations[1...N]` whose rear is
    /// `offset` metres behind its station, measured from the ego's front (the builder's
    /// convention); `virtual` for a car one yields to.
    mutating func follow(_ stations: [Double], offset: Double, virtual: Bool) {
        if virtual {
            for k in 0..<n { virtualBounds[k] = Swift.min(virtualBounds[k], stations[k + 1] - offset) }
        } else {
            for k in 0..<n { physicalBounds[k] = Swift.min(physicalBounds[k], stations[k + 1] - offset) }
        }
    }

    /// Clears the bounds before a new decision.
    mutating func resetBounds() {
        for k in 0..<n {
            physicalBounds[k] = .infinity
            virtualBounds[k] = .infinity
        }
        laneEndBound = .infinity
        terminalBound = .infinity
    }

    /// Solves for the current bounds from speed `v0` after holding `previousAcceleration`.
    mutating func solve(speed v0: Double, previousAcceleration a0: Double, desiredSpeed: Double) -> Result {
        let T = problem.parameters.timeHeadway, s0 = problem.parameters.minimumGap
        // Relax the bounds of the cars one yields to: never tighter than firm braking allows.
        var anyVirtual = false
        for k in 0..<n where virtualBounds[k] < physicalBounds[k] { anyVirtual = true; break }
        if anyVirtual {
            Self.brakingPlan(speed: v0, previous: a0, deceleration: yieldDeceleration, limits: limits, dt: dt,
                             into: &yieldPlan)
            Self.relativeRollout(yieldPlan, dt: dt, positions: &rolloutPositions, speeds: &rolloutSpeeds)
        }
        for k in 0..<n {
            var bound = physicalBounds[k]
            if virtualBounds[k] < bound {
                let row = rolloutPositions[k] + T * rolloutSpeeds[k]
                let reachable = row + Double(k + 1) * dt * v0 + T * v0 + s0 + tightening
                bound = Swift.min(bound, Swift.max(virtualBounds[k], reachable))
            }
            combined[k] = bound
        }
        problem.update(&base, for: LongitudinalMPCState(speed: v0, acceleration: a0, desiredSpeed: desiredSpeed,
                                                        leaderPositions: combined))
        swap(&gradient, &spareGradient)
        swap(&lower, &spareLower)
        swap(&upper, &spareUpper)
        for j in 0..<n { gradient[j] = base.gradient[j] }
        for i in 0..<(3 * n) {
            lower[i] = base.constraintLower[i]
            upper[i] = base.constraintUpper[i]
        }
        for k in 0..<n {
            lower[3 * n + k] = -.infinity
            upper[3 * n + k] = laneEndBound - (Double(k + 1) * dt * v0 + laneChangeDuration * v0) - tightening
        }
        lower[4 * n] = -.infinity
        upper[4 * n] = terminalBound - (Double(n) * dt * v0 + terminalSlope * v0) - terminalOffset - tightening

        // Feasibility: widen any bound the backup plan does not meet (jerk rows and the
        // acceleration bounds hold for it by construction).
        Self.brakingPlan(speed: v0, previous: a0, deceleration: limits.maxBrake, limits: limits, dt: dt, into: &backup)
        Self.relativeRollout(backup, dt: dt, positions: &rolloutPositions, speeds: &rolloutSpeeds)
        var relaxed = 0
        for k in 0..<n {
            let p = rolloutPositions[k], v = rolloutSpeeds[k]
            relaxed += Self.widen(&lower[k], &upper[k], toInclude: v)
            relaxed += Self.widen(&lower[n + k], &upper[n + k], toInclude: p + T * v)
            relaxed += Self.widen(&lower[3 * n + k], &upper[3 * n + k], toInclude: p + laneChangeDuration * v)
        }
        relaxed += Self.widen(&lower[4 * n], &upper[4 * n],
                              toInclude: rolloutPositions[n - 1] + terminalSlope * rolloutSpeeds[n - 1])

        do {
            try solver.updateGradient(gradient)
            try solver.updateConstraintBounds(lower: lower, upper: upper)
        } catch {
            hasWarmStart = false
            return Result(status: .numericalFailure, iterations: 0, solveTime: 0, relaxedRows: relaxed,
                          firstAcceleration: backup[0])
        }
        let clock = ContinuousClock()
        let start = clock.now
        let status: QPStatus, iterations: Int
        var cost = Double.infinity
        do {
            var solution = solver.solve(warmStart: hasWarmStart ? warm : nil)
            if solution.status != .solved && hasWarmStart {
                // A wrong warm start costs time, never correctness; a cold start is a second opinion.
                solution = solver.solve(warmStart: nil)
            }
            status = solution.status
            iterations = solution.iterations
            if status == .solved {
                cost = solution.objective + problem.costConstant(for: LongitudinalMPCState(
                    speed: v0, acceleration: a0, desiredSpeed: desiredSpeed))
                for j in 0..<n { plan[j] = solution.x[j] }
                shift(solution.activeSet)
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        hasWarmStart = status == .solved
        return Result(status: status, iterations: iterations, solveTime: seconds, relaxedRows: relaxed,
                      firstAcceleration: plan[0], cost: cost)
    }

    /// The objective (as ``Result/cost``) and the largest constraint violation [m or m/s] of the
    /// plan `accelerations` (N entries) under the program of the last solve: how good another
    /// plan is against the bounds this MPC was given (the Nash gap's evaluation).
    /// - Complexity: O(m·n + n²); allocates nothing.
    func evaluate(_ accelerations: [Double], speed v0: Double, previousAcceleration a0: Double,
                  desiredSpeed: Double) -> (cost: Double, violation: Double) {
        precondition(accelerations.count == n, "a plan has one acceleration per step of the horizon")
        let x = accelerations, h = problem.hessian
        var objective = 0.0, violation = 0.0
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n { row += h[i * n + j] * x[j] }
            objective += x[i] * (0.5 * row + gradient[i])
            violation = Swift.max(violation, base.variableLower[i] - x[i], x[i] - base.variableUpper[i])
        }
        for i in 0..<m {
            var value = 0.0
            for j in 0..<n { value += constraintMatrix[i * n + j] * x[j] }
            violation = Swift.max(violation, lower[i] - value, value - upper[i])
        }
        let constant = problem.costConstant(for: LongitudinalMPCState(speed: v0, acceleration: a0,
                                                                      desiredSpeed: desiredSpeed))
        return (objective + constant, violation)
    }

    /// Drops the warm start, so that the next solve is a pure function of its data (what-if
    /// evaluations that two cars must compute identically).
    mutating func forgetWarmStart() {
        hasWarmStart = false
    }

    /// Moves `lower`/`upper` so that `value` is inside with ``backupSlack``; returns the number
    /// of bounds moved.
    @inline(__always)
    private static func widen(_ lower: inout Double, _ upper: inout Double, toInclude value: Double) -> Int {
        let slack = backupSlack * (1 + abs(value))
        var moved = 0
        if value + slack > upper { upper = value + slack; moved += 1 }
        if value - slack < lower { lower = value - slack; moved += 1 }
        return moved
    }

    /// The plan as stations and speeds at k = 0…N from `station` and speed `v0` (the QP's linear
    /// model: speeds may dip below 0 where the plan brakes to a stop; they are clipped to 0 and
    /// the stations kept non-decreasing).
    ///
    /// `mutating` only so that a call on a class's stored property borrows it instead of copying.
    mutating func plannedTrajectory(from station: Double, speed v0: Double, stations: inout [Double], speeds: inout [Double]) {
        precondition(stations.count == n + 1 && speeds.count == n + 1)
        var p = station, v = v0
        stations[0] = station
        speeds[0] = v0
        for k in 0..<n {
            let a = plan[k]
            p += v * dt + 0.5 * a * dt * dt
            v += a * dt
            stations[k + 1] = Swift.max(stations[k], p)
            speeds[k + 1] = Swift.max(0, v)
        }
    }

    /// The displacement and speed change after each step of `a` from standstill: the value of
    /// the rows' variable part (`p_{k+1} − (k+1)·dt·v₀` and `v_{k+1} − v₀`), in O(N).
    /// (Static, so that passing a stored array `inout` does not force a copy of the whole struct.)
    private static func relativeRollout(_ a: [Double], dt: Double, positions: inout [Double], speeds: inout [Double]) {
        var p = 0.0, v = 0.0
        for k in 0..<a.count {
            p += v * dt + 0.5 * a[k] * dt * dt
            v += a[k] * dt
            positions[k] = p
            speeds[k] = v
        }
    }

    /// The jerk-limited braking plan towards −`deceleration`, stopping (as nearly as the jerk
    /// limit allows) at standstill rather than reversing, in the QP's linear model.
    static func brakingPlan(speed v0: Double, previous a0: Double, deceleration: Double, limits: VehicleLimits,
                            dt: Double, into plan: inout [Double]) {
        var v = v0, previous = a0
        let step = limits.maxJerk * dt, target = -deceleration
        for k in 0..<plan.count {
            var a = previous > target ? Swift.max(target, previous - step) : Swift.min(target, previous + step)
            a = Swift.min(limits.maxAccel, Swift.max(-limits.maxBrake, a))
            let stopping = -v / dt
            if stopping > a { a = Swift.min(stopping, Swift.min(limits.maxAccel, previous + step)) }
            plan[k] = a
            v += a * dt
            previous = a
        }
    }

    /// Stores the active set shifted one step along the horizon as the next warm start.
    private mutating func shift(_ active: QPActiveSet) {
        for block in 0..<4 {
            let offset = block * n
            for k in 0..<(n - 1) { warm.constraints[offset + k] = active.constraints[offset + k + 1] }
            warm.constraints[offset + n - 1] = active.constraints[offset + n - 1]
        }
        warm.constraints[4 * n] = active.constraints[4 * n]
        for k in 0..<(n - 1) { warm.variables[k] = active.variables[k + 1] }
        warm.variables[n - 1] = active.variables[n - 1]
    }
}
