/// What a robot broadcasts every control step: its planned motion over the horizon, its size and
/// limits, and its current decision in a deadlock (with the costs it bid in the deadlock game).
/// Receivers use it to predict the sender (see ``RobotNeighbourPredictor``), to detect deadlocks
/// and to agree on who gives way.
///
/// `positions[k]` and `velocities[k]` are the sender's planned centre [m] and velocity [m/s] at
/// `sentTime + k·dt`, k = 0…N (N = the sender's horizon); `positions[0]` is where the sender was
/// when it decided.
///
/// Immutable, and a class: one message reaches many receivers and sits in their memories.
public final class RobotIntent: BroadcastMessage {
    public let sender: AgentID
    /// Control step at which the sender decided (`sentTime = sentStep · dt`).
    public let sentStep: Int
    /// Planned centres [m], N + 1 entries.
    public let positions: [Vector2]
    /// Planned velocities [m/s], N + 1 entries.
    public let velocities: [Vector2]
    /// Disc radius [m].
    public let radius: Double
    /// The sender's speed limit [m/s] (receivers widen their predictions with it).
    public let maxSpeed: Double
    /// The sender's acceleration limit [m/s²] (a robot whose messages were lost is predicted braking with it).
    public let maxAccel: Double
    /// The point the sender is heading for now [m] (a waypoint of its route, its goal, or the
    /// place it backs off to while yielding; before any turn of the right-hand rule): receivers
    /// use it to tell whether they are in its way.
    public let target: Vector2
    /// The plan is the sender's fallback (no plan was solved this step: it follows the rest of its
    /// committed plan, or brakes). For the record: receivers predict it like any other plan,
    /// since it is the plan the sender follows.
    public let isFallback: Bool
    /// The sender has reached its goal and stays there.
    public let atGoal: Bool
    /// The sender's decision in a deadlock.
    public let decision: RobotDecision
    /// The sender's bid in the deadlock game it is playing, if any.
    public let bid: DeadlockBid?

    public init(sender: AgentID, sentStep: Int, positions: [Vector2], velocities: [Vector2], radius: Double,
                maxSpeed: Double, maxAccel: Double, target: Vector2, isFallback: Bool = false, atGoal: Bool, decision: RobotDecision, bid: DeadlockBid?) {
        precondition(positions.count == velocities.count && !positions.isEmpty,
                     "a plan needs matching, non-empty positions and velocities")
        self.sender = sender
        self.sentStep = sentStep
        self.positions = positions
        self.velocities = velocities
        self.radius = radius
        self.maxSpeed = maxSpeed
        self.maxAccel = maxAccel
        self.target = target
        self.isFallback = isFallback
        self.atGoal = atGoal
        self.decision = decision
        self.bid = bid
    }
}

/// A robot's decision in a deadlock, as broadcast in its intent and written in the `decision`
/// column.
public struct RobotDecision: Sendable, Hashable {
    public var kind: RobotDecisionKind
    /// The robot the decision is about (the other player of the deadlock game, or the robot this
    /// one makes room for).
    public var counterpart: AgentID?

    public init(kind: RobotDecisionKind, counterpart: AgentID? = nil) {
        self.kind = kind
        self.counterpart = counterpart
    }

    public static let none = RobotDecision(kind: .none)
}

/// The `decision` column's values for robots.
public enum RobotDecisionKind: String, Sendable, Hashable, CaseIterable {
    /// No deadlock: heads for its goal along its route.
    case none
    /// Stuck face to face with another robot: bids in the deadlock game, waiting for its answer.
    case contest
    /// Goes on while the counterpart gives way.
    case proceed
    /// Gives way: backs off to a free place until the counterpart has passed.
    case yield
}

/// What a robot puts forward in a deadlock game: its own cost estimates, fixed when the game
/// starts so that both players build the same game whatever messages are lost.
public struct DeadlockBid: Sendable, Hashable {
    /// The other player.
    public var counterpart: AgentID
    /// Estimated time to reach its goal when it proceeds and the counterpart gives way [s].
    public var proceedTime: Double
    /// Estimated time to back off to a free place out of the counterpart's way [s]
    /// (``DeadlockBid/unableToYield`` when it found none).
    public var retreatTime: Double

    public init(counterpart: AgentID, proceedTime: Double, retreatTime: Double) {
        self.counterpart = counterpart
        self.proceedTime = proceedTime
        self.retreatTime = retreatTime
    }

    /// The retreat time bid by a robot that cannot make room [s].
    public static let unableToYield = 1000.0
}
