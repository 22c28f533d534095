/// The highway-merge world: cars on a main lane and an on-ramp, each driven by its own
/// ``CarController`` that exchanges intent messages over an ``IntentBus``.
///
/// Use (what the command line and the tests do):
/// ```swift
/// let simulation = HighwayMergeSimulation(config: config, threads: 2)
/// sink(simulation.initialRecord)                 // t = 0
/// while !simulation.isFinished { sink(simulation.step()) }
/// let summary = simulation.summary()             // collisions, min separation, merges, solve times
/// ```
/// The run has `config.stepCount` steps. The result (every ``StepRecord`` and the summary except
/// ``RunSummary/solveTimes``) depends only on the configuration: not on the number of threads,
/// the order of the cars in the configuration, or the process.
///
/// One ``step()`` (STYLE.md, "The step of the world"):
/// 1. **decide**: every car in the world gets a ``CarObservation`` built from the frozen state at
///    time t — its own state, the cars within ``ControllerTuning/sensorRange``, the intent
///    messages delivered to it — and returns a ``CarCommand`` (in parallel over `threads`);
/// 2. **integrate**: each car applies its command (clamped to its limits) for dt, begins or
///    advances its lane change; a merge completes when the lane change ends; a car whose centre
///    passes `mainLength` leaves the world;
/// 3. **deliver and record**: the intents decided at t go on the bus (range measured at t,
///    loss drawn per receiver); messages due at the next decision are delivered; cars whose
///    entry time has come enter (see below); footprints are checked for overlaps and the
///    minimum separation; the state at t + dt is recorded.
///
/// Entry: cars with entry time 0 are placed as configured at t = 0. A later car (e.g. generated
/// traffic) enters at s = 0 of its route, or where configured, at the first step at or after its
/// entry time when the entrance is free: the gap to the car ahead in its lane is at least
/// `minGap` and, at the entry speed, the headway and the safety envelope hold towards the car
/// ahead and for the car behind. The entry speed is lowered as far as needed (and logged);
/// cars of one route enter in the order of their entry times.
///
/// Preconditions (validating user input is the Scenario target's job; violations trap): `dt > 0`,
/// `duration > 0`, a valid geometry (see ``HighwayGeometry``), unique car ids, every car on its
/// route (`0 ≤ s`, before `mainLength` on the main route, before the end of the acceleration lane
/// on the ramp route) with speed ≥ 0, length and width > 0, desired speed > 0, entry time ≥ 0,
/// valid controller settings (horizon ≥ 2, limits > 0, gap and headway ≥ 0, lane-change duration
/// > 0, weights ≥ 0 with accel + jerk > 0), valid communication settings, `threads ≥ 1`.
public final class HighwayMergeSimulation {
    public let config: SimulationConfig
    public let threads: Int
    public let geometry: HighwayGeometry
    /// Every car of the run (explicit and generated), sorted by id.
    public let agents: AgentDirectory
    public let tuning: ControllerTuning
    public let dt: Double
    /// The t = 0 record (cars placed at t = 0 and their `entered` events).
    public private(set) var initialRecord: StepRecord
    /// Steps done so far.
    public private(set) var stepIndex = 0

    var cars: [CarTruth]
    var controllers: [CarController?]
    /// Indices of the cars in the world, increasing.
    var active: [Int] = []
    /// Per route (main, ramp): waiting cars in entry order.
    var queues: [[Int]] = [[], []]
    var bus: IntentBus<IntentMessage>
    var inboxes: [[IntentMessage]]
    /// Frozen state of the cars in the world at the start of a step (by position in `active`).
    var snapshot = Snapshot()

    // Run statistics.
    var contacts: Set<Int> = []
    var collisionCount = 0
    var minSeparation: Double?
    var mergesCompleted = 0
    var laneEndOverruns = 0
    var fallbackCount = 0
    var envelopeInterventions = 0
    var iterationTotal = 0
    var solveTimes: [Double] = []
    var speedSum = 0.0
    var sampleCount = 0
    var exitedCount = 0
    var entryDelays = 0
    /// Per step, the largest Nash-gap term of the cars (steps where any was computed).
    var stepGaps: [Double] = []
    /// Per step, the largest plan conflict of the cars [m or m/s].
    var stepConflicts: [Double] = []
    /// Pairs (lower index, higher index) whose merge decisions disagree, with the step it began.
    var disagreeing: [Int: Int] = [:]
    var disagreementCount = 0
    var disagreementSteps = 0
    var longestDisagreementSteps = 0
    var roundMessagesSent = 0
    var metrics = TrafficMetrics()
    var roundMessagesLost = 0

    /// Sets up the world and places the cars whose entry time is 0.
    /// - Parameters:
    ///   - config: a valid configuration (see the type's preconditions).
    ///   - threads: threads used for the decisions (≥ 1); never changes the result.
    ///   - tuning: the controllers' fixed assumptions (tests may change them).
    public init(config: SimulationConfig, threads: Int = 1, tuning: ControllerTuning = .standard) {
        precondition(threads >= 1, "threads must be >= 1")
        precondition(config.dt > 0 && config.dt.isFinite, "dt must be > 0")
        precondition(config.duration > 0 && config.duration.isFinite, "duration must be > 0")
        guard case .highwayMerge(let world) = config.world else { preconditionFailure("not a highway-merge world") }
        self.config = config
        self.threads = threads
        self.tuning = tuning
        dt = config.dt
        let geometry = HighwayGeometry(world)
        self.geometry = geometry

        let all = Self.allCars(of: world, seed: config.seed).sorted { $0.id < $1.id }
        agents = AgentDirectory(sortedNames: all.map(\.id))
        for car in all { Self.check(car, world: world, geometry: geometry) }
        Self.check(world.controller)
        cars = all.enumerated().map { index, car in
            CarTruth(id: AgentID(index: index), config: car, defaults: world.controller, speedLimit: world.speedLimit,
                     geometry: geometry)
        }
        controllers = Array(repeating: nil, count: all.count)
        inboxes = Array(repeating: [], count: all.count)
        bus = IntentBus(communication: config.communication, dt: config.dt, seed: config.seed)
        initialRecord = StepRecord(step: 0, time: 0, samples: [], events: [])

        let order = cars.indices.sorted {
            (cars[$0].config.entryTime, $0) < (cars[$1].config.entryTime, $1)
        }
        var events: [SimulationEvent] = []
        for index in order {
            if cars[index].config.entryTime <= 0 {
                activate(index, speed: cars[index].config.speed, at: 0, events: &events)
            } else {
                queues[cars[index].route == .main ? 0 : 1].append(index)
            }
        }
        active.sort()
        initialRecord = finishStep(time: 0, events: events)
    }

    /// The merge-order rule in force (the scenario's, default `fcfs`).
    public var mergeRule: ContestRule { config.game.rule(default: .firstComeFirstServed) }

    /// Whether all `config.stepCount` steps are done.
    public var isFinished: Bool { stepIndex >= config.stepCount }

    /// Simulated time of the latest record [s].
    public var time: Double { Double(stepIndex) * dt }

    /// The explicit cars and the generated ones.
    public static func allCars(of world: HighwayMergeConfig, seed: UInt64) -> [CarConfig] {
        world.cars + (world.traffic.map { TrafficGenerator.cars(for: $0, seed: seed) } ?? [])
    }

    /// Advances the world by one control step and returns the record of time `(k + 1)·dt`.
    /// - Precondition: `!isFinished`.
    public func step() -> StepRecord {
        precondition(!isFinished, "the run is finished")
        let k = stepIndex
        let now = Double(k) * dt, next = Double(k + 1) * dt
        takeSnapshot()

        // 1. Decide, from the frozen snapshot: tentative rounds, the decisions, the Nash gap.
        let count = active.count
        let roundInbox = exchangeRounds(step: k, time: now)
        var commands = [CarCommand?](repeating: nil, count: count)
        var clones = [CarController?](repeating: nil, count: count)
        commands.withUnsafeMutableBufferPointer { output in
            clones.withUnsafeMutableBufferPointer { copies in
                let results = UncheckedSendable(value: output), copies = UncheckedSendable(value: copies)
                let world = UncheckedSendable(value: self), rounds = UncheckedSendable(value: roundInbox)
                ParallelLoop.run(count, threads: threads) { position in
                    var observation = world.value.observation(position, step: k, time: now)
                    observation.inbox += rounds.value[position]
                    let controller = world.value.controllers[world.value.active[position]]!
                    if world.value.config.game.nashGap { copies.value[position] = controller.clone() }
                    results.value[position] = controller.decide(observation)
                }
            }
        }
        let gaps = config.game.nashGap
            ? nashGaps(commands: commands.map { $0! }, clones: clones.map { $0! }, roundInbox: roundInbox, step: k, time: now)
            : Array(repeating: nil, count: count)
        for index in active { inboxes[index].removeAll(keepingCapacity: true) }

        // 2. Integrate.
        var events: [SimulationEvent] = []
        for position in 0..<count {
            let command = commands[position]!
            events += command.events
            solveTimes.append(command.solveTime)
            iterationTotal += command.iterations
            if command.usedFallback { fallbackCount += 1 }
            if command.envelopeIntervened { envelopeInterventions += 1 }
            integrate(active[position], command, time: next, events: &events)
            cars[active[position]].nashGap = gaps[position]?.gap
            cars[active[position]].planConflict = gaps[position]?.conflict
        }
        recordNashGap(gaps)
        trackDisagreements(time: next, events: &events)

        // 3. Deliver, enter, check, record.
        for position in 0..<count {
            broadcast(from: position, commands[position]!.intent, step: k, time: now, events: &events)
        }
        active.removeAll { cars[$0].status != .active }
        bus.deliver(dueAt: k + 1) { receiver, message in
            if cars[receiver].status == .active { inboxes[receiver].append(message) }
        }
        enterWaitingCars(time: next, events: &events)
        stepIndex = k + 1
        return finishStep(time: next, events: events)
    }

    /// The facts of the run so far (wall-clock figures excepted).
    public func summary() -> RunSummary {
        let entered = cars.filter { $0.status != .waiting }
        let rampCars = entered.filter { $0.route == .ramp }.count
        let solves = Swift.max(1, solveTimes.count)
        var extra: [(key: String, value: Double)] = [
            ("ramp_cars", Double(rampCars)),
            ("merges_missed", Double(laneEndOverruns)),
            ("cars_exited", Double(exitedCount)),
            ("cars_not_entered", Double(cars.count - entered.count)),
            ("entry_delays", Double(entryDelays)),
            ("fallbacks", Double(fallbackCount)),
            ("envelope_interventions", Double(envelopeInterventions)),
            ("qp_iterations_mean", Double(iterationTotal) / Double(solves)),
            ("messages_sent", Double(bus.sentCount)),
            ("messages_lost", Double(bus.lostCount)),
            ("rounds", Double(config.communication.rounds)),
            ("round_messages_sent", Double(roundMessagesSent)),
            ("round_messages_lost", Double(roundMessagesLost)),
            ("disagreements", Double(disagreementCount)),
            ("disagreement_s_total", Double(disagreementSteps) * dt),
            ("disagreement_s_max", Double(longestDisagreementSteps) * dt),
        ]
        if config.game.nashGap {
            extra += [
                ("nash_gap", stepGaps.isEmpty ? 0 : stepGaps.reduce(0, +) / Double(stepGaps.count)),
                ("nash_gap_p95", Self.percentile(stepGaps, 0.95)),
                ("nash_gap_max", stepGaps.max() ?? 0),
                ("plan_conflict_m", stepConflicts.isEmpty ? 0 : stepConflicts.reduce(0, +) / Double(stepConflicts.count)),
                ("plan_conflict_max_m", stepConflicts.max() ?? 0),
            ]
        }
        extra.append(("mean_speed_mps", sampleCount > 0 ? speedSum / Double(sampleCount) : 0))
        extra += metrics.summaryFigures
        return RunSummary(
            scenario: config.name, seed: config.seed, steps: stepIndex, dt: dt,
            agents: entered.map { RunSummary.Agent(id: agents[$0.id], kind: .car, length: $0.length, width: $0.width) },
            collisions: collisionCount, minSeparation: minSeparation, completed: mergesCompleted,
            solveTimes: solveTimes, extra: extra)
    }

    // MARK: - Phase 2

    private func integrate(_ index: Int, _ command: CarCommand, time: Double, events: inout [SimulationEvent]) {
        var car = cars[index]
        if let path = command.laneChange, car.route == .ramp, !car.merged, car.laneChange == nil,
           car.lane(geometry) == .accel {
            car.laneChange = path
        }
        let a = VehicleDynamics.clamp(command.acceleration, after: car.motion.acceleration, limits: car.limits, dt: dt)
        car.motion = VehicleDynamics.advance(car.motion, acceleration: a, dt: dt)
        car.decision = command.decision
        car.decisionDetail = command.intent.decision
        let name = agents[car.id]
        if let path = car.laneChange, car.motion.station >= path.endStation {
            car.laneChange = nil
            car.merged = true
            mergesCompleted += 1
            metrics.merged(car: index, time: time)
            events.append(SimulationEvent(time: time, agent: name, event: "merge-completed",
                                          detail: "in the main lane at x \(DecimalText.render(car.motion.station)) m"))
        }
        if car.route == .ramp, !car.merged, car.laneChange == nil, !car.overrunLogged,
           car.motion.station + 0.5 * car.length > geometry.mergeEnd {
            car.overrunLogged = true
            laneEndOverruns += 1
            events.append(SimulationEvent(time: time, agent: name, event: "lane-end-overrun",
                                          detail: "front past the end of the acceleration lane before merging"))
        }
        if car.motion.station > geometry.mainLength {
            car.status = .left
            exitedCount += 1
            controllers[index] = nil
            events.append(SimulationEvent(time: time, agent: name, event: "left-world",
                                          detail: "past the end of the main road at \(DecimalText.render(car.motion.speed)) m/s"))
        }
        cars[index] = car
        metrics.observe(car: index, car, time: time, dt: dt, geometry: geometry)
    }

    // MARK: - Phase 3

    private func broadcast(from position: Int, _ message: IntentMessage, step: Int, time: Double,
                           events: inout [SimulationEvent]) {
        var lost: [String] = []
        var reached = 0
        snapshot.forEachNeighbour(of: position, within: bus.range) { other in
            let receiver = AgentID(index: snapshot.index[other])
            reached += 1
            if !bus.send(message, to: receiver, step: step) { lost.append(agents[receiver]) }
        }
        if !lost.isEmpty {
            events.append(SimulationEvent(time: time, agent: agents[message.sender], event: "message-lost",
                                          detail: "\(lost.count) of \(reached) receivers: \(lost.joined(separator: " "))"))
        }
    }
}
