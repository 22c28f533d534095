import Optimization

/// The brain of one car: a distributed MPC controller that sees only its ``CarObservation``
/// (own state, sensed cars within range, delivered intent messages) and keeps its own memory
/// (the latest intent of each sender, its warm-started QP, its last decision).
///
/// One decision (``decide(_:)``):
/// 1. file the delivered intents (the newest per sender);
/// 2. place every sensed car on the map (lane, station) and assess the merge order
///    (``MergeCoordinator``; the rule is the scenario's ``MergeOrderPolicy``);
/// 3. an unmerged ramp car checks whether it may begin its lane change now (``GapAcceptance``);
/// 4. build the MPC bounds: the cars it must follow are the cars ahead in its lane (both lanes
///    while changing; a car changing lanes counts in both), predicted by ``NeighbourPredictor``
///    (more conservatively without a fresh intent); the cars it yields to, projected onto its
///    lane, as relaxed bounds; the end of the acceleration lane as a stopped obstacle until the
///    car has merged; solve the QP (``CarMPC``);
/// 5. when the solve fails, apply the fallback — the strongest braking the jerk limit allows, in
///    its lane — and log `fallback-brake`;
/// 6. pass the command through the ``SafetyEnvelope`` (cars ahead, lane end, unseen road);
/// 7. broadcast the plan (or the braking plan actually applied) and the decision.
final class CarController: @unchecked Sendable {
    let id: AgentID
    let names: AgentDirectory
    let route: Route
    let length: Double
    let width: Double
    let desiredSpeed: Double
    let settings: CarControllerConfig
    let limits: VehicleLimits
    let geometry: HighwayGeometry
    let tuning: ControllerTuning
    let dt: Double
    let delaySteps: Int
    let policy: any MergeOrderPolicy
    private var mpc: CarMPC
    private let predictor: NeighbourPredictor
    private let envelope: SafetyEnvelope

    /// The newest intent of each sender (pruned of old ones from time to time).
    private var intents = IntentMemory()
    private var lastDecision: IntentDecision = .none
    /// This car's place in the merge order, fixed when it first decides in the contest zone.
    private var ticket: Double?
    /// Tickets of other cars estimated when first sensed in the zone, until their intent tells.
    private var estimatedTickets: [AgentID: Double] = [:]
    /// The last order of each contested pair this car is in (true: the ramp car goes first).
    private var orders: [AgentID: Bool] = [:]
    /// Cars followed last step without a fresh intent (to log only changes).
    private var staleLeaders: [AgentID] = []
    // Scratch buffers, reused every step.
    private var stations: [Double]
    private var speeds: [Double]
    private var bounds: [SafetyEnvelope.Bound] = []
    private var tracks: [NeighbourTrack] = []

    /// For tests: when set, every QP solve is treated as failed (to exercise the fallback).
    var forceSolverFailure = false

    init(id: AgentID, names: AgentDirectory, car: CarConfig, settings: CarControllerConfig, desiredSpeed: Double,
         geometry: HighwayGeometry, dt: Double, delaySteps: Int, rule: ContestRule,
         tuning: ControllerTuning = .standard) {
        self.id = id
        self.names = names
        route = car.route
        length = car.length
        width = car.width
        self.desiredSpeed = desiredSpeed
        self.settings = settings
        limits = VehicleLimits(settings)
        self.geometry = geometry
        self.tuning = tuning
        self.dt = dt
        self.delaySteps = delaySteps
        let limits = VehicleLimits(settings)
        let reactionTime = Double(delaySteps + tuning.reactionSteps) * dt
        policy = rule.makeMergePolicy(settings: settings, dt: dt, tuning: tuning) { speed in
            GapAcceptance.requiredFollowerGap(followerSpeed: speed, leaderSpeed: speed, settings: settings, limits: limits,
                                              reactionTime: reactionTime, dt: dt)
                - (settings.minGap + settings.timeHeadway * speed) + tuning.yieldExtraGap
        }
        mpc = CarMPC(settings: settings, desiredSpeed: desiredSpeed, dt: dt, tuning: tuning)
        predictor = NeighbourPredictor(horizon: settings.horizon, dt: dt, freshAge: delaySteps + tuning.freshnessSlackSteps,
                                       staleDeceleration: tuning.stalePredictionDeceleration)
        envelope = SafetyEnvelope(limits: limits, dt: dt)
        stations = Array(repeating: 0, count: settings.horizon + 1)
        speeds = stations
    }

    private init(copying other: CarController) {
        id = other.id
        names = other.names
        route = other.route
        length = other.length
        width = other.width
        desiredSpeed = other.desiredSpeed
        settings = other.settings
        limits = other.limits
        geometry = other.geometry
        tuning = other.tuning
        dt = other.dt
        delaySteps = other.delaySteps
        policy = other.policy
        mpc = other.mpc
        predictor = other.predictor
        envelope = other.envelope
        intents = other.intents
        lastDecision = other.lastDecision
        ticket = other.ticket
        estimatedTickets = other.estimatedTickets
        orders = other.orders
        staleLeaders = other.staleLeaders
        stations = other.stations
        speeds = other.speeds
        bounds = other.bounds
        tracks = other.tracks
        forceSolverFailure = other.forceSolverFailure
    }

    /// The reaction time assumed of a main-lane car to a car changing into its lane [s].
    var reactionTime: Double { Double(delaySteps + tuning.reactionSteps) * dt }

    /// The gaps the merge order asks, from this car's settings (others are assumed alike).
    var clearances: MergeCoordinator.Clearances {
        let settings = settings, limits = limits, reactionTime = reactionTime, dt = dt
        return MergeCoordinator.Clearances(
            mainBehindRamp: { mainSpeed, rampSpeed in
                GapAcceptance.requiredFollowerGap(followerSpeed: mainSpeed, leaderSpeed: rampSpeed, settings: settings,
                                                  limits: limits, reactionTime: reactionTime, dt: dt)
            },
            rampBehindMain: { rampSpeed in settings.minGap + settings.timeHeadway * rampSpeed })
    }

    /// Decides from `observation`. `keeping` replaces the merge assessment with a given one (the
    /// Nash gap's best response keeps the car's merge decisions and re-plans only its trajectory).
    func decide(_ observation: CarObservation, keeping fixedMerge: MergeAssessment? = nil) -> CarCommand {
        // Work on local copies of the scratch buffers (no exclusivity checks in the loops) and
        // hand them back at the end (no allocation).
        var stations: [Double] = [], speeds: [Double] = [], bounds: [SafetyEnvelope.Bound] = []
        var tracks: [NeighbourTrack] = []
        swap(&stations, &self.stations)
        swap(&speeds, &self.speeds)
        swap(&bounds, &self.bounds)
        swap(&tracks, &self.tracks)
        defer {
            swap(&stations, &self.stations)
            swap(&speeds, &self.speeds)
            swap(&bounds, &self.bounds)
            swap(&tracks, &self.tracks)
        }
        let step = observation.step, time = observation.time
        let ego = observation.ego
        let me = ego.motion
        let n = settings.horizon
        var events: [SimulationEvent] = []
        func event(_ name: String, _ detail: String) {
            events.append(SimulationEvent(time: time, agent: names[id], event: name, detail: detail))
        }

        // 1. Intents.
        intents.file(observation.inbox, except: id)
        if step % 50 == 0 { intents.forget(before: step - 50) }
        let freshAge = delaySteps + tuning.freshnessSlackSteps
        func freshIntent(_ track: NeighbourTrack) -> IntentMessage? {
            guard let intent = track.intent, step - intent.sentStep <= freshAge else { return nil }
            return intent
        }

        // 2. Map and merge order.
        tracks.removeAll(keepingCapacity: true)
        for car in observation.sensed where car.id != id {
            var track = NeighbourTrack(car, geometry: geometry)
            track.intent = intents.latest(from: car.id)
            tracks.append(track)
        }
        let zone = MergeCoordinator.zone(geometry, tuning)
        if ticket == nil, ego.isUnmergedRampCar || ego.lane == .main, zone.contains(me.station) {
            ticket = MergeCoordinator.predictedArrival(time: time, station: me.station, speed: me.speed,
                                                       desiredSpeed: desiredSpeed, acceleration: limits.maxAccel,
                                                       geometry: geometry, tuning: tuning)
        }
        // A given assessment (the Nash gap's best response) is kept: no need to play the games again.
        let merge = fixedMerge ?? MergeCoordinator.assess(
            ego: ego, ticket: zone.contains(me.station) ? ticket : nil, tracks: tracks, geometry: geometry,
            tuning: tuning, policy: policy, clearances: clearances,
            ticketOf: { track in
                if let known = track.intent?.mergeTicket { return known }
                if let estimate = self.estimatedTickets[track.id] { return estimate }
                let estimate = MergeCoordinator.predictedArrival(
                    time: time, station: track.station, speed: track.speed, desiredSpeed: self.geometry.speedLimit,
                    acceleration: self.limits.maxAccel, geometry: self.geometry, tuning: self.tuning)
                self.estimatedTickets[track.id] = estimate
                return estimate
            },
            declaration: { freshIntent($0)?.decision },
            desiredSpeed: desiredSpeed, desiredSpeedOf: { $0.intent?.desiredSpeed ?? self.geometry.speedLimit },
            previousOrder: { self.orders[$0] })
        orders.removeAll(keepingCapacity: true)
        for (contender, rampFirst) in merge.orders { orders[contender] = rampFirst }
        if step % 50 == 0, !estimatedTickets.isEmpty {
            let seen = Set(tracks.map(\.id))
            estimatedTickets = estimatedTickets.filter { seen.contains($0.key) }
        }

        // 3. Lane change.
        var laneChange: LaneChangePath?
        if ego.lane == .accel,
           let candidate = GapAcceptance.evaluate(ego: ego, tracks: tracks, yieldTo: merge.yieldTo, geometry: geometry,
                                                  settings: settings, limits: limits, reactionTime: reactionTime, dt: dt) {
            laneChange = candidate.path
            let ahead = candidate.ahead.map { names[$0] } ?? "nobody"
            let behind = candidate.behind.map { names[$0] } ?? "nobody"
            event("lane-change-started",
                  "behind \(ahead) ahead of \(behind), length \(DecimalText.render(candidate.path.length)) m")
        }
        let lane: LaneKind = laneChange != nil ? .changing : ego.lane

        // 4. Bounds: cars to follow, cars to yield to, the lane end.
        mpc.resetBounds()
        bounds.removeAll(keepingCapacity: true)
        let front = me.station + 0.5 * length
        var leaderInView = false
        var nowStale: [AgentID] = []
        for track in tracks where track.station > me.station && Self.mustFollow(track.lane, from: lane) {
            leaderInView = true
            let intent = track.intent
            let quality = predictor.predict(track, intent: intent, step: step, stations: &stations, speeds: &speeds)
            let extra = quality.isFresh ? 0 : tuning.staleExtraGap
            if !quality.isFresh && intent != nil {
                nowStale.append(track.id)
                if !staleLeaders.contains(track.id) {
                    event("intent-stale", "following \(names[track.id]) on its last intent, \(DecimalText.render(Double(step - intent!.sentStep) * dt)) s old")
                }
            }
            let rearOffset = 0.5 * track.length + front + extra
            mpc.follow(stations, offset: rearOffset, virtual: false)
            let brake = Swift.max(limits.maxBrake, intent?.maxBrake ?? 0)
            let stopPoint = stations[n] + speeds[n] * speeds[n] / (2 * brake)
            mpc.terminalBound = Swift.min(mpc.terminalBound, stopPoint - rearOffset - settings.minGap)
            bounds.append(envelope.bound(behind: track.station, speed: track.speed, length: track.length, brake: brake,
                                         egoLength: length, gap: tuning.safetyGap, source: track.id))
        }
        staleLeaders = nowStale
        if lane == .ramp || lane == .accel {
            let stopLine = geometry.mergeEnd - 0.5 * length - LaneChangePath.minimumLength
            mpc.laneEndBound = stopLine - me.station
            mpc.terminalBound = Swift.min(mpc.terminalBound, stopLine - me.station)
            bounds.append(envelope.bound(stopAt: geometry.mergeEnd - 0.5 * length - tuning.safetyGap))
        }
        bounds.append(envelope.bound(stopAt: me.station + tuning.sensorRange - tuning.unseenObstacleSetback
                                     - 0.5 * length - tuning.safetyGap))
        if laneChange == nil {
            // A main-lane car opening a gap leaves room for the merging car's gap acceptance (its
            // reaction margin); a ramp car merging behind a car needs only its normal headway.
            let extra = lane == .main
                ? GapAcceptance.requiredFollowerGap(followerSpeed: me.speed, leaderSpeed: me.speed, settings: settings,
                                                    limits: limits, reactionTime: reactionTime, dt: dt)
                    - (settings.minGap + settings.timeHeadway * me.speed) + tuning.yieldExtraGap
                : 0
            for other in merge.yieldTo {
                guard let track = tracks.first(where: { $0.id == other }) else { continue }
                // A ramp car need not brake for a car behind it that it lets go first: that car
                // is faster (or the order would be settled the other way), and gap acceptance
                // keeps the ramp car from merging ahead of it. Braking would only widen the
                // speed difference and make the next car unable to let it in.
                if lane != .main && track.station < me.station { continue }
                predictor.predict(track, intent: freshIntent(track), step: step, nominal: true,
                                  stations: &stations, speeds: &speeds)
                mpc.follow(stations, offset: 0.5 * track.length + front + extra, virtual: true)
            }
        }

        // 5. Solve, or fall back.
        var result = mpc.solve(speed: me.speed, previousAcceleration: me.acceleration, desiredSpeed: desiredSpeed)
        if forceSolverFailure { result.status = .numericalFailure }
        var command: Double
        let usedFallback = result.status != .solved
        if usedFallback {
            command = VehicleDynamics.emergencyAcceleration(after: me.acceleration, limits: limits, dt: dt)
            event("fallback-brake", "qp \(result.status.rawValue): strongest braking in lane")
        } else {
            command = result.firstAcceleration
        }

        // 6. Safety envelope.
        let filtered = envelope.filter(command, state: me, bounds: bounds)
        command = filtered.acceleration
        if filtered.violated {
            event("safety-envelope-violated", "strongest braking cannot keep the safety envelope")
        }

        // 7. Intent.
        var planStations = [Double](repeating: me.station, count: n + 1)
        var planSpeeds = [Double](repeating: me.speed, count: n + 1)
        var planAccelerations: [Double]
        if !(usedFallback || filtered.intervened) {
            mpc.plannedTrajectory(from: me.station, speed: me.speed, stations: &planStations, speeds: &planSpeeds)
            planAccelerations = mpc.plan
        } else {
            planAccelerations = [command]
            var state = VehicleDynamics.advance(me, acceleration: command, dt: dt)
            for k in 1...n {
                planStations[k] = state.station
                planSpeeds[k] = state.speed
                let next = VehicleDynamics.emergencyAcceleration(after: state.acceleration, limits: limits, dt: dt)
                if k < n { planAccelerations.append(next) }
                state = VehicleDynamics.advance(state, acceleration: next, dt: dt)
            }
        }

        var decision = merge.decision ?? IntentDecision(kind: leaderInView ? .follow : .none)
        if lane == .changing { decision = IntentDecision(kind: leaderInView ? .follow : .none) }
        if let counterpart = decision.counterpart, decision != lastDecision {
            let verb = decision.kind == .goFirst ? "goes before" : "yields to"
            event("merge-decision", "\(verb) \(names[counterpart]) (\(merge.reason))")
        }
        lastDecision = decision

        let intent = IntentMessage(sender: id, sentStep: step, lane: lane, stations: planStations, speeds: planSpeeds,
                                   decision: decision, maxBrake: limits.maxBrake, desiredSpeed: desiredSpeed,
                                   mergeTicket: zone.contains(me.station) ? ticket : nil)
        return CarCommand(acceleration: command, laneChange: laneChange, intent: intent, decision: decision.kind,
                          events: events, solveTime: result.solveTime, iterations: result.iterations,
                          usedFallback: usedFallback, envelopeIntervened: filtered.intervened,
                          plan: planAccelerations, cost: usedFallback ? .infinity : result.cost, merge: merge)
    }

    /// An independent copy of this controller's memory and solver (for tentative decisions: the
    /// in-step rounds and the best response of the Nash gap). The merge policy is shared: its
    /// caches never change a result.
    func clone() -> CarController {
        CarController(copying: self)
    }

    /// This car's terms of the Nash gap of the joint plan: what it could still gain by
    /// re-planning alone against the others' final plans (`finals`, delivered fresh), keeping its
    /// merge decisions, given that it applies the plan of `decided`, decided at `observation`.
    ///
    /// - `gap` = max(0, J(plan) − J(best response)) [MPC cost units], both costs of the same
    ///   objective (the constraints do not enter the cost);
    /// - `conflict` = the largest violation of the constraints of the best response's program
    ///   (whose bounds come from the others' final plans) by the plan [m or m/s]: how far the
    ///   plan, made against older predictions of the others, is from being feasible against
    ///   their final plans (e.g. a car starting its lane change in front of it at this step).
    ///
    /// The joint plan is an ε-equilibrium of the (generalised) trajectory game when every car's
    /// gap is at most ε and its conflict 0. Call on a clone taken *before* the car decided (so
    /// its memory is that of the decision). Nil when the best response's QP was not solved.
    func bestResponseGap(observation: CarObservation, finals: [IntentMessage],
                         decided: CarCommand) -> (gap: Double, conflict: Double)? {
        var replanning = observation
        replanning.inbox += finals
        let response = decide(replanning, keeping: decided.merge)
        let plan = decided.plan
        guard response.cost.isFinite, plan.count == settings.horizon else { return nil }
        let me = observation.ego.motion
        let evaluated = mpc.evaluate(plan, speed: me.speed, previousAcceleration: me.acceleration,
                                     desiredSpeed: desiredSpeed)
        return (Swift.max(0, evaluated.cost - response.cost), evaluated.violation)
    }

    /// Whether a car in `lane` ahead must be followed by a car in `egoLane`.
    static func mustFollow(_ lane: LaneKind, from egoLane: LaneKind) -> Bool {
        switch egoLane {
        case .main: return lane == .main || lane == .changing
        case .ramp, .accel: return lane != .main
        case .changing: return true
        }
    }
}
