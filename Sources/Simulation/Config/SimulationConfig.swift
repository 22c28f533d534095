/// Everything a run needs, as plain values: what a scenario file says after validation, with every
/// default filled in. The `Scenario` target builds it from YAML; tests build it directly.
///
/// Units are SI throughout: metres, seconds, metres per second, metres per second squared.
public struct SimulationConfig: Sendable, Hashable {
    /// Scenario name (used for the default output folder).
    public var name: String
    /// The seed all randomness derives from (traffic generation, message loss).
    public var seed: UInt64
    /// Control period [s] (> 0): every agent decides once per step.
    public var dt: Double
    /// Simulated time [s] (> 0); the run has `Int((duration / dt).rounded())` steps.
    public var duration: Double
    public var world: WorldConfig
    public var communication: CommunicationConfig
    public var game: GameConfig

    public init(name: String, seed: UInt64, dt: Double, duration: Double, world: WorldConfig,
                communication: CommunicationConfig = .init(), game: GameConfig = .init()) {
        self.name = name
        self.seed = seed
        self.dt = dt
        self.duration = duration
        self.world = world
        self.communication = communication
        self.game = game
    }

    /// Number of control steps of the run.
    public var stepCount: Int { Int((duration / dt).rounded()) }
}

/// The world of a scenario (`world.type`).
public enum WorldConfig: Sendable, Hashable {
    case highwayMerge(HighwayMergeConfig)
    case workspace(WorkspaceConfig)
}

/// The simulated network that carries intent messages (`communication:`).
public struct CommunicationConfig: Sendable, Hashable {
    /// Delay between sending and delivery [s] (>= 0); rounded up to whole control steps.
    public var latency: Double
    /// Probability in [0, 1] that a message to one receiver is lost (independently per receiver).
    public var dropRate: Double
    /// Messages reach only receivers within this distance of the sender [m] (> 0).
    public var range: Double
    /// Exchange-and-replan rounds per control step (>= 1): iterated best response. With r > 1,
    /// every agent first plans r − 1 times tentatively, each time against the plans the others
    /// sent in the previous round of the same step, then decides. In-step rounds are assumed to
    /// run on a link much faster than the control period: no latency, the same loss and range.
    public var rounds: Int

    public init(latency: Double = 0.1, dropRate: Double = 0, range: Double = 150, rounds: Int = 1) {
        self.latency = latency
        self.dropRate = dropRate
        self.range = range
        self.rounds = rounds
    }
}

/// How contested situations are resolved (`game:`).
public struct GameConfig: Sendable, Hashable {
    /// The rule that decides who goes first where two agents contest a gap or a passage (see
    /// ``ContestRule``); nil: the world's default (``rule(default:)``): `fcfs`, the baseline, for
    /// the highway merge; `welfare` for deadlocks between robots, which need a game to resolve.
    public var selection: ContestRule?
    /// Whether every step measures the Nash gap of the joint plan (each agent's best response to
    /// the others' final plans: one more MPC solve per agent and step). Default true.
    public var nashGap: Bool

    public init(selection: ContestRule? = nil, nashGap: Bool = true) {
        self.selection = selection
        self.nashGap = nashGap
    }

    /// The rule in force: `selection`, or the world's `default`.
    public func rule(default fallback: ContestRule) -> ContestRule { selection ?? fallback }
}
