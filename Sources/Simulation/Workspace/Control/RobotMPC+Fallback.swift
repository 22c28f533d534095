/// Plans from accelerations: the exact rollout with its cost, and the braking fallback (see
/// ``RobotMPC``).
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

    /// The braking plan (see the type's documentation), recorded as the previous plan.
    mutating func fallback(_ input: RobotMPCInput, reason: String, iterations: Int,
                                   solveTime: Double) -> RobotPlan {
        hasWarmStart = false
        let state = input.state
        var plan: RobotPlan
        if state.isFinite {
            let accelerations = Self.brakingAccelerations(from: state.velocity, maxAccel: settings.maxAccel,
                                                          dt: settings.dt, horizon: horizon)
            plan = rollout(from: state, accelerations: accelerations, target: input.target,
                           status: .fallback(reason: reason))
            remember(accelerations)
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

    mutating func remember(_ accelerations: [Vector2]) {
        for k in 0..<horizon { previousAccelerations[k] = accelerations[k] }
        hasPreviousPlan = true
    }
}
