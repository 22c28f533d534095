/// The brain of one robot: a distributed MPC controller that sees only its ``RobotObservation``
/// (own state and goal, sensed robots within range, delivered intents) and keeps its own memory
/// (the latest intent of each sender, its route, the state of a deadlock it is in).
///
/// One decision (``decide(_:)``):
/// 1. file the delivered intents (the newest per sender);
/// 2. pick the intermediate target on its route (``RouteFollower``; the route comes from the
///    ``GridRoutePlanner`` once, at the first decision);
/// 3. predict every sensed robot that could come near within the horizon
///    (``RobotNeighbourPredictor``: its broadcast plan shifted by the message's age, or constant
///    sensed velocity, with a margin for what the prediction may miss; a robot whose latest
///    messages were lost both ways, as planned and braking (at rest: standing where it is,
///    whatever its stale plan says)). Every robot treats every other alike — no leaders, no
///    followers — because the shared separating planes of ``RobotMPC`` keep two robots apart
///    only when both write them. A robot in fallback broadcasts the plan it follows (the rest of
///    its committed stopping plan, or braking), so its plan needs nothing more;
/// 4. look after deadlocks (``RobotController+Deadlock``): detect one, play the deadlock game,
///    give way (the target becomes a free place to back off to) or proceed, resume;
/// 5. solve its MPC (``RobotMPC``); its first acceleration is the command; when the QP is
///    infeasible while robots are closer than their full clearance, solve again keeping the present
///    distance from those and never step towards them (``relaxedForCrowding(_:position:)``),
///    then (nearly at rest only) also
///    without the prediction margins of the others; when that fails too, the MPC's fallback (the
///    rest of its committed plan, or braking) is the command and `fallback-brake` is logged
///    with the reason;
/// 6. broadcast the plan, its target, its decision (and its bid in a deadlock game).
///
/// A robot at its goal with nobody near stays at rest without solving (its plan: stand still).
final class RobotController: @unchecked Sendable {
    let id: AgentID
    let names: AgentDirectory
    let radius: Double
    let maxSpeed: Double
    let maxAccel: Double
    let goal: Vector2
    let settings: RobotControllerConfig
    let tuning: RobotTuning
    let dt: Double
    let delaySteps: Int
    let rule: ContestRule
    let obstacles: [Obstacle]
    let halfWidth: Double
    let halfHeight: Double
    /// Routes and lines of sight with the MPC's clearance plus ``RobotTuning/routeClearance``.
    let planner: GridRoutePlanner
    /// Routes with the radius only, where `planner` finds none (narrow corridors).
    let narrowPlanner: GridRoutePlanner
    let pocketFinder: PocketFinder
    let predictor: RobotNeighbourPredictor
    var mpc: RobotMPC
    var route: RouteFollower?
    var intents: RobotIntentMemory
    /// Consecutive steps stalled (slow, not at the goal).
    var stalledSteps = 0
    var phase: DeadlockPhase = .free
    /// When this robot last stopped giving way (step).
    var lastYieldEnd = Int.min / 2
    /// Until which step a deadlock with a robot may not be played again.
    var cooldown: [AgentID: Int] = [:]

    /// - Parameter world: the map (size, obstacles, controller defaults); its robots are not read.
    init(id: AgentID, names: AgentDirectory, robot: RobotConfig, maxSpeed: Double, maxAccel: Double,
         settings: RobotControllerConfig, world: WorkspaceConfig, dt: Double, delaySteps: Int, rule: ContestRule,
         tuning: RobotTuning = .standard) {
        self.id = id
        self.names = names
        intents = RobotIntentMemory(agents: names.count)
        radius = robot.radius
        self.maxSpeed = maxSpeed
        self.maxAccel = maxAccel
        goal = robot.goal
        self.settings = settings
        self.tuning = tuning
        self.dt = dt
        self.delaySteps = delaySteps
        self.rule = rule
        obstacles = world.obstacles
        halfWidth = 0.5 * world.width
        halfHeight = 0.5 * world.height
        planner = GridRoutePlanner(workspace: world,
                                   clearance: robot.radius + settings.safetyMargin + tuning.routeClearance,
                                   cellSize: tuning.routeCellSize)
        narrowPlanner = GridRoutePlanner(workspace: world, clearance: robot.radius, cellSize: tuning.routeCellSize)
        pocketFinder = PocketFinder(planner: planner, obstacles: world.obstacles, halfWidth: 0.5 * world.width,
                                    halfHeight: 0.5 * world.height, tuning: tuning)
        predictor = RobotNeighbourPredictor(horizon: settings.horizon, dt: dt, delaySteps: delaySteps,
                                            defaultMaxSpeed: world.controller.maxSpeed,
                                            defaultMaxAccel: world.controller.maxAccel)
        mpc = RobotMPC(settings: RobotMPCSettings(dt: dt, radius: robot.radius, maxSpeed: maxSpeed, maxAccel: maxAccel,
                                                  controller: settings))
    }

    /// Reach of the horizon at full speed [m].
    var horizonReach: Double { maxSpeed * Double(settings.horizon) * dt }

    func decide(_ observation: RobotObservation) -> RobotCommand {
        let step = observation.step, time = observation.time
        let ego = observation.ego
        let position = ego.state.position
        var events: [SimulationEvent] = []
        func event(_ name: String, _ detail: String) {
            events.append(SimulationEvent(time: time, agent: names[id], event: name, detail: detail))
        }

        // 1. Intents.
        intents.file(observation.inbox, except: id)
        if step % 50 == 0 && step > 0 {
            intents.forget(before: step - 2 * settings.horizon)
            cooldown = cooldown.filter { $0.value > step }
        }

        // 2. Route.
        if route == nil {
            route = RouteFollower(route: planner.route(from: position, to: goal)
                                    ?? narrowPlanner.route(from: position, to: goal), destination: goal,
                                  reachDistance: tuning.waypointReach)
        }
        let routeTarget = ego.atGoal ? goal : route!.target(from: position, planner: planner)

        // 3. Neighbours that could come near within the horizon.
        var neighbours: [NeighbourPrediction] = []
        var neighbourIDs: [AgentID] = []
        let speed = ego.state.velocity.length
        stalledSteps = (!ego.atGoal && speed < tuning.stallSpeedFraction * maxSpeed) ? stalledSteps + 1 : 0
        let turned = keepingRight(routeTarget, observation)
        for robot in observation.sensed where robot.id != id {
            let intent = intents.latest(from: robot.id)
            let gap = (robot.position - position).length - radius - robot.radius
            let reach = horizonReach + (intent?.maxSpeed ?? maxSpeed) * Double(settings.horizon) * dt
            guard gap <= reach + tuning.relevanceSlack else { continue }
            neighbours.append(predictor.predict(robot, intent: intent, step: step))
            if let intent, step - intent.sentStep > delaySteps, !intent.atGoal {
                // Messages lost: it may have braked since (a fallback) — keep clear of that
                // too; a robot sensed at rest stays where it is, whatever its stale plan says.
                neighbours.append(predictor.predictBraking(robot, maxAccel: intent.maxAccel))
                neighbourIDs.append(robot.id)
            }
            neighbourIDs.append(robot.id)
        }

        // 4. Deadlocks.
        let deadlock = updateDeadlock(observation, routeTarget: routeTarget, neighbours: neighbours,
                                      neighbourIDs: neighbourIDs, event: event)
        let target = deadlock.target ?? turned

        // 5. MPC (or rest at the goal).
        let input = RobotMPCInput(state: ego.state, target: target, neighbours: neighbours,
                                  obstacles: nearbyObstacles(position), halfWidth: halfWidth, halfHeight: halfHeight)
        let n = settings.horizon
        let plan: RobotPlan
        var solved = true
        if ego.atGoal, deadlock.decision.kind == .none, speed < settings.goalSpeedTolerance,
           (target - position).length < settings.goalTolerance, neighbours.isEmpty {
            plan = restingPlan(ego.state, horizon: n)
            solved = false
            mpc.reset()  // its previous plan is no longer the one followed
        } else {
            plan = mpc.plan(input, relaxations: {
                // Squeezed: tiers before the fallback. Keep the present distance from the robots
                // already too close; then, for a robot nearly at rest, also drop the prediction
                // margins of the others (the bare clearance, radius + safety margin, stays). A
                // robot still moving falls back rather than plan with the bare clearance: that plan
                // would speed it up again into a conflict its next plan could not solve.
                guard let crowded = self.relaxedForCrowding(input, position: position) else { return [] }
                var tiers = [crowded]
                if speed < self.tuning.stallSpeedFraction * self.maxSpeed {
                    var bare = input
                    bare.neighbours = input.neighbours.map {
                        NeighbourPrediction(positions: $0.positions, radius: $0.radius, margin: 0)
                    }
                    tiers.append(self.relaxedForCrowding(bare, position: position) ?? bare)
                }
                return tiers
            })
        }
        var acceleration = plan.accelerations.first ?? Vector2(0, 0)
        var usedFallback = false
        if case .fallback(let reason) = plan.status {
            usedFallback = true
            event("fallback-brake", reason)
        }
        let norm = acceleration.length
        if norm > maxAccel { acceleration = (maxAccel / norm) * acceleration }

        // 6. Intent.
        let intent = RobotIntent(sender: id, sentStep: step, positions: plan.positions, velocities: plan.velocities,
                                 radius: radius, maxSpeed: maxSpeed, maxAccel: maxAccel,
                                 target: deadlock.target ?? routeTarget, isFallback: usedFallback, atGoal: ego.atGoal,
                                 decision: deadlock.decision, bid: deadlock.bid)
        return RobotCommand(acceleration: acceleration, intent: intent, events: events,
                            solveTime: solved ? plan.solveTime : -1, iterations: plan.iterations,
                            usedFallback: usedFallback, gamesSolved: deadlock.games)
    }

    /// The right-hand rule: when a robot is ahead (within the in-way cone, closer than
    /// ``RobotTuning/rightHandRange`` between the discs, nearer than the target), the aim turns
    /// right by ``RobotTuning/rightHandAngle`` (``RobotTuning/rightHandStalledAngle`` once
    /// stalled) and comes no further than the horizon's reach, so that robots meeting head-on or
    /// in a crowd all pass on the same side — the circulation that untangles swaps — instead of
    /// pushing straight at each other. Not where the turned aim is out of line of sight (in a
    /// corridor, along a wall).
    func keepingRight(_ target: Vector2, _ observation: RobotObservation) -> Vector2 {
        let position = observation.ego.state.position
        let toTarget = target - position
        let distance = toTarget.length
        guard distance >= tuning.rightHandMinimumDistance else { return target }
        let blocked = observation.sensed.contains { robot in
            (robot.position - position).length - radius - robot.radius < tuning.rightHandRange
                && (robot.position - position).length < distance
                && WorkspaceMetrics.isAhead(robot.position, of: position, towards: target, cosLimit: tuning.inWayCos)
        }
        guard blocked else { return target }
        let angle = stalledSteps >= tuning.stallSteps ? tuning.rightHandStalledAngle : tuning.rightHandAngle
        let c = Math.cos(-angle), s = Math.sin(-angle)
        let reach = Swift.min(distance, horizonReach + 1)
        let scale = reach / distance
        let turned = position + Vector2(scale * (c * toTarget.x - s * toTarget.y), scale * (s * toTarget.x + c * toTarget.y))
        // Only where there is room to the right (not in a corridor, not along a wall).
        return planner.isSegmentClear(position, turned) ? turned : target
    }

    /// `input` with the clearance from every robot already closer than its required clearance
    /// (radius + safety margin + prediction margin) lowered to the present distance (margin first,
    /// then the radius); nil when no robot is that close. Squeezed by robots that strayed from
    /// their broadcast plans, the robot may then ease out — never closer than it is now to their
    /// predicted paths — instead of braking where it stands; the others keep their full clearance.
    ///
    /// **Invariant: a pair too close never closes in.** The predicted paths of a too-close robot
    /// may be wrong (stale after lost messages, or replanned since: it is squeezed too), so
    /// keeping the present distance from them alone lets two squeezed robots creep into each
    /// other, each step a little. Each robot closer than the bare clearance (radius + radius +
    /// safety margin: the prediction margin may be large after lost messages, and holding robots
    /// that far would lock up a corridor) therefore also gets a hold
    /// (``NeighbourPrediction/holdsNormal``): at step 1, a half-plane through this robot's own
    /// position facing away from the other's sensed centre `q`,
    /// `n·(p_1 − q) ≥ ‖p_0 − q‖ − ε` with the fixed `n = (p_0 − q)/‖p_0 − q‖`. When both robots
    /// of a pair obey it, the distance along the line between them, hence the distance, does
    /// not shrink over the step (up to `2ε`, ε = 1e-6 m), whatever their messages said. Only
    /// the step taken is held: later steps may still turn round the other (the line between
    /// them turns with every step), so that a squeezed pair can pass instead of locking up.
    func relaxedForCrowding(_ input: RobotMPCInput, position: Vector2) -> RobotMPCInput? {
        var relaxed = input
        var changed = false
        let slack = 1e-4, holdSlack = 1e-6
        var holds: [NeighbourPrediction] = []
        relaxed.neighbours = input.neighbours.map { neighbour in
            let distance = (neighbour.positions[0] - position).length
            let bare = radius + neighbour.radius + settings.safetyMargin
            guard distance < bare + neighbour.margin + slack else { return neighbour }
            changed = true
            if distance >= bare + slack {
                return NeighbourPrediction(positions: neighbour.positions, radius: neighbour.radius,
                                           margin: distance - bare - slack)
            }
            holds.append(NeighbourPrediction(
                positions: [neighbour.positions[0]],
                radius: Swift.max(0, distance - radius - settings.safetyMargin - holdSlack), margin: 0,
                holdsNormal: true))
            return NeighbourPrediction(positions: neighbour.positions,
                                       radius: Swift.max(0, distance - radius - settings.safetyMargin - slack), margin: 0)
        }
        relaxed.neighbours += holds
        return changed ? relaxed : nil
    }

    /// Obstacles whose boundary the robot could reach within the horizon.
    func nearbyObstacles(_ position: Vector2) -> [Obstacle] {
        let reach = horizonReach + radius + settings.safetyMargin + tuning.obstacleSlack
        return obstacles.filter { WorkspaceMetrics.distance(from: position, to: $0) <= reach }
    }

    /// Standing still (the command cancels what speed is left).
    func restingPlan(_ state: RobotState, horizon n: Int) -> RobotPlan {
        var braking = (-1 / dt) * state.velocity
        if braking.length > maxAccel { braking = (maxAccel / braking.length) * braking }
        let next = state.position + dt * state.velocity + (0.5 * dt * dt) * braking
        var positions = [Vector2](repeating: next, count: n + 1)
        positions[0] = state.position
        var velocities = [Vector2](repeating: Vector2(0, 0), count: n + 1)
        velocities[0] = state.velocity
        var accelerations = [Vector2](repeating: Vector2(0, 0), count: n)
        accelerations[0] = braking
        return RobotPlan(positions: positions, velocities: velocities, accelerations: accelerations, status: .solved,
                         cost: 0, iterations: 0, solveTime: 0)
    }
}
