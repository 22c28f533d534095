/// The facts of a finished (or interrupted) run that summary.json reports, except wall-clock
/// figures, which the command line measures around the run.
public struct RunSummary: Sendable {
    public struct Agent: Sendable, Hashable {
        public var id: String
        public var kind: AgentKind
        /// Footprint [m]: cars are rectangles length x width; robots discs (length = width = 2 r).
        public var length: Double
        public var width: Double

        public init(id: String, kind: AgentKind, length: Double, width: Double) {
            self.id = id
            self.kind = kind
            self.length = length
            self.width = width
        }
    }

    public var scenario: String
    public var seed: UInt64
    public var steps: Int
    public var dt: Double
    /// Every agent that took part, sorted by id.
    public var agents: [Agent]
    /// Pairs of agents whose footprints overlapped at some step (each pair counted once per contact).
    public var collisions: Int
    /// Smallest distance between the footprints of two agents over the run [m] (gap between the
    /// rectangles/discs; 0 when they touch or overlap); nil with fewer than two agents.
    public var minSeparation: Double?
    /// Merges completed (highway) or goals reached (workspace).
    public var completed: Int
    /// Per-agent MPC solve times of the run [s], one per agent per step (for percentiles).
    public var solveTimes: [Double]
    /// Further world-specific figures (key, value) for summary.json, in a fixed order.
    public var extra: [(key: String, value: Double)]

    public init(scenario: String, seed: UInt64, steps: Int, dt: Double, agents: [Agent], collisions: Int,
                minSeparation: Double?, completed: Int, solveTimes: [Double], extra: [(key: String, value: Double)] = []) {
        self.scenario = scenario
        self.seed = seed
        self.steps = steps
        self.dt = dt
        self.agents = agents
        self.collisions = collisions
        self.minSeparation = minSeparation
        self.completed = completed
        self.solveTimes = solveTimes
        self.extra = extra
    }
}
