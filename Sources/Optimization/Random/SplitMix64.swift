/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", 2014): the
/// seeded generator of the whole project (benchmarks, seeded property tests, the simulator's
/// randomness), so every random input is reproducible from its seed on every platform.
///
/// The simulator also uses `finalize` as a counter-based hash (see `SplitMix64.hash` in Simulation).
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

    /// A uniform number in [0, 1) from 64 random bits (the top 53 bits).
    @inline(__always) public static func unit(_ bits: UInt64) -> Double {
        Double(bits >> 11) * 0x1p-53
    }
}
