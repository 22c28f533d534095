/// A controller's memory of the newest intent of each sender, kept sorted by sender so that
/// filing a message and looking one up are binary searches (no hashing on the hot path).
struct IntentMemory: Sendable {
    private(set) var senders: [AgentID] = []
    private(set) var messages: [IntentMessage] = []

    var count: Int { senders.count }

    /// Files `inbox` (any order; a newer message replaces the one kept for its sender, an older
    /// one is ignored), except messages from `owner`.
    /// - Complexity: O(m log k) for m messages and k senders known, plus O(k) per new sender.
    mutating func file(_ inbox: [IntentMessage], except owner: AgentID) {
        for message in inbox where message.sender != owner {
            let index = position(of: message.sender)
            if index < senders.count && senders[index] == message.sender {
                if message.sentStep >= messages[index].sentStep { messages[index] = message }
            } else {
                senders.insert(message.sender, at: index)
                messages.insert(message, at: index)
            }
        }
    }

    /// First position whose sender is not below `sender`.
    private func position(of sender: AgentID) -> Int {
        var low = 0, high = senders.count
        while low < high {
            let middle = (low + high) / 2
            if senders[middle] < sender { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The newest intent from `sender`, if any. - Complexity: O(log k).
    func latest(from sender: AgentID) -> IntentMessage? {
        let index = position(of: sender)
        return index < senders.count && senders[index] == sender ? messages[index] : nil
    }

    /// Forgets intents sent before `step`.
    mutating func forget(before step: Int) {
        var kept = 0
        for i in senders.indices where messages[i].sentStep >= step {
            senders[kept] = senders[i]
            messages[kept] = messages[i]
            kept += 1
        }
        senders.removeLast(senders.count - kept)
        messages.removeLast(messages.count - kept)
    }
}
