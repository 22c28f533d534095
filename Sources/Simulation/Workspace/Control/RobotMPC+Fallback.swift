/// Plans from accelerations: the exact rollout with its cost, and the fallback — the rest of
/// the committed plan, or braking (see ``RobotMPC``).
extension RobotMPC {
    /// The plan of `accelerations` from `state`: exact zero-order-hold rollout and its cost.
    func rollout(from state: RobotState, accelerations: [Vector2], target: Vector2,
                 status: RobotPlanStatus) -> RobotPlan {
        var positions = [Vector2](repeating: state.position, count: horizon + 1)
        var velocities = [Vector2](repeating: state.velocity, count: horizon + 1)
        var current = state
        for k in 0..<horizon {
            current = RobotDynamics.propagate(current, acceleration: accelerations[k], dt: settings.dt)
            positions[k + 1] = current.position
            velocities[k + 1] = current.velocity
        }
        var cost = problem.cost(positions: positions, velocities: velocities, accelerations: accelerations,
                                target: target)
        if cost.isNaN { cost = .infinity }
        return RobotPlan(positions: positions, velocities: velocities, accelerations: accelerations,
                         status: status, cost: cost, iterations: 0, solveTime: 0)
    }

    /// The fallback plan (see the type's documentation), recorded as the previous plan: the rest
    /// of the previous plan when ``committedTail(from:)`` has it and it is no worse than braking
    /// against `input` (``shortfalls(of:_:)``, ``isWorse(_:than:)``), else braking.
    mutating func fallback(_ input: RobotMPCInput, reason: String, iterations: Int,
                           solveTime: Double) -> RobotPlan {
        hasWarmStart = false
        let state = input.state
        var plan: RobotPlan
        if state.isFinite {
            let braking = rollout(
                from: state,
                accelerations: Self.brakingAccelerations(from: state.velocity, maxAccel: settings.maxAccel,
                                                         dt: settings.dt, horizon: horizon),
                target: input.target, status: .fallback(reason: "\(reason); brakes"))
            plan = braking
            if let tail = committedTail(from: state) {
                let following = rollout(from: state, accelerations: tail, target: input.target,
                                        status: .fallback(reason: "\(reason); follows the rest of its last plan"))
                // The plan that comes into contact with what the present input predicts later, or
                // less deep, or keeps more of its clearances (the committed one on a tie, and when
                // the input is unusable to measure with).
                if input.invalidReason != nil
                    || !Self.isWorse(shortfalls(of: following.positions, input),
                                     than: shortfalls(of: braking.positions, input)) {
                    plan = following
                }
            }
            remember(plan)
        } else {
            hasPreviousPlan = false
            plan = RobotPlan(positions: Array(repeating: state.position, count: horizon + 1),
                             velocities: Array(repeating: Vector2(0, 0), count: horizon + 1),
                             accelerations: Array(repeating: Vector2(0, 0), count: horizon),
                             status: .fallback(reason: reason), cost: .infinity, iterations: 0, solveTime: 0)
        }
        plan.iterations = iterations
        plan.solveTime = solveTime
        return plan
    }

    /// How far a position `p` at step k falls short of the clearances `input` asks for [m]: the
    /// largest of `r + r_j + m + margin_j − ‖p − q_k‖` over the neighbours (not holds),
    /// `r + m − distance(p, obstacle)` over the obstacles and the same against the walls; 0 when
    /// every clearance holds. With `margin` 0 and `predictionMargins` false it is the depth of
    /// contact with the predicted positions.
    static func shortfall(at p: Vector2, step k: Int, _ input: RobotMPCInput, radius: Double, margin: Double,
                          predictionMargins: Bool) -> Double {
        var worst = 0.0
        for neighbour in input.neighbours where !neighbour.holdsNormal {
            let required = radius + neighbour.radius + margin + (predictionMargins ? neighbour.margin : 0)
            worst = Swift.max(worst, required - (p - neighbour.position(at: k)).length)
        }
        for obstacle in input.obstacles {
            worst = Swift.max(worst, radius + margin - WorkspaceMetrics.distance(from: p, to: obstacle))
        }
        return Swift.max(worst, abs(p.x) - (input.halfWidth - radius - margin),
                         abs(p.y) - (input.halfHeight - radius - margin))
    }

    /// How a candidate fallback plan meets the present input (k = 1…N): the first step at which
    /// it comes into contact with what the input predicts (N + 1: never), how deep at most
    /// (``shortfall(at:step:_:radius:margin:predictionMargins:)`` without any margin), and how
    /// far short it falls of the full clearances at most. The fallback's measure of the two plans
    /// it can choose from.
    func shortfalls(of positions: [Vector2], _ input: RobotMPCInput) -> FallbackMeasure {
        var first = positions.count, contact = 0.0, clearance = 0.0
        for k in 1..<positions.count {
            let depth = Self.shortfall(at: positions[k], step: k, input, radius: settings.radius, margin: 0,
                                       predictionMargins: false)
            if depth > 1e-9 && first == positions.count { first = k }
            contact = Swift.max(contact, depth)
            clearance = Swift.max(clearance, Self.shortfall(at: positions[k], step: k, input, radius: settings.radius,
                                                            margin: settings.safetyMargin, predictionMargins: true))
        }
        return FallbackMeasure(firstContact: first, contact: contact, clearance: clearance)
    }

    /// See ``shortfalls(of:_:)``.
    struct FallbackMeasure {
        let firstContact: Int
        let contact: Double
        let clearance: Double
    }

    /// Whether `a` is worse than `b`: into contact sooner; as soon, deeper (beyond 1e-9 m); as
    /// deep, further short of the clearances.
    static func isWorse(_ a: FallbackMeasure, than b: FallbackMeasure) -> Bool {
        if a.firstContact != b.firstContact { return a.firstContact < b.firstContact }
        if abs(a.contact - b.contact) > 1e-9 { return a.contact > b.contact }
        return a.clearance > b.clearance + 1e-9
    }

    /// Speed [m/s] below which a plan's last velocity counts as rest: the size of the
    /// constraint tightening, far above what the solver leaves on the terminal equality.
    static let restTolerance = 1e-7

    /// The previous plan's accelerations shifted one step (then zero), when following them is
    /// following that plan: there is a previous plan, it ended at rest, and `state` is the state
    /// it predicted for now (1e-9 relative: the dynamics are exact, so this fails only when the
    /// robot was moved or commanded otherwise). Nil otherwise.
    func committedTail(from state: RobotState) -> [Vector2]? {
        guard hasPreviousPlan, previousEndsAtRest else { return nil }
        let positionError = (state.position - previousNext.position).length
        let velocityError = (state.velocity - previousNext.velocity).length
        guard positionError <= 1e-9 * Swift.max(1, state.position.length),
              velocityError <= 1e-9 * Swift.max(1, settings.maxSpeed)
        else { return nil }
        var tail = [Vector2](repeating: Vector2(0, 0), count: horizon)
        for k in 1..<horizon { tail[k - 1] = previousAccelerations[k] }
        return tail
    }

    /// Decelerate at `maxAccel` along `−v` until at rest (the step that would overshoot uses
    /// exactly `−v/dt`), then zero. Every entry has norm ≤ maxAccel.
    public static func brakingAccelerations(from velocity: Vector2, maxAccel: Double, dt: Double,
                                            horizon: Int) -> [Vector2] {
        var accelerations = [Vector2](repeating: Vector2(0, 0), count: horizon)
        var v = velocity
        for k in 0..<horizon {
            let speed = v.length
            if speed == 0 { break }
            let magnitude = Swift.min(maxAccel, speed / dt)
            let a = (-magnitude / speed) * v
            accelerations[k] = a
            v = magnitude == maxAccel ? v + dt * a : Vector2(0, 0)
        }
        return accelerations
    }

    /// Records `plan` as the previous plan: its accelerations (the next linearisation and the
    /// fallback), the state it predicts for the next call, and whether it ends at rest.
    mutating func remember(_ plan: RobotPlan) {
        for k in 0..<horizon { previousAccelerations[k] = plan.accelerations[k] }
        previousNext = RobotState(position: plan.positions[1], velocity: plan.velocities[1])
        previousEndsAtRest = plan.velocities[horizon].length <= Self.restTolerance
        hasPreviousPlan = true
    }
}
