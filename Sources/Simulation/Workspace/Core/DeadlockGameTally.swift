/// Counts deadlock games once per contest, for summary.json's `deadlock_games`.
///
/// Both robots of a deadlock solve their own copy of the same game (``DeadlockGame``), usually at
/// the same step, at most ``window`` steps apart when messages are lost (a robot waits at most
/// ``RobotTuning/contestTimeoutSteps`` for its counterpart's bid, and its contest began before
/// the counterpart could solve). So a solve by robot `a` against robot `b` at step k is a *new*
/// contest — counted — unless `b` has a solve against `a` not yet matched, from step k − window
/// or later: then it is `b`'s copy of that contest, and the two are matched (not counted again).
/// A contest that only one robot of the pair solved (the other gave up waiting for the bid)
/// counts once all the same.
///
/// Invariants: the count depends only on which robot solved against which at which step, not on
/// the order in which solves of one step are recorded (at most one solve per robot and step), so
/// it is the same with any number of threads and any order of the robots.
struct DeadlockGameTally: Sendable {
    /// Longest a pair's two solves of one contest lie apart [steps] (≥ 0).
    let window: Int
    /// Contests counted so far.
    private(set) var count = 0
    /// Per pair (lower id, higher id): the latest solve not matched yet — who solved, at which step.
    private var unmatched: [Pair: (solver: AgentID, step: Int)] = [:]

    private struct Pair: Hashable {
        var low: AgentID
        var high: AgentID
    }

    init(window: Int) {
        precondition(window >= 0, "window must be >= 0")
        self.window = window
    }

    /// Records that `solver` solved its game against `counterpart` at `step`; steps never decrease
    /// from call to call.
    mutating func record(solver: AgentID, counterpart: AgentID, step: Int) {
        let pair = Pair(low: Swift.min(solver, counterpart), high: Swift.max(solver, counterpart))
        if let open = unmatched[pair], open.solver == counterpart, step - open.step <= window {
            unmatched[pair] = nil
            return
        }
        count += 1
        unmatched[pair] = (solver, step)
    }
}
