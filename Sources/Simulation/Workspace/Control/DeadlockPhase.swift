/// Where a robot stands in a deadlock (see ``RobotController`` and ``DeadlockGame``).
///
/// `passage`: the deadlock is one to come — the counterpart heads the other way into the narrow
/// stretch ahead of this robot (``RobotController/oncomingInPassage(_:routeTarget:)``), it may be
/// far off, out of sensor range: the contest and what follows go by where its intents say it is,
/// not by how close it is. Otherwise both are stalled next to each other.
enum DeadlockPhase: Sendable {
    /// No deadlock.
    case free
    /// Blocked by `counterpart`: its bid is out, it waits for the counterpart's (since step `since`).
    /// `pocket`: where it would back off to, found when the bid was made.
    case contest(counterpart: AgentID, bid: DeadlockBid, pocket: [Vector2]?, since: Int, passage: Bool)
    /// Won the game: goes on while `counterpart` gives way.
    case proceeding(counterpart: AgentID, bid: DeadlockBid, since: Int, passage: Bool)
    /// Gives way to `counterpart`, backing off along `retreat` (nil: waits where it is). `bid` is
    /// nil when it makes room for a robot that backs off towards it (no game of its own).
    case yielding(counterpart: AgentID, bid: DeadlockBid?, retreat: RouteFollower?, since: Int, passage: Bool)
}

extension DeadlockPhase {
    var isYielding: Bool {
        if case .yielding = self { return true }
        return false
    }

    /// The waypoint a yielding robot backs off towards.
    var retreatTarget: Vector2? {
        if case .yielding(_, _, let retreat?, _, _) = self { return retreat.waypoints[retreat.next] }
        return nil
    }
}

/// What the deadlock logic hands the rest of a decision.
struct DeadlockStep {
    /// The target replacing the route's, while giving way.
    var target: Vector2?
    var decision: RobotDecision
    var bid: DeadlockBid?
    /// Games solved at this decision.
    var games: Int
}
