/// Where a robot stands in a deadlock (see ``RobotController`` and ``DeadlockGame``).
enum DeadlockPhase: Sendable {
    /// No deadlock.
    case free
    /// Blocked by `counterpart`: its bid is out, it waits for the counterpart's (since step `since`).
    /// `pocket`: where it would back off to, found when the bid was made.
    case contest(counterpart: AgentID, bid: DeadlockBid, pocket: [Vector2]?, since: Int)
    /// Won the game: goes on while `counterpart` gives way.
    case proceeding(counterpart: AgentID, bid: DeadlockBid, since: Int)
    /// Gives way to `counterpart`, backing off along `retreat` (nil: waits where it is). `bid` is
    /// nil when it makes room for a robot that backs off towards it (no game of its own).
    case yielding(counterpart: AgentID, bid: DeadlockBid?, retreat: RouteFollower?, since: Int)
}

extension DeadlockPhase {
    var isYielding: Bool {
        if case .yielding = self { return true }
        return false
    }

    /// The waypoint a yielding robot backs off towards.
    var retreatTarget: Vector2? {
        if case .yielding(_, _, let retreat?, _) = self { return retreat.waypoints[retreat.next] }
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
