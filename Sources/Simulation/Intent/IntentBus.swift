import Optimization
/// The simulated network that carries intent messages, with per-message latency, independent
/// loss and a range, all deterministic functions of the seed.
///
/// - Latency: a message sent when the sender decides at step k is in the receiver's inbox at
///   decision step `k + delaySteps`, where `delaySteps = max(1, ⌈latency / dt⌉)` (a message
///   cannot arrive before the next decision, since all agents decide at once).
/// - Range: receivers are the agents in the world within `range` metres (centre to centre) of the
///   sender when it sends.
/// - Loss: each (message, receiver) pair is lost independently with probability `dropRate`,
///   decided by `SplitMix64.hash(seed, .messageLoss, step, sender, receiver)`: no draw depends on
///   the order of sending or on threads.
///
/// The bus keeps the messages in flight in a ring of `delaySteps` buckets, reused step after step.
public struct IntentBus<Message: BroadcastMessage>: Sendable {
    /// One message on its way to one receiver.
    struct Delivery: Sendable {
        var receiver: Int
        var message: Message
    }

    public let delaySteps: Int
    public let dropRate: Double
    public let range: Double
    let seed: UInt64
    /// Bucket `d % delaySteps` holds the messages due at decision step d.
    private var ring: [[Delivery]]

    /// Counters over the run.
    public private(set) var sentCount = 0
    public private(set) var deliveredCount = 0
    public private(set) var lostCount = 0

    /// - Precondition: `dt > 0`, `latency >= 0`, `dropRate` in [0, 1], `range > 0`.
    public init(communication: CommunicationConfig, dt: Double, seed: UInt64) {
        precondition(dt > 0 && communication.latency >= 0 && communication.latency.isFinite, "latency must be >= 0")
        precondition((0...1).contains(communication.dropRate), "dropRate must be in [0, 1]")
        precondition(communication.range > 0, "range must be > 0")
        delaySteps = Self.delaySteps(latency: communication.latency, dt: dt)
        dropRate = communication.dropRate
        range = communication.range
        self.seed = seed
        ring = Array(repeating: [], count: delaySteps)
    }

    /// `max(1, ⌈latency / dt⌉)`, with a relative tolerance of 1e-9 so that 0.3 / 0.1 counts as 3.
    public static func delaySteps(latency: Double, dt: Double) -> Int {
        let ratio = latency / dt
        return Swift.max(1, Int((ratio - 1e-9 * Swift.max(1, ratio)).rounded(.up)))
    }

    /// Whether the message of `sender` sent at `step` is lost on its way to `receiver`; `round`
    /// numbers the in-step exchange rounds (1, 2, ...; 0 is the broadcast at the end of the step).
    @inline(__always)
    public func isLost(step: Int, sender: AgentID, receiver: AgentID, round: Int = 0) -> Bool {
        if dropRate <= 0 { return false }
        if dropRate >= 1 { return true }
        let bits = SplitMix64.hash(seed: seed, stream: .messageLoss, UInt64(step), UInt64(sender.index),
                                   UInt64(receiver.index), UInt64(round))
        return SplitMix64.unit(bits) < dropRate
    }

    /// Sends `message` (decided at `step`) to `receiver`, who was within range; returns false
    /// when the network loses it.
    @discardableResult
    public mutating func send(_ message: Message, to receiver: AgentID, step: Int) -> Bool {
        sentCount += 1
        if isLost(step: step, sender: message.sender, receiver: receiver) {
            lostCount += 1
            return false
        }
        ring[(step + delaySteps) % delaySteps].append(Delivery(receiver: receiver.index, message: message))
        return true
    }

    /// Hands every message due at decision step `step` to `deliver(receiverIndex, message)`, in
    /// the order they were sent, and empties the bucket (keeping its storage).
    public mutating func deliver(dueAt step: Int, _ deliver: (Int, Message) -> Void) {
        let slot = step % delaySteps
        for delivery in ring[slot] { deliver(delivery.receiver, delivery.message) }
        deliveredCount += ring[slot].count
        ring[slot].removeAll(keepingCapacity: true)
    }
}
