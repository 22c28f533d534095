/// The invariant checker of ``RobotPlan``: every physical constraint the MPC promises for a
/// solved plan, checked from the plan's own arrays with plain code, independently of the QP.
extension RobotPlan {
    /// The violated constraints of this plan for `input` under `settings`, one line each (empty
    /// when all hold), each within `tolerance` [m, m/s or m/s²]:
    /// - sizes (N + 1, N + 1, N) and the start at the current state;
    /// - the exact dynamics between consecutive entries (to `tolerance`);
    /// - `‖a_k‖ ≤ maxAccel`, `‖v_k‖ ≤ maxSpeed` for k ≥ 1 (Euclidean);
    /// - walls: `|p_k| ≤ h − r − m` per axis, k ≥ 1;
    /// - obstacles: distance from `p_k` ≥ `r + m`, k ≥ 1;
    /// - neighbours: `‖p_k − q_k‖ ≥ r + r_j + m + margin_j`, k ≥ 1;
    /// - with ``RobotMPCSettings/terminalAtRest``, when the current speed can be cancelled within
    ///   the horizon at the acceleration polygon's apothem: `‖v_N‖ ≤ tolerance` (a stopping plan).
    /// A fallback plan satisfies the first three groups, not necessarily the others; a
    /// solved plan with ``recoveringObjects`` > 0 may violate the clearance of those objects.
    public func constraintViolations(for input: RobotMPCInput, settings: RobotMPCSettings,
                                     tolerance: Double = 1e-9) -> [String] {
        let big = settings.horizon
        guard positions.count == big + 1, velocities.count == big + 1, accelerations.count == big else {
            return ["sizes \(positions.count), \(velocities.count), \(accelerations.count) for horizon \(big)"]
        }
        var problems: [String] = []
        if positions[0] != input.state.position || velocities[0] != input.state.velocity {
            problems.append("the plan does not start at the current state")
        }
        let clearance = settings.radius + settings.safetyMargin
        for k in 0..<big {
            let next = RobotDynamics.propagate(RobotState(position: positions[k], velocity: velocities[k]),
                                               acceleration: accelerations[k], dt: settings.dt)
            if (next.position - positions[k + 1]).length > tolerance || (next.velocity - velocities[k + 1]).length > tolerance {
                problems.append("step \(k) does not follow the dynamics")
            }
            if accelerations[k].length > settings.maxAccel + tolerance {
                problems.append("‖a_\(k)‖ = \(accelerations[k].length) > \(settings.maxAccel)")
            }
        }
        for k in 1...big {
            let p = positions[k]
            if velocities[k].length > settings.maxSpeed + tolerance {
                problems.append("‖v_\(k)‖ = \(velocities[k].length) > \(settings.maxSpeed)")
            }
            if abs(p.x) > input.halfWidth - clearance + tolerance || abs(p.y) > input.halfHeight - clearance + tolerance {
                problems.append("p_\(k) = (\(p.x), \(p.y)) is outside the workspace shrunk by \(clearance)")
            }
            for (index, obstacle) in input.obstacles.enumerated() {
                let distance = RobotMPC.distance(from: p, to: obstacle)
                if distance < clearance - tolerance {
                    problems.append("p_\(k) is \(distance) m from obstacle \(index), needs \(clearance)")
                }
            }
            for (index, neighbour) in input.neighbours.enumerated() where !neighbour.positions.isEmpty {
                let required = settings.radius + neighbour.radius + settings.safetyMargin + neighbour.margin
                let distance = (p - neighbour.position(at: k)).length
                if distance < required - tolerance {
                    problems.append("p_\(k) is \(distance) m from neighbour \(index), needs \(required)")
                }
            }
        }
        let apothem = settings.maxAccel * Math.cos(Double.pi / Double(settings.polygonSides)) - settings.constraintTightening
        if settings.terminalAtRest, input.state.velocity.length <= Double(big) * settings.dt * apothem,
           velocities[big].length > tolerance {
            problems.append("the plan does not end at rest: ‖v_N‖ = \(velocities[big].length)")
        }
        return problems
    }
}
