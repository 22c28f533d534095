/// A robot controller's memory of the newest ``RobotIntent`` of each sender, in a table indexed by
/// the sender's ``AgentID`` (every robot files the messages of all its neighbours every step: no
/// hashing on that path).
///
/// Lookups by sender only, so the order of the inbox never matters beyond "newest wins".
/// - Complexity: O(1) per message filed or looked up; O(agents) memory.
struct RobotIntentMemory: Sendable {
    private var latest: [RobotIntent?]

    /// - Parameter agents: the number of agents of the run (ids are below it).
    init(agents: Int) {
        latest = Array(repeating: nil, count: agents)
    }

    /// Files `inbox` (a newer message replaces the one kept for its sender; an older one is
    /// ignored), except messages from `owner`.
    mutating func file(_ inbox: [RobotIntent], except owner: AgentID) {
        for message in inbox where message.sender != owner {
            let index = message.sender.index
            if let known = latest[index], known.sentStep > message.sentStep { continue }
            latest[index] = message
        }
    }

    /// The newest intent from `sender`, if any.
    func latest(from sender: AgentID) -> RobotIntent? { latest[sender.index] }

    /// Forgets intents sent before `step`.
    mutating func forget(before step: Int) {
        for index in latest.indices where (latest[index]?.sentStep ?? step) < step { latest[index] = nil }
    }
}
