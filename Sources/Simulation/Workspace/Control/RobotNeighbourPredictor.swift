/// Predicts another robot's centre over the horizon, from its broadcast plan when one is recent
/// enough, from its sensed velocity otherwise, with a clearance margin for what the prediction may
/// miss.
///
/// - With an intent of age `a` steps (a ≤ ``maximumAge``): the plan from index `a` on, re-anchored
///   at the sensed centre: `p(k) = p_sensed + plan(a + k) − plan(a)`; beyond the plan's end, its last
///   velocity is held. Margin: `v_max · a · dt` (how far the sender may have moved off the plan it
///   broadcast `a` steps ago, `v_max` its own speed limit) plus `½ · a_max · (b · dt)²` for the `b`
///   steps predicted beyond the plan's end (the most a robot can leave a constant velocity).
/// - Without one (never heard, or older than ``maximumAge``): constant sensed velocity. Margin:
///   `v_max · (delay + 1) · dt` with the receiver's own default limit (the sender's is unknown):
///   a robot that broadcast nothing for a horizon is assumed to keep its course like the others.
/// - A robot that said it is at its goal: standing still, margin 0.
/// - A robot whose latest messages were lost may have fallen back to braking since:
///   ``predictBraking(_:maxAccel:)``, braking from its sensed state (the controller adds it to
///   the plan-based prediction).
struct RobotNeighbourPredictor: Sendable {
    /// Horizon N [steps].
    let horizon: Int
    let dt: Double
    /// Network delay [steps].
    let delaySteps: Int
    /// Assumed limits of a robot never heard from [m/s], [m/s²].
    let defaultMaxSpeed: Double
    let defaultMaxAccel: Double

    /// Oldest intent used [steps].
    var maximumAge: Int { horizon }

    /// `robot` braking at `maxAccel` from its sensed state along its velocity until it stops
    /// (the sensed state is exact: margin 0).
    ///
    /// Invariant: this is *exactly* the plan the robot follows when it falls back to braking (the same
    /// discrete law, ``RobotMPC/brakingAccelerations(from:maxAccel:dt:horizon:)``, rolled out by
    /// ``RobotDynamics/propagate(_:acceleration:dt:)``: full `maxAccel` steps, then the remaining
    /// speed cancelled over one step). A continuous-time stop (`v²/(2a)`) would fall short of the
    /// discrete one by up to `a·dt²/8` (1.25 mm at 1 m/s², 0.1 s), so a robot whose plan stops
    /// exactly at the clearance behind that point would find its own stopping plan infeasible one
    /// step later, while the other does nothing but brake.
    func predictBraking(_ robot: SensedRobot, maxAccel: Double) -> NeighbourPrediction {
        var positions = [Vector2](repeating: robot.position, count: horizon + 1)
        if robot.velocity.length > 0 {
            let accelerations = RobotMPC.brakingAccelerations(from: robot.velocity, maxAccel: maxAccel, dt: dt,
                                                              horizon: horizon)
            var state = RobotState(position: robot.position, velocity: robot.velocity)
            for k in 0..<horizon {
                state = RobotDynamics.propagate(state, acceleration: accelerations[k], dt: dt)
                positions[k + 1] = state.position
            }
        }
        return NeighbourPrediction(positions: positions, radius: robot.radius, margin: 0)
    }

    /// The prediction of `robot` (sensed now, at `step`), with its latest intent if any.
    func predict(_ robot: SensedRobot, intent: RobotIntent?, step: Int) -> NeighbourPrediction {
        let n = horizon
        var positions = [Vector2](repeating: robot.position, count: n + 1)
        if let intent, intent.atGoal, step - intent.sentStep <= maximumAge {
            return NeighbourPrediction(positions: positions, radius: robot.radius, margin: 0)
        }
        if let intent, step - intent.sentStep <= maximumAge {
            let age = step - intent.sentStep
            let plan = intent.positions, velocities = intent.velocities
            let last = plan.count - 1
            func planned(_ index: Int) -> Vector2 {
                index <= last ? plan[index] : plan[last] + (dt * Double(index - last)) * velocities[last]
            }
            let origin = planned(age)
            for k in 1...n { positions[k] = robot.position + (planned(age + k) - origin) }
            let beyond = Double(Swift.max(0, age + n - last)) * dt
            let margin = intent.maxSpeed * Double(age) * dt + 0.5 * defaultMaxAccel * beyond * beyond
            return NeighbourPrediction(positions: positions, radius: robot.radius, margin: margin)
        }
        for k in 1...n { positions[k] = robot.position + (Double(k) * dt) * robot.velocity }
        let margin = defaultMaxSpeed * Double(delaySteps + 1) * dt
        return NeighbourPrediction(positions: positions, radius: robot.radius, margin: margin)
    }
}
