/// A robot controller's memory of the newest ``RobotIntent`` of each sender.
///
/// Lookups by sender only (a dictionary is never iterated), so the order of the inbox never
/// matters beyond "newest wins".
struct RobotIntentMemory: Sendable {
    private var latest: [AgentID: RobotIntent] = [:]

    var count: Int { latest.count }

    /// Files `inbox` (a newer message replaces the one kept for its sender; an older one is
    /// ignored), except messages from `owner`.
    mutating func file(_ inbox: [RobotIntent], except owner: AgentID) {
        for message in inbox where message.sender != owner {
            if let known = latest[message.sender], known.sentStep > message.sentStep { continue }
            latest[message.sender] = message
        }
    }

    /// The newest intent from `sender`, if any.
    func latest(from sender: AgentID) -> RobotIntent? { latest[sender] }

    /// Forgets intents sent before `step`.
    mutating func forget(before step: Int) {
        latest = latest.filter { $0.value.sentStep >= step }
    }
}
