/// What one control step produced, handed to the reporting sink after phase 3 of the step.
///
/// Invariants: `samples` sorted by agent id, one per agent present in the world at `time`;
/// `events` sorted by (agent id, event name, detail) — both independent of agent order and threads.
public struct StepRecord: Sendable {
    /// Simulated time of the samples [s] (the state after `step` steps).
    public var step: Int
    public var time: Double
    public var samples: [TrajectorySample]
    public var events: [SimulationEvent]

    public init(step: Int, time: Double, samples: [TrajectorySample], events: [SimulationEvent]) {
        self.step = step
        self.time = time
        self.samples = samples
        self.events = events
    }
}

/// What an agent is, as written in the `kind` column.
public enum AgentKind: String, Sendable, Hashable {
    case car
    case robot
}

/// One row of trajectories.csv.
public struct TrajectorySample: Sendable, Hashable {
    public var agent: String
    public var kind: AgentKind
    /// Centre position [m].
    public var x: Double
    public var y: Double
    /// Heading [rad], counter-clockwise from +x.
    public var heading: Double
    /// Speed along the heading [m/s].
    public var speed: Double
    /// Longitudinal acceleration [m/s^2].
    public var accel: Double
    /// Further columns after the fixed ones, as (column name, value) in a fixed order per world
    /// (e.g. `lane`, `decision`); values are plain text without commas or quotes.
    public var extra: [(name: String, value: String)]

    public init(agent: String, kind: AgentKind, x: Double, y: Double, heading: Double, speed: Double,
                accel: Double, extra: [(name: String, value: String)] = []) {
        self.agent = agent
        self.kind = kind
        self.x = x
        self.y = y
        self.heading = heading
        self.speed = speed
        self.accel = accel
        self.extra = extra
    }

    public static func == (a: TrajectorySample, b: TrajectorySample) -> Bool {
        a.agent == b.agent && a.kind == b.kind && a.x == b.x && a.y == b.y && a.heading == b.heading
            && a.speed == b.speed && a.accel == b.accel
            && a.extra.map(\.name) == b.extra.map(\.name) && a.extra.map(\.value) == b.extra.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(agent)
        hasher.combine(x)
        hasher.combine(y)
    }
}

/// One row of events.csv: decisions and their equilibria, messages lost, fallbacks, collisions,
/// goals reached, merges completed.
public struct SimulationEvent: Sendable, Hashable, Comparable {
    public var time: Double
    public var agent: String
    /// Event name in kebab-case, e.g. `merge-completed`, `fallback-brake`, `message-lost`, `collision`.
    public var event: String
    /// Free text for people (may contain commas; the CSV writer quotes it).
    public var detail: String

    public init(time: Double, agent: String, event: String, detail: String) {
        self.time = time
        self.agent = agent
        self.event = event
        self.detail = detail
    }

    public static func < (a: SimulationEvent, b: SimulationEvent) -> Bool {
        (a.time, a.agent, a.event, a.detail) < (b.time, b.agent, b.event, b.detail)
    }
}
