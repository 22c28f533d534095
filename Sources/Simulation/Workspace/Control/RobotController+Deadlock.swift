/// Deadlocks: two robots face to face, each in the other's way, neither moving (a corridor one
/// robot wide, a narrow gap, a jam). Each robot, on its own:
///
/// - **Detection**: it has been stalled (slower than ``RobotTuning/stallSpeedFraction`` of its speed
///   limit, not at its goal) for ``RobotTuning/stallSteps``; a sensed robot, stalled too and not at
///   its goal, is within ``RobotTuning/blockGap`` (gap between the discs), and either lies ahead
///   towards this robot's target while this robot lies ahead towards the other's broadcast target
///   (face to face), or heads for about the same point (side by side at a corridor's mouth:
///   targets within ``RobotTuning/sharedTargetDistance``), or the jam has lasted three times the
///   stall time. The nearest such robot is the counterpart.
/// - **Bid**: its time to goal along its route, and the time to back off to a free place out of the
///   counterpart's way (``PocketFinder/retreat(from:radius:margin:counterpart:counterpartTarget:others:)``:
///   a free place among the robots it senses, else one the robots behind it must clear, else
///   straight back); each plus ``RobotTuning/infeasiblePenalty`` when the
///   MPC's what-if (``RobotMPC/evaluate(_:)``) for that choice — heading on without the
///   counterpart, or heading for the way out — finds no feasible plan. Fixed for the contest and
///   broadcast in the intent.
/// - **Game**: when the counterpart's bid has arrived, both build the same ``DeadlockGame`` and
///   select the same equilibrium: one proceeds, one yields. Should the counterpart announce the
///   same choice anyway (messages lost in between), the lower id's choice stands.
/// - **Giving way**: the yielding robot follows the route to its free place and waits there until
///   the counterpart is no longer in its way or moves away ahead of it (both going the same way),
///   and no other robot comes at it within ``RobotTuning/oncomingRange`` (the rest of a column
///   through a corridor), or after ``RobotTuning/yieldTimeoutSteps``, then
///   plans its route again from where it is. A robot standing where a yielding robot backs off to
///   makes room too (it yields to that robot without a game of its own) until that robot no
///   longer yields.
extension RobotController {
    func updateDeadlock(_ observation: RobotObservation, routeTarget: Vector2, neighbours: [NeighbourPrediction],
                        neighbourIDs: [AgentID], event: (String, String) -> Void) -> DeadlockStep {
        let step = observation.step
        let position = observation.ego.state.position
        let stallSpeed = tuning.stallSpeedFraction * maxSpeed
        func sensed(_ other: AgentID) -> SensedRobot? { observation.sensed.first { $0.id == other } }
        func fresh(_ other: AgentID) -> RobotIntent? {
            guard let intent = intents.latest(from: other), step - intent.sentStep <= predictor.maximumAge else { return nil }
            return intent
        }
        func gap(_ robot: SensedRobot) -> Double { (robot.position - position).length - radius - robot.radius }
        func inMyWay(_ robot: SensedRobot) -> Bool {
            WorkspaceMetrics.isAhead(robot.position, of: position, towards: routeTarget, cosLimit: tuning.inWayCos)
        }
        func coolingDown(_ other: AgentID) -> Bool { (cooldown[other] ?? -1) > step }
        func finish(_ other: AgentID) {
            cooldown[other] = step + tuning.replayCooldownSteps
            phase = .free
        }

        switch phase {
        case .free:
            // Make room for a robot that backs off towards this one (not just after giving way
            // itself: the robots that made room for it are still backing off, for a step or two).
            for robot in observation.sensed where robot.id != id && !coolingDown(robot.id)
                && step - lastYieldEnd > tuning.replayCooldownSteps {
                guard let intent = fresh(robot.id), intent.decision.kind == .yield, intent.decision.counterpart != id,
                      gap(robot) < tuning.blockGap + 0.5,
                      WorkspaceMetrics.isAhead(position, of: robot.position, towards: intent.target, cosLimit: tuning.inWayCos),
                      (position - robot.position).length < (intent.target - robot.position).length + radius + robot.radius
                else { continue }
                let pocket = pocketFinder.retreat(from: position, radius: radius, margin: settings.safetyMargin,
                                                  counterpart: robot, counterpartTarget: intent.target,
                                                  others: observation.sensed)
                let retreat = pocket.map { RouteFollower(route: $0.route, destination: $0.place, reachDistance: tuning.waypointReach) }
                phase = .yielding(counterpart: robot.id, bid: nil, retreat: retreat, since: step)
                let whom = intent.decision.counterpart.map { names[$0] } ?? "another robot"
                event("yield", "makes room for \(names[robot.id]), which gives way to \(whom): "
                      + (pocket.map { "backs off to \(point($0.place)), \(DecimalText.render($0.length)) m" } ?? "no free place found, waits"))
                return yieldingStep(retreat: retreat, counterpart: robot.id, bid: nil, position: position)
            }
            // Detect a deadlock.
            guard stalledSteps >= tuning.stallSteps, !observation.ego.atGoal else { break }
            var best: (robot: SensedRobot, gap: Double)?
            for robot in observation.sensed where robot.id != id && !coolingDown(robot.id) {
                let g = gap(robot)
                guard g < tuning.blockGap, robot.velocity.length < stallSpeed,
                      let intent = fresh(robot.id), !intent.atGoal
                else { continue }
                // Face to face (each in the other's way), or side by side for the same passage
                // (both heading for about the same point, e.g. a corridor's mouth).
                let faceToFace = inMyWay(robot)
                    && WorkspaceMetrics.isAhead(position, of: robot.position, towards: intent.target, cosLimit: tuning.inWayCos)
                let samePassage = (intent.target - routeTarget).length < tuning.sharedTargetDistance
                    && (routeTarget - position).length > tuning.sharedTargetDistance
                // Or any jam that has lasted: stalled for three times as long, next to a stalled robot.
                let lasting = stalledSteps >= 3 * tuning.stallSteps
                guard faceToFace || samePassage || lasting else { continue }
                switch intent.decision.kind {
                case .none: break
                case .contest, .proceed, .yield: if intent.decision.counterpart != id { continue }
                }
                if best == nil || g < best!.gap { best = (robot, g) }
            }
            guard let counterpart = best?.robot else { break }
            let (bid, pocket) = makeBid(observation, against: counterpart, routeTarget: routeTarget,
                                        neighbours: neighbours, neighbourIDs: neighbourIDs)
            phase = .contest(counterpart: counterpart.id, bid: bid, pocket: pocket, since: step)
            return DeadlockStep(target: nil, decision: RobotDecision(kind: .contest, counterpart: counterpart.id), bid: bid,
                                games: 0)

        case .contest(let other, let bid, let pocket, let since):
            let robot = sensed(other)
            if let intent = fresh(other), let theirs = intent.bid, theirs.counterpart == id {
                let outcome = DeadlockGame.resolve(me: id, mine: bid, other: other, theirs: theirs, rule: rule,
                                                   tuning: tuning, names: names)
                var proceeds = outcome.proceeds
                var detail = outcome.detail
                let announced = intent.decision
                if announced.counterpart == id, (announced.kind == .proceed) == proceeds,
                   announced.kind == .proceed || announced.kind == .yield, other < id {
                    proceeds.toggle()
                    detail += "; \(names[other]) had announced it \(announced.kind == .proceed ? "proceeds" : "yields"), its choice stands"
                }
                event("deadlock-game", detail)
                if proceeds {
                    phase = .proceeding(counterpart: other, bid: bid, since: step)
                    return DeadlockStep(target: nil, decision: RobotDecision(kind: .proceed, counterpart: other), bid: bid,
                                        games: 1)
                }
                let retreat = pocket.map { RouteFollower(route: $0, destination: $0.last!, reachDistance: tuning.waypointReach) }
                phase = .yielding(counterpart: other, bid: bid, retreat: retreat, since: step)
                event("yield", "gives way to \(names[other]): "
                      + (pocket.map { "backs off to \(point($0.last!)), \(DecimalText.render(WorkspaceMetrics.length(of: $0, from: position))) m" }
                         ?? "no free place found, waits"))
                var result = yieldingStep(retreat: retreat, counterpart: other, bid: bid, position: position)
                result.games = 1
                return result
            }
            if step - since > tuning.contestTimeoutSteps || robot == nil || gap(robot!) > tuning.blockGap + 0.5 {
                finish(other)
                break
            }
            return DeadlockStep(target: nil, decision: RobotDecision(kind: .contest, counterpart: other), bid: bid, games: 0)

        case .proceeding(let other, let bid, let since):
            let robot = sensed(other)
            let done = robot == nil || step - since > tuning.yieldTimeoutSteps
                || (step - since >= tuning.yieldMinimumSteps && (!inMyWay(robot!) || gap(robot!) > 2 * tuning.blockGap))
            if done {
                finish(other)
                break
            }
            return DeadlockStep(target: nil, decision: RobotDecision(kind: .proceed, counterpart: other), bid: bid, games: 0)

        case .yielding(let other, let bid, var retreat, let since):
            let robot = sensed(other)
            var reason: String?
            if robot == nil {
                reason = "out of sensor range"
            } else if step - since > tuning.yieldTimeoutSteps {
                reason = "no longer waits (\(DecimalText.render(Double(step - since) * dt, 1)) s)"
            } else if step - since >= tuning.yieldMinimumSteps {
                if bid == nil {
                    // Making room: until that robot no longer yields.
                    if fresh(other)?.decision.kind != .yield { reason = "no longer gives way" }
                } else if fresh(other)?.atGoal == true {
                    reason = "at its goal"
                } else if !inMyWay(robot!) && gap(robot!) > tuning.blockGap {
                    reason = "no longer in the way"
                } else if gap(robot!) > tuning.blockGap,
                          robot!.velocity.dot(robot!.position - position) > tuning.stallSpeedFraction * maxSpeed * (robot!.position - position).length {
                    // Same way (a jam at a corridor's mouth): it goes ahead, this one follows.
                    reason = "goes ahead, away from it"
                }
            }
            if reason != nil, step - since <= tuning.yieldTimeoutSteps,
               observation.sensed.contains(where: { robot in
                   robot.id != id && gap(robot) < tuning.oncomingRange
                       && robot.velocity.dot(position - robot.position)
                           > tuning.stallSpeedFraction * maxSpeed * (position - robot.position).length
               }) {
                // Others still come this way (the rest of a column through a corridor): wait on.
                reason = nil
            }
            if let reason {
                finish(other)
                lastYieldEnd = step
                route?.replan(from: position, planner: planner)
                event("yield-ended", "resumes towards its goal: \(names[other]) \(reason)")
                break
            }
            var result = yieldingStep(retreat: retreat, counterpart: other, bid: bid, position: position)
            if var follower = retreat {
                result.target = follower.target(from: position, planner: planner)
                retreat = follower
            }
            phase = .yielding(counterpart: other, bid: bid, retreat: retreat, since: since)
            return result
        }
        return DeadlockStep(target: nil, decision: .none, bid: nil, games: 0)
    }

    private func yieldingStep(retreat: RouteFollower?, counterpart: AgentID, bid: DeadlockBid?, position: Vector2) -> DeadlockStep {
        DeadlockStep(target: retreat?.waypoints[retreat!.next] ?? position,
                     decision: RobotDecision(kind: .yield, counterpart: counterpart), bid: bid, games: 0)
    }

    /// This robot's bid against `counterpart`, and the route to the place it would back off to.
    private func makeBid(_ observation: RobotObservation, against counterpart: SensedRobot, routeTarget: Vector2,
                         neighbours: [NeighbourPrediction], neighbourIDs: [AgentID]) -> (DeadlockBid, [Vector2]?) {
        let position = observation.ego.state.position
        let intent = intents.latest(from: counterpart.id)
        let others = zip(neighbours, neighbourIDs).filter { $0.1 != counterpart.id }.map(\.0)
        let nearby = nearbyObstacles(position)
        func feasible(_ target: Vector2, _ predictions: [NeighbourPrediction]) -> Bool {
            let input = RobotMPCInput(state: observation.ego.state, target: target, neighbours: predictions,
                                      obstacles: nearby, halfWidth: halfWidth, halfHeight: halfHeight)
            if case .solved = mpc.evaluate(input).status { return true }
            return false
        }
        // Accelerating to full speed and braking again costs about v/a on top of length/v.
        let overhead = maxSpeed / maxAccel
        var proceedTime = (route?.remainingLength(from: position) ?? (goal - position).length) / maxSpeed + overhead
        if !feasible(routeTarget, others) { proceedTime += tuning.infeasiblePenalty }
        let pocket = pocketFinder.retreat(from: position, radius: radius, margin: settings.safetyMargin,
                                          counterpart: counterpart, counterpartTarget: intent?.target,
                                          others: observation.sensed)
        var retreatTime = DeadlockBid.unableToYield
        if let pocket {
            retreatTime = pocket.length / maxSpeed + overhead
            if !feasible(pocket.route[0], others) { retreatTime += tuning.infeasiblePenalty }
        }
        let bid = DeadlockBid(counterpart: counterpart.id, proceedTime: proceedTime, retreatTime: retreatTime)
        return (bid, pocket?.route)
    }

    func point(_ p: Vector2) -> String { "(\(DecimalText.render(p.x)) \(DecimalText.render(p.y)))" }
}
