import Optimization

/// Counter-based use of SplitMix64: a random number is a pure function of
/// `(seed, stream, counters...)`, e.g. the loss draw of one message is
/// `hash(seed, .messageLoss, step, sender, receiver)`. No draw depends on how many draws were made
/// before it, so results do not depend on the order in which agents are processed or on the number
/// of threads.
extension SplitMix64 {
    /// 64 random bits determined by `seed`, `stream` and up to four counters.
    /// - Complexity: O(1); allocates nothing.
    @inline(__always)
    public static func hash(seed: UInt64, stream: RandomStream, _ a: UInt64 = 0, _ b: UInt64 = 0,
                            _ c: UInt64 = 0, _ d: UInt64 = 0) -> UInt64 {
        var h = finalize(seed &+ 0x9E37_79B9_7F4A_7C15)
        h = finalize(h ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03) &+ 0x9E37_79B9_7F4A_7C15)
        h = finalize(h ^ a &+ 0x9E37_79B9_7F4A_7C15)
        h = finalize(h ^ b &+ 0x9E37_79B9_7F4A_7C15)
        h = finalize(h ^ c &+ 0x9E37_79B9_7F4A_7C15)
        h = finalize(h ^ d &+ 0x9E37_79B9_7F4A_7C15)
        return h
    }
}

/// The independent random streams of a run, each split further by its own counters.
public enum RandomStream: UInt64, Sendable {
    /// Message loss: counters (step, sender index, receiver index, exchange round).
    case messageLoss = 1
    /// Traffic generation on the main route: counters (car number, field).
    case mainTraffic = 2
    /// Traffic generation on the ramp route: counters (car number, field).
    case rampTraffic = 3
}
