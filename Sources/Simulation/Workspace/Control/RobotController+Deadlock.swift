/// Deadlocks: two robots face to face, each in the other's way, neither moving (a corridor one
/// robot wide, a narrow gap, a jam). Each robot, on its own:
///
/// - **Detection**: it has been stalled (slower than ``RobotTuning/stallSpeedFraction`` of its speed
///   limit, not at its goal) for ``RobotTuning/stallSteps``; a sensed robot, stalled too and not at
///   its goal, is within ``RobotTuning/blockGap`` (gap between the discs), and either lies ahead
///   towards this robot's target while this robot lies ahead towards the other's broadcast target
///   (face to face), or heads for about the same point (side by side at a corridor's mouth:
///   targets within ``RobotTuning/sharedTargetDistance``), or the jam has lasted three times the
///   stall time. The nearest such robot is the counterpart. Or, before any stall, *early*: a robot
///   heard of heads the other way into the narrow stretch ahead on this robot's route (a corridor
///   one robot wide) and both would be in it at the same time (``oncomingInPassage(_:)``): the
///   game is played at the passage's mouth, and the robot that yields waits outside instead of
///   backing out of it. Such a *passage* contest goes by where the counterpart's intents say it
///   is (it may be out of sensor range), not by the gap between the two.
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
///   or has given up going first (a winner that stands stalled for
///   ``RobotTuning/proceedGiveUpSteps`` since the game is blocked by something else and lets go),
///   and no other robot comes at it within ``RobotTuning/oncomingRange`` (the rest of a column
///   through a corridor), or after ``RobotTuning/yieldTimeoutSteps``, then
///   plans its route again from where it is. A robot standing where a yielding robot backs off to
///   makes room too (it yields to that robot without a game of its own) until that robot no
///   longer yields — unless the robot it gives way to waits for this one (a circle of waits).
/// - **Passages**: the robot that won a passage contest proceeds until it has passed the robot
///   waiting for it (or that one stopped waiting, or it is stalled itself); a robot that finds such a robot oncoming in
///   its passage gives way to it without a game, until it has passed or proceeds no more.
extension RobotController {
    func updateDeadlock(_ observation: RobotObservation, routeTarget: Vector2, neighbours: [NeighbourPrediction],
                        neighbourIDs: [AgentID], event: (String, String) -> Void) -> DeadlockStep {
        let step = observation.step
        let position = observation.ego.state.position
        let stallSpeed = tuning.stallSpeedFraction * maxSpeed
        func sensed(_ other: AgentID) -> SensedRobot? { observation.sensed.first { $0.id == other } }
        func fresh(_ other: AgentID) -> RobotIntent? { freshIntent(from: other, step: step) }
        /// Sensed, or where its intent says it is (a passage's counterpart may be out of sensor range).
        func located(_ other: AgentID, passage: Bool) -> SensedRobot? {
            passage ? known(other, observation) : sensed(other)
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
                // Not when the robot it gives way to waits for this one: making room would close
                // a circle of robots each waiting for the next (until the yield timeout).
                if let whom = intent.decision.counterpart, let theirs = fresh(whom),
                   theirs.decision.kind == .yield, theirs.decision.counterpart == id { continue }
                let pocket = pocketFinder.retreat(from: position, radius: radius, margin: settings.safetyMargin,
                                                  counterpart: robot, counterpartTarget: intent.target,
                                                  others: observation.sensed)
                let retreat = pocket.map { RouteFollower(route: $0.route, destination: $0.place, reachDistance: tuning.waypointReach) }
                phase = .yielding(counterpart: robot.id, bid: nil, retreat: retreat, since: step, passage: false)
                let whom = intent.decision.counterpart.map { names[$0] } ?? "another robot"
                event("yield", "makes room for \(names[robot.id]), which gives way to \(whom): "
                      + (pocket.map { "backs off to \(point($0.place)), \(DecimalText.render($0.length)) m" } ?? "no free place found, waits"))
                return yieldingStep(retreat: retreat, counterpart: robot.id, bid: nil, position: position)
            }
            guard !observation.ego.atGoal else { break }
            // Detect a deadlock.
            var best: (robot: SensedRobot, gap: Double)?
            for robot in observation.sensed where stalledSteps >= tuning.stallSteps && robot.id != id && !coolingDown(robot.id) {
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
            // Or detect one to come: an oncoming robot in the narrow passage ahead.
            let passage = best == nil
            var found = best?.robot
            if found == nil, let oncoming = oncomingInPassage(observation) {
                if oncoming.hasPassage {
                    // It won the passage in a game already: give way without a game of its own.
                    let pocket = pocketFinder.retreat(from: position, radius: radius, margin: settings.safetyMargin,
                                                      counterpart: oncoming.robot, counterpartTarget: fresh(oncoming.robot.id)?.target,
                                                      others: observation.sensed)
                    let retreat = pocket.map { RouteFollower(route: $0.route, destination: $0.place, reachDistance: tuning.waypointReach) }
                    phase = .yielding(counterpart: oncoming.robot.id, bid: nil, retreat: retreat, since: step, passage: true)
                    event("yield", "gives way to \(names[oncoming.robot.id]), which goes first through the narrow passage ahead: "
                          + (pocket.map { "backs off to \(point($0.place)), \(DecimalText.render($0.length)) m" } ?? "no free place found, waits"))
                    return yieldingStep(retreat: retreat, counterpart: oncoming.robot.id, bid: nil, position: position)
                }
                found = oncoming.robot
            }
            guard let counterpart = found else { break }
            let (bid, pocket) = makeBid(observation, against: counterpart, routeTarget: routeTarget,
                                        neighbours: neighbours, neighbourIDs: neighbourIDs)
            phase = .contest(counterpart: counterpart.id, bid: bid, pocket: pocket, since: step, passage: passage)
            return DeadlockStep(target: nil, decision: RobotDecision(kind: .contest, counterpart: counterpart.id), bid: bid,
                                games: 0)

        case .contest(let other, let bid, let pocket, let since, let passage):
            let robot = located(other, passage: passage)
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
                event("deadlock-game", detail + (passage ? "; in the narrow passage ahead, before meeting there" : ""))
                if proceeds {
                    phase = .proceeding(counterpart: other, bid: bid, since: step, passage: passage)
                    return DeadlockStep(target: nil, decision: RobotDecision(kind: .proceed, counterpart: other), bid: bid,
                                        games: 1)
                }
                let retreat = pocket.map { RouteFollower(route: $0, destination: $0.last!, reachDistance: tuning.waypointReach) }
                phase = .yielding(counterpart: other, bid: bid, retreat: retreat, since: step, passage: passage)
                event("yield", "gives way to \(names[other]): "
                      + (pocket.map { "backs off to \(point($0.last!)), \(DecimalText.render(WorkspaceMetrics.length(of: $0, from: position))) m" }
                         ?? "no free place found, waits"))
                var result = yieldingStep(retreat: retreat, counterpart: other, bid: bid, position: position)
                result.games = 1
                return result
            }
            // A passage's counterpart busy with a third robot will not answer (a contest that crossed
            // another when messages were lost): give up now and look again.
            let busy = passage && fresh(other).map { $0.decision.kind != .none && $0.decision.counterpart != id } == true
            if step - since > tuning.contestTimeoutSteps || robot == nil || busy
                || (!passage && gap(robot!) > tuning.blockGap + 0.5) {
                finish(other)
                break
            }
            return DeadlockStep(target: nil, decision: RobotDecision(kind: .contest, counterpart: other), bid: bid, games: 0)

        case .proceeding(let other, let bid, let since, let passage):
            let robot = located(other, passage: passage)
            // Stalled all along since the game: something else blocks it; it gives up going first.
            let blocked = stalledSteps >= tuning.proceedGiveUpSteps && step - since >= tuning.proceedGiveUpSteps
            var done = robot == nil || step - since > tuning.yieldTimeoutSteps || blocked
            if !done && step - since >= tuning.yieldMinimumSteps {
                if passage {
                    // It has the passage until it has passed the robot that waits for it (or that one
                    // stopped waiting): the other way's robots give way to it meanwhile. Stalled, it
                    // does not use it (a jam at the mouth): it lets go, and a deadlock may be detected.
                    let waits = fresh(other).map { $0.decision.kind == .yield && $0.decision.counterpart == id } ?? false
                    done = !waits || stalledSteps >= tuning.stallSteps
                        || !WorkspaceMetrics.isAhead(robot!.position, of: position, towards: routeTarget, cosLimit: 0)
                } else {
                    done = !inMyWay(robot!) || gap(robot!) > 2 * tuning.blockGap
                }
            }
            if done {
                finish(other)
                break
            }
            return DeadlockStep(target: nil, decision: RobotDecision(kind: .proceed, counterpart: other), bid: bid, games: 0)

        case .yielding(let other, let bid, var retreat, let since, let passage):
            let robot = located(other, passage: passage)
            var reason: String?
            if robot == nil {
                reason = passage ? "no longer heard of" : "out of sensor range"
            } else if step - since > tuning.yieldTimeoutSteps {
                reason = "no longer waits (\(DecimalText.render(Double(step - since) * dt, 1)) s)"
            } else if step - since >= tuning.yieldMinimumSteps {
                if bid == nil && passage {
                    // Giving way to the robot that has the passage: until it has passed, or has it no more.
                    if fresh(other)?.decision.kind != .proceed {
                        reason = "no longer goes first"
                    } else if !inMyWay(robot!) && gap(robot!) > tuning.blockGap {
                        reason = "no longer in the way"
                    }
                } else if bid == nil {
                    // Making room: until that robot no longer yields.
                    if fresh(other)?.decision.kind != .yield { reason = "no longer gives way" }
                } else if fresh(other)?.atGoal == true {
                    reason = "at its goal"
                } else if step - since >= tuning.proceedGiveUpSteps, fresh(other)?.decision.kind != .proceed,
                          robot!.velocity.length < tuning.stallSpeedFraction * maxSpeed {
                    // It stopped going first and stands: something else blocks it.
                    reason = "gave up going first"
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
            phase = .yielding(counterpart: other, bid: bid, retreat: retreat, since: since, passage: passage)
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

    /// The newest intent from `other`, unless older than the predictor's ``RobotNeighbourPredictor/maximumAge``.
    func freshIntent(from other: AgentID, step: Int) -> RobotIntent? {
        guard let intent = intents.latest(from: other), step - intent.sentStep <= predictor.maximumAge else { return nil }
        return intent
    }

    /// `other` as sensed, or else where its fresh intent says it is now (its plan, shifted by the
    /// message's age); nil when neither.
    func known(_ other: AgentID, _ observation: RobotObservation) -> SensedRobot? {
        if let robot = observation.sensed.first(where: { $0.id == other }) { return robot }
        guard let intent = freshIntent(from: other, step: observation.step) else { return nil }
        let k = Swift.min(Swift.max(0, observation.step - intent.sentStep), intent.positions.count - 1)
        return SensedRobot(id: other, position: intent.positions[k], velocity: intent.velocities[k], radius: intent.radius)
    }

    /// Early detection of a deadlock in a narrow passage: the robot that would meet this one, head
    /// on, inside the first stretch of its route ahead (within ``RobotTuning/passageLookahead``)
    /// too narrow for two robots to pass (``PassageFinder``, from the map alone); nil when none.
    ///
    /// Candidates are the robots heard of (fresh intents, sensor range or not), not at their goal,
    /// not yielding, not contesting a third robot, not cooling down with this one. A
    /// candidate's way is the segment from where it is (``known(_:_:)``) to its broadcast target
    /// (the waypoint of its route it heads for, in line of sight: through the passage, when it is
    /// bound for it); it meets this robot when it goes the other way through the stretch while
    /// this robot is in it (``NarrowPassage/meets(position:target:speed:ownSpeed:tolerance:oncomingCos:slack:step:)``,
    /// both at full speed, within ``RobotTuning/passageTimeSlack``). The counterpart is such a robot
    /// that already contests this one, else the nearest. Both robots see the same passage from
    /// their ends, so both start the contest — while still apart, one of them, typically, not yet
    /// in the passage. A contest that crossed another (lost messages: each heard of a different
    /// robot first) is given up as soon as the counterpart is seen busy with a third robot.
    ///
    /// `hasPassage`: the counterpart proceeds — it won the passage in a game with another robot
    /// and keeps it until it has passed the robot that waits for it — so this robot gives way to
    /// it without a game (one way at a time through the passage, whatever the pairs that played).
    func oncomingInPassage(_ observation: RobotObservation) -> (robot: SensedRobot, hasPassage: Bool)? {
        guard let route else { return nil }
        let step = observation.step
        let position = observation.ego.state.position
        var candidates: [(robot: SensedRobot, intent: RobotIntent)] = []
        for index in 0..<names.count {
            let other = AgentID(index: index)
            guard other != id, (cooldown[other] ?? -1) <= step, let intent = freshIntent(from: other, step: step),
                  !intent.atGoal else { continue }
            switch intent.decision.kind {
            case .none, .proceed: break
            case .yield: continue
            case .contest: if intent.decision.counterpart != id { continue }
            }
            guard let robot = known(other, observation),
                  (robot.position - position).length <= tuning.passageLookahead + tuning.sensorRange else { continue }
            candidates.append((robot, intent))
        }
        guard let widest = candidates.map(\.robot.radius).max() else { return nil }
        let finder = PassageFinder(workspace: planner.workspace, sampleStep: tuning.passageSampleStep)
        let ahead = Array(route.waypoints[route.next...])
        guard let passage = finder.find(from: position, along: ahead, lookahead: tuning.passageLookahead,
                                        passingWidth: 2 * (radius + widest) + 3 * settings.safetyMargin)
        else { return nil }
        var best: (robot: SensedRobot, proceeds: Bool, key: (Int, Double))?
        for (robot, intent) in candidates {
            guard passage.meets(position: robot.position, target: intent.target, speed: intent.maxSpeed, ownSpeed: maxSpeed,
                                tolerance: radius + robot.radius + 0.5 * tuning.passageSampleStep,
                                oncomingCos: tuning.passageOncomingCos, slack: tuning.passageTimeSlack,
                                step: tuning.passageSampleStep)
            else { continue }
            // One that goes first (it won the passage), then one that already contests this one (it
            // waits for this robot's bid), then the nearest.
            let rank = intent.decision.kind == .proceed ? 0 : intent.decision.kind == .contest ? 1 : 2
            let key = (rank, (robot.position - position).length)
            if best == nil || key < best!.key { best = (robot, rank == 0, key) }
        }
        return best.map { ($0.robot, $0.proceeds) }
    }

    func point(_ p: Vector2) -> String { "(\(DecimalText.render(p.x)) \(DecimalText.render(p.y)))" }
}
