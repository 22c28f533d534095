/// The workspace world: robots (discs) sharing a rectangle with obstacles, each driven by its own
/// ``RobotController`` (MPC) that exchanges intent messages over an ``IntentBus``, and that settles
/// deadlocks with another robot by a 2 x 2 game (``DeadlockGame``).
///
/// Use (what the command line and the tests do):
/// ```swift
/// let simulation = WorkspaceSimulation(config: config, threads: 2)
/// sink(simulation.initialRecord)                 // t = 0
/// while !simulation.isFinished { sink(simulation.step()) }
/// let summary = simulation.summary()             // collisions, separation, goals reached, solve times
/// ```
///
/// The step (three phases, so that agent order and threads never matter):
/// 1. every robot decides from the frozen snapshot: its own state and goal, the robots within
///    ``RobotTuning/sensorRange``, the intents delivered to it (in parallel over robots);
/// 2. every robot moves as a planar double integrator under its command, exactly over dt, within
///    its acceleration and speed limits (``RobotDynamics``); a robot within the goal tolerance and slower than the
///    goal speed tolerance has reached its goal (`goal-reached`, once; it stays in the world, keeps
///    deciding — at rest unless someone comes near — and keeps broadcasting);
/// 3. intents are sent to the robots within the network's range (latency, loss), delivered when
///    due, and the step is checked (robot–robot overlaps, robot–obstacle and robot–edge contacts,
///    separation) and recorded.
///
/// Every robot is in the world from t = 0 to the end. Robots are the explicit ones plus those of
/// the formation (``FormationGenerator``), sorted by id.
///
/// Preconditions (validating user input is the Scenario target's job; violations trap): `dt > 0`,
/// `duration > 0`, a workspace world with width, height > 0, unique robot ids, radius > 0, limits
/// > 0, starts inside the workspace, a controller with horizon ≥ 2 and positive tolerances,
/// `threads ≥ 1`.
public final class WorkspaceSimulation {
    public let config: SimulationConfig
    public let world: WorkspaceConfig
    public let threads: Int
    public let agents: AgentDirectory
    public let tuning: RobotTuning
    /// The equilibrium selection rule of the deadlock game.
    public let deadlockRule: ContestRule
    public let dt: Double
    /// The t = 0 record.
    public private(set) var initialRecord: StepRecord
    /// Steps done so far.
    public private(set) var stepIndex = 0

    var robots: [RobotTruth]
    var controllers: [RobotController]
    var bus: IntentBus<RobotIntent>
    var inboxes: [[RobotIntent]]
    var snapshot = RobotSnapshot()

    // Run statistics.
    var contacts: Set<Int> = []
    var obstacleContacts: Set<Int> = []
    var collisionCount = 0
    var obstacleContactCount = 0
    var minSeparation: Double?
    var minSeparationRatio: Double?
    var goalsReached = 0
    var fallbackCount = 0
    /// Deadlock games, once per contest (``DeadlockGameTally``).
    var deadlockGames: DeadlockGameTally
    var solveTimes: [Double] = []

    /// Sets up the world with every robot at its start, at rest.
    /// - Parameters:
    ///   - threads: threads used for the decisions (≥ 1); never changes the result.
    ///   - deadlockRule: how both robots of a deadlock select one equilibrium of their game
    ///     (nil: the scenario's `game.selection`, by default ``DeadlockGame/defaultRule``).
    ///   - tuning: the controllers' fixed assumptions (tests may change them).
    public init(config: SimulationConfig, threads: Int = 1, deadlockRule: ContestRule? = nil,
                tuning: RobotTuning = .standard) {
        precondition(threads >= 1, "threads must be >= 1")
        precondition(config.dt > 0 && config.dt.isFinite, "dt must be > 0")
        precondition(config.duration > 0 && config.duration.isFinite, "duration must be > 0")
        guard case .workspace(let world) = config.world else { preconditionFailure("not a workspace world") }
        precondition(world.width > 0 && world.height > 0, "the workspace needs width and height > 0")
        let c = world.controller
        precondition(c.horizon >= 2, "horizon must be >= 2")
        precondition(c.maxSpeed > 0 && c.maxAccel > 0 && c.goalTolerance > 0 && c.goalSpeedTolerance > 0,
                     "controller limits and tolerances must be > 0")
        self.config = config
        self.world = world
        self.threads = threads
        self.tuning = tuning
        let rule = deadlockRule ?? config.game.rule(default: DeadlockGame.defaultRule)
        self.deadlockRule = rule
        dt = config.dt
        deadlockGames = DeadlockGameTally(window: tuning.contestTimeoutSteps)

        let all = FormationGenerator.allRobots(of: world, seed: config.seed).sorted { $0.id < $1.id }
        agents = AgentDirectory(sortedNames: all.map(\.id))
        for robot in all {
            precondition(robot.radius > 0 && robot.radius.isFinite, "robot \(robot.id): radius must be > 0")
            precondition((robot.maxSpeed ?? 1) > 0 && (robot.maxAccel ?? 1) > 0, "robot \(robot.id): limits must be > 0")
            precondition(abs(robot.start.x) <= 0.5 * world.width && abs(robot.start.y) <= 0.5 * world.height,
                         "robot \(robot.id): start outside the workspace")
        }
        robots = all.enumerated().map {
            RobotTruth(id: AgentID(index: $0.offset), config: $0.element, defaults: c, dt: config.dt)
        }
        bus = IntentBus(communication: config.communication, dt: config.dt, seed: config.seed)
        inboxes = Array(repeating: [], count: all.count)
        let directory = agents, delay = bus.delaySteps
        // A controller knows the map, not the other robots' starts and goals.
        var map = world
        map.robots = []
        map.formation = nil
        controllers = robots.map { robot in
            RobotController(id: robot.id, names: directory, robot: robot.config, maxSpeed: robot.maxSpeed,
                            maxAccel: robot.maxAccel, settings: c, world: map, dt: config.dt, delaySteps: delay,
                            rule: rule, tuning: tuning)
        }
        initialRecord = StepRecord(step: 0, time: 0, samples: [], events: [])
        initialRecord = finishStep(time: 0, events: [])
    }

    /// Whether all `config.stepCount` steps are done.
    public var isFinished: Bool { stepIndex >= config.stepCount }

    /// Simulated time of the latest record [s].
    public var time: Double { Double(stepIndex) * dt }

    /// Advances the world by one control step and returns the record of time `(k + 1)·dt`.
    /// - Precondition: `!isFinished`.
    public func step() -> StepRecord {
        precondition(!isFinished, "the run is finished")
        let k = stepIndex
        let now = Double(k) * dt, next = Double(k + 1) * dt
        snapshot.take(robots)

        // 1. Decide, from the frozen snapshot.
        let count = robots.count
        var commands = [RobotCommand?](repeating: nil, count: count)
        commands.withUnsafeMutableBufferPointer { output in
            let results = UncheckedSendable(value: output), world = UncheckedSendable(value: self)
            ParallelLoop.run(count, threads: threads) { index in
                let observation = world.value.observation(index, step: k, time: now)
                results.value[index] = world.value.controllers[index].decide(observation)
            }
        }
        for index in 0..<count { inboxes[index].removeAll(keepingCapacity: true) }

        // 2. Move.
        var events: [SimulationEvent] = []
        for index in 0..<count {
            let command = commands[index]!
            events += command.events
            if command.solveTime >= 0 { solveTimes.append(command.solveTime) }
            if command.usedFallback { fallbackCount += 1 }
            if let other = command.gameCounterpart {
                deadlockGames.record(solver: AgentID(index: index), counterpart: other, step: k)
            }
            move(index, command, time: next, events: &events)
        }

        // 3. Deliver, check, record.
        for index in 0..<count {
            broadcast(from: index, commands[index]!.intent, step: k, time: now, events: &events)
        }
        bus.deliver(dueAt: k + 1) { receiver, message in inboxes[receiver].append(message) }
        stepIndex = k + 1
        return finishStep(time: next, events: events)
    }

    /// What robot `index` may know: its own state and goal, the sensed robots, its inbox.
    func observation(_ index: Int, step: Int, time: Double) -> RobotObservation {
        let sensed = snapshot.neighbours(of: index, within: tuning.sensorRange).map { other in
            SensedRobot(id: AgentID(index: other), position: snapshot.position[other], velocity: snapshot.velocity[other],
                        radius: snapshot.radius[other])
        }
        let robot = robots[index]
        let ego = RobotEgo(id: robot.id, state: RobotState(position: snapshot.position[index], velocity: snapshot.velocity[index]),
                           goal: robot.config.goal, atGoal: robot.atGoal)
        return RobotObservation(step: step, time: time, ego: ego, sensed: sensed, inbox: inboxes[index])
    }

    // MARK: - Phase 2

    private func move(_ index: Int, _ command: RobotCommand, time: Double, events: inout [SimulationEvent]) {
        var robot = robots[index]
        robot.acceleration = robot.dynamics.appliedAcceleration(command.acceleration, at: robot.state)
        robot.state = robot.dynamics.step(robot.state, command: command.acceleration)
        let v = robot.state.velocity
        if v.length > RobotTruth.restSpeed { robot.heading = Math.atan2(v.y, v.x) }
        robot.decision = command.intent.decision.kind
        let c = world.controller
        if !robot.atGoal, (robot.state.position - robot.config.goal).length <= c.goalTolerance,
           v.length <= c.goalSpeedTolerance {
            robot.atGoal = true
            robot.arrivalTime = time
            goalsReached += 1
            events.append(SimulationEvent(time: time, agent: agents[robot.id], event: "goal-reached",
                                          detail: "at \(DecimalText.render(time)) s, \(DecimalText.render((robot.state.position - robot.config.goal).length, 3)) m from the goal"))
        }
        robots[index] = robot
    }

    // MARK: - Phase 3

    private func broadcast(from index: Int, _ message: RobotIntent, step: Int, time: Double,
                           events: inout [SimulationEvent]) {
        var lost: [String] = []
        let receivers = snapshot.neighbours(of: index, within: bus.range)
        for other in receivers where !bus.send(message, to: AgentID(index: other), step: step) {
            lost.append(agents[AgentID(index: other)])
        }
        if !lost.isEmpty {
            events.append(SimulationEvent(time: time, agent: agents[message.sender], event: "message-lost",
                                          detail: "\(lost.count) of \(receivers.count) receivers: \(lost.joined(separator: " "))"))
        }
    }
}
