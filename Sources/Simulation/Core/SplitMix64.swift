/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014):
/// both a sequential generator and the counter-based hash the simulator uses to split one seed
/// into independent streams.
///
/// Counter-based use: a random number is a pure function of `(seed, stream, counters...)`, e.g.
/// the loss draw of one message is `hash(seed, .messageLoss, step, sender, receiver)`. No draw
/// depends on how many draws were made before it, so results do not depend on the order in which
/// agents are processed or on the number of threads.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; each `next()` adds the golden-ratio increment and mixes.
    public var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits (the reference SplitMix64 sequence).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.finalize(state)
    }

    /// The SplitMix64 output function (a bijection of UInt64 with good avalanche).
    @inline(__always) public static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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

    /// A uniform number in [0, 1) from 64 random bits (the top 53 bits).
    @inline(__always) public static func unit(_ bits: UInt64) -> Double {
        Double(bits >> 11) * 0x1p-53
    }
}

/// The independent random streams of a run, each split further by its own counters.
public enum RandomStream: UInt64, Sendable {
    /// Message loss: counters (step, sender index, receiver index).
    case messageLoss = 1
    /// Traffic generation on the main route: counters (car number, field).
    case mainTraffic = 2
    /// Traffic generation on the ramp route: counters (car number, field).
    case rampTraffic = 3
}
