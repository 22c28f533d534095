import Optimization

/// Writing one call's data into the solver: the linearisation, the gradient, the bounds of the
/// fixed rows, the half-plane rows chosen by the reachability rule (with the sidestep of
/// conflicting predictions and the recovery widening), and the capacity of the half-plane rows.
extension RobotMPC {
    /// Extra reach [m] added to the reachability rule, so that rounding never leaves out a
    /// half-plane that could bind.
    static let reachSlack = 1e-6

    /// Loads `input` into the solver; returns why it cannot be solved, or nil. With `hold`, the
    /// objects whose prediction conflicts are linearised at the current position instead of
    /// being passed (see ``RobotMPC``). Sets `conflictCount`.
    mutating func load(_ input: RobotMPCInput, hold: Bool = false) -> String? {
        if let reason = input.invalidReason { return "invalid input: \(reason)" }
        let state = input.state
        computeLinearisation(from: state)
        problem.writeGradient(&gradient, state: state, target: input.target)
        problem.writeFixedBounds(lower: &lower, upper: &upper, velocity: state.velocity)
        if !hold { shrinkCapacityIfIdle() }
        writeHalfPlanes(input, hold: hold)
        let sourceCount = 2 + input.obstacles.count + input.neighbours.count
        if settings.warmStart && hasWarmStart && !hold { writeGuess(sourceCount: sourceCount) }
        do {
            if needsRebuild {
                let n = problem.variableCount, bound = problem.accelerationApothem
                solver = try QPSolver(program: QuadraticProgram(
                    hessian: problem.hessian, gradient: gradient, constraintMatrix: matrix,
                    constraintLower: lower, constraintUpper: upper,
                    variableLower: Array(repeating: -bound, count: n),
                    variableUpper: Array(repeating: bound, count: n)))
                needsRebuild = false
            } else {
                try solver.updateGradient(gradient)
                try solver.updateConstraintBounds(lower: lower, upper: upper)
                // The matrix changes only through half-plane rows (written now or cleared now).
                if !changedRows.isEmpty { try solver.updateConstraintRows(changedRows, from: matrix) }
            }
        } catch {
            hasWarmStart = false
            return "QP data rejected: \(error)"
        }
        return nil
    }

    /// ō_k: the previous plan's accelerations shifted one step (the last one zero) rolled out
    /// from `state`; a straight line when there is no previous plan.
    mutating func computeLinearisation(from state: RobotState) {
        var current = state
        linearisation[0] = state.position
        for k in 0..<horizon {
            let a = hasPreviousPlan && k + 1 < horizon ? previousAccelerations[k + 1] : Vector2(0, 0)
            current = RobotDynamics.propagate(current, acceleration: a, dt: settings.dt)
            linearisation[k + 1] = current.position
        }
    }

    /// Relative slack [1] by which a recovering row's bound is moved beyond the braking plan's
    /// value, so the braking plan is strictly inside (no degenerate single-point feasible set).
    static let recoverySlack = 1e-6

    /// The recovery braking plan's positions, k = 0…N: decelerate at the acceleration polygon's
    /// apothem `c_a` along `−v` (the disc of radius `c_a` lies inside the polygon, and the
    /// velocity shrinks along its own direction, so it stays inside the speed polygon when it
    /// starts there): a point that satisfies every fixed row.
    mutating func computeRecoveryBraking(from state: RobotState) {
        let limit = problem.accelerationApothem, dt = settings.dt
        var current = state
        recoveryBraking[0] = state.position
        for k in 0..<horizon {
            let speed = current.velocity.length
            var a = Vector2(0, 0)
            if speed > 0 {
                let magnitude = Swift.min(limit, speed / dt)
                a = (-magnitude / speed) * current.velocity
            }
            current = RobotDynamics.propagate(current, acceleration: a, dt: dt)
            recoveryBraking[k + 1] = current.position
        }
    }

    /// `R_k`: how far any feasible plan can be from `p_0` at step k (see ``RobotMPC``).
    @inline(__always)
    func reach(step k: Int, speed: Double) -> Double {
        settings.dt * (0.5 * speed + (Double(k) - 0.5) * settings.maxSpeed) + Self.reachSlack
    }

    /// Writes every half-plane row the reachability rule asks for, after the fixed rows.
    mutating func writeHalfPlanes(_ input: RobotMPCInput, hold: Bool) {
        let state = input.state, p0 = state.position, speed = state.velocity.length
        let clearance = settings.radius + settings.safetyMargin
        let tightening = settings.constraintTightening
        variableRowCount = 0
        conflictCount = 0
        recoveringCount = 0
        computeRecoveryBraking(from: state)

        // Walls, one two-sided row per axis and step.
        for axis in 0..<2 {
            let half = axis == 0 ? input.halfWidth : input.halfHeight
            let coordinate = axis == 0 ? p0.x : p0.y
            let room = half - clearance - abs(coordinate)
            let normal = axis == 0 ? Vector2(1, 0) : Vector2(0, 1)
            let recovering = room < tightening
            // Already in contact (placed there): no worse than braking, without the contact floor.
            let touching = room + settings.safetyMargin < tightening
            if recovering && room <= reach(step: horizon, speed: speed) { recoveringCount += 1 }
            for k in 1...horizon where room <= reach(step: k, speed: speed) {
                let free = normal.dot(problem.freePosition(step: k, from: state))
                var rowLower = -half + clearance + tightening - free, rowUpper = half - clearance - tightening - free
                if recovering {
                    // No worse than braking, never into contact (unless touching already).
                    let braking = normal.dot(recoveryBraking[k]) - free
                    let slack = Self.recoverySlack * (1 + abs(braking))
                    let contactLower = touching ? -Double.infinity : -half + settings.radius + tightening - free
                    let contactUpper = touching ? Double.infinity : half - settings.radius - tightening - free
                    rowLower = Swift.min(rowLower, Swift.max(contactLower, braking - slack))
                    rowUpper = Swift.max(rowUpper, Swift.min(contactUpper, braking + slack))
                }
                appendRow(normal: normal, step: k, source: axis, lower: rowLower, upper: rowUpper)
            }
        }

        // Obstacles.
        for (index, obstacle) in input.obstacles.enumerated() {
            let gap = Self.distance(from: p0, to: obstacle) - clearance
            if gap > reach(step: horizon, speed: speed) { continue }
            let (centre, extent) = Self.centreAndExtent(of: obstacle)
            for k in 0...horizon { relative[k] = linearisation[k] - centre }
            let shift = sidestep(required: extent + clearance, input)
            let conflict = shift != Vector2(0, 0)
            if conflict { conflictCount += 1 }
            let recovering = gap < tightening
            // Already in contact (placed there): no worse than braking, without the contact floor.
            let touching = gap + settings.safetyMargin < tightening
            if recovering { recoveringCount += 1 }
            for k in 1...horizon where gap <= reach(step: k, speed: speed) {
                let point = conflict && hold ? p0 : linearisation[k] + shift
                let (normal, offset) = Self.separatingHalfPlane(
                    of: obstacle, around: point, current: p0, clearance: clearance)
                let free = normal.dot(problem.freePosition(step: k, from: state))
                var rowLower = offset + tightening - free
                if recovering {
                    // No worse than braking, never into contact (unless touching already): the
                    // braking point's clearance along this normal may be below the radius
                    // (see "Recovery" in ``RobotMPC``).
                    let braking = normal.dot(recoveryBraking[k]) - free
                    let contact = touching ? -Double.infinity : offset - settings.safetyMargin + tightening - free
                    rowLower = Swift.min(rowLower, Swift.max(contact, braking - Self.recoverySlack * (1 + abs(braking))))
                }
                appendRow(normal: normal, step: k, source: 2 + index, lower: rowLower, upper: .infinity)
            }
        }

        // Other robots.
        let firstNeighbour = 2 + input.obstacles.count
        for (index, neighbour) in input.neighbours.enumerated() {
            let required = settings.radius + neighbour.radius + settings.safetyMargin + neighbour.margin
            let contact = settings.radius + neighbour.radius + tightening
            let recovering = settings.separationRecovery && (p0 - neighbour.position(at: 0)).length < required + tightening
            var relevant = false
            for k in 1...horizon where (p0 - neighbour.position(at: k)).length - required <= reach(step: k, speed: speed) {
                relevant = true
                break
            }
            if !relevant { continue }
            if recovering { recoveringCount += 1 }
            for k in 0...horizon { relative[k] = linearisation[k] - neighbour.position(at: k) }
            let shift = neighbour.holdsNormal ? Vector2(0, 0) : sidestep(required: required, input)
            let conflict = shift != Vector2(0, 0)
            if conflict { conflictCount += 1 }
            for k in 1...(neighbour.holdsNormal ? 1 : horizon) {
                let q = neighbour.position(at: k)
                if (p0 - q).length - required > reach(step: k, speed: speed) { continue }
                let point = (conflict && hold) || neighbour.holdsNormal ? p0 : linearisation[k] + shift
                let normal = Self.direction(from: q, to: point, orFrom: q, to: p0)
                let free = normal.dot(problem.freePosition(step: k, from: state))
                // The shared plane: beyond the midpoint of the own and the other's prediction by
                // half the required distance, and at least the required distance from q (see
                // RobotMPC). Not for a conflict (the point is a sidestep, not a prediction) or a hold.
                let shared = conflict || neighbour.holdsNormal ? 0 : 0.5 * ((point - q).length + required)
                var separation = Swift.max(required, shared) + tightening
                if recovering {
                    // No worse than braking, and never into contact (see RobotMPC).
                    let braking = normal.dot(recoveryBraking[k] - q)
                    separation = Swift.max(contact, Swift.min(separation, braking - Self.recoverySlack * (1 + abs(braking))))
                }
                appendRow(normal: normal, step: k, source: firstNeighbour + index,
                          lower: normal.dot(q) + separation - free, upper: .infinity)
            }
        }

        // Clear the rows used last time but not now.
        let n = problem.variableCount, first = problem.fixedRowCount
        changedRows = first..<(first + Swift.max(variableRowCount, writtenRowCount))
        if writtenRowCount > variableRowCount {
            for row in variableRowCount..<writtenRowCount {
                let i = first + row
                for c in 0..<n { matrix[i * n + c] = 0 }
                lower[i] = -.infinity
                upper[i] = .infinity
            }
        }
        writtenRowCount = variableRowCount
    }

    /// Appends the half-plane row `lower ≤ normalᵀ(p_k − p_k^free) ≤ upper`.
    @inline(__always)
    mutating func appendRow(normal: Vector2, step k: Int, source: Int, lower rowLower: Double, upper rowUpper: Double) {
        if variableRowCount == variableRowCapacity { growCapacity() }
        let row = problem.fixedRowCount + variableRowCount
        problem.writePositionRow(&matrix, row: row, normal: normal, step: k)
        lower[row] = rowLower
        upper[row] = rowUpper
        rowSource[variableRowCount] = source
        rowStep[variableRowCount] = k
        variableRowCount += 1
    }

    /// Calls in a row using at most a quarter of the half-plane capacity before it is halved.
    static let shrinkAfter = 100

    /// Halves the half-plane capacity (not below N) after ``shrinkAfter`` calls in a row that
    /// used at most a quarter of it, so a robot that once met a crowd does not pay for its idle
    /// rows forever; the solver is rebuilt at the end of ``load(_:)``. Must run before the rows
    /// of the call are written (the rows in use then, `writtenRowCount`, fit the new capacity).
    mutating func shrinkCapacityIfIdle() {
        if variableRowCapacity <= horizon || 4 * writtenRowCount > variableRowCapacity {
            idleCalls = 0
            return
        }
        idleCalls += 1
        if idleCalls < Self.shrinkAfter { return }
        idleCalls = 0
        let n = problem.variableCount
        let capacity = Swift.max(horizon, variableRowCapacity / 2)
        let rows = problem.fixedRowCount + capacity
        matrix.removeLast((variableRowCapacity - capacity) * n)
        lower.removeLast(variableRowCapacity - capacity)
        upper.removeLast(variableRowCapacity - capacity)
        rowSource.removeLast(variableRowCapacity - capacity)
        rowStep.removeLast(variableRowCapacity - capacity)
        variableRowCapacity = capacity
        guess = QPActiveSet(constraintCount: rows, variableCount: n)
        needsRebuild = true
    }

    /// Doubles the half-plane capacity; the solver is rebuilt at the end of ``load(_:)``.
    mutating func growCapacity() {
        let n = problem.variableCount, extra = variableRowCapacity
        variableRowCapacity += extra
        matrix.append(contentsOf: repeatElement(0, count: extra * n))
        lower.append(contentsOf: repeatElement(-.infinity, count: extra))
        upper.append(contentsOf: repeatElement(.infinity, count: extra))
        rowSource.append(contentsOf: repeatElement(0, count: extra))
        rowStep.append(contentsOf: repeatElement(0, count: extra))
        guess = QPActiveSet(constraintCount: problem.fixedRowCount + variableRowCapacity, variableCount: n)
        needsRebuild = true
    }

    /// The sidestep of the linearisation for one object, from `relative[k] = ō_k − (object's
    /// reference point at k)`, k = 0…N.
    ///
    /// When the straight or shifted prediction ō passes through the object (`min_k ‖relative[k]‖ <
    /// required`), the normals `relative[k]/‖relative[k]‖` turn through 180° along the horizon —
    /// "be before it" at first, "be past it" later — and the half-planes contradict each other
    /// (a head-on encounter would always be infeasible). The linearisation point is then moved by
    /// `required` sideways, perpendicular to the relative motion around the closest approach, to
    /// the side where ō already passes (to the right of the own relative motion when it passes
    /// dead centre). The normals then turn around the object on one side, which is a
    /// manoeuvre: pass it. Both robots of a head-on pair choose consistent sides (each keeps
    /// right). Any unit normal gives a valid half-plane, so this choice changes which plan is
    /// found, never the guaranteed clearance.
    ///
    /// **Blocked.** A plan that ends at rest stops *in front of* an object in its way instead of
    /// running into it, so ō alone never shows the conflict and the robot would wait there for
    /// ever. The way on from ō's end towards `target` is therefore checked too: when that segment
    /// comes within `required` of the object's last point, the sidestep is taken from it (to the
    /// right of the way on when it runs dead centre).
    /// - Returns: the shift to add to ō_k (zero when the prediction and the way on are clear).
    func sidestep(required: Double, _ input: RobotMPCInput) -> Vector2 {
        var best = 1, bestLength = relative[1].length
        for k in 2...horizon {
            let length = relative[k].length
            if length < bestLength { best = k; bestLength = length }
        }
        if bestLength >= required { return blockedSidestep(required: required, input) }
        let motion = relative[Swift.min(best + 1, horizon)] - relative[best - 1]
        let length = motion.length
        if length < 1e-9 { return Vector2(0, 0) }
        let right = Vector2(motion.y / length, -motion.x / length)
        let side = right.dot(relative[best])
        let direction = side < -1e-9 ? Vector2(-right.x, -right.y) : right
        let object = linearisation[best] - relative[best]
        return required * openSide(direction, around: object, required: required, input)
    }

    /// The sidestep for an object that blocks the way on from ō's end towards the target (see
    /// ``sidestep(required:_:)``), or zero.
    func blockedSidestep(required: Double, _ input: RobotMPCInput) -> Vector2 {
        let end = relative[horizon]                   // ō_N relative to the object's last point
        let way = input.target - linearisation[horizon]
        let length = way.length
        guard length > 1e-9 else { return Vector2(0, 0) }
        let u = (1 / length) * way
        let along = Swift.min(length, Swift.max(0, -u.dot(end)))
        guard along > 0 else { return Vector2(0, 0) }
        let closest = end + along * u
        if closest.length >= required { return Vector2(0, 0) }
        let right = Vector2(u.y, -u.x)
        let direction = right.dot(closest) < -1e-9 ? Vector2(-right.x, -right.y) : right
        let object = linearisation[horizon] - end
        return required * openSide(direction, around: object, required: required, input)
    }

    /// `direction`, or the opposite one when passing `object` on that side is impossible and on
    /// the other side is not: the point `object + required·direction`, where the robot's centre
    /// would pass, must keep the robot's clearance (radius + safety margin) from the walls and
    /// the obstacles of `input`. A robot dead in line with another against a shelf passes on the
    /// side where there is room, not into the shelf.
    func openSide(_ direction: Vector2, around object: Vector2, required: Double, _ input: RobotMPCInput) -> Vector2 {
        let clearance = settings.radius + settings.safetyMargin
        func isOpen(_ point: Vector2) -> Bool {
            guard abs(point.x) <= input.halfWidth - clearance, abs(point.y) <= input.halfHeight - clearance else {
                return false
            }
            return input.obstacles.allSatisfy { Self.distance(from: point, to: $0) >= clearance }
        }
        let opposite = Vector2(-direction.x, -direction.y)
        if !isOpen(object + required * direction) && isOpen(object + required * opposite) { return opposite }
        return direction
    }
}
