import Testing
@testable import Simulation
import Optimization

/// The seeded randomness: the reference sequence and the counter-based split.
@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("the sequence from seed 0 is the reference SplitMix64 sequence")
    func referenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
        #expect(generator.next() == 0xF88B_B8A8_724C_81EC)
    }

    @Test("counter-based draws are pure functions of (seed, stream, counters), in [0, 1)")
    func counterBased() {
        let a = SplitMix64.hash(seed: 42, stream: .messageLoss, 3, 1, 2)
        #expect(a == SplitMix64.hash(seed: 42, stream: .messageLoss, 3, 1, 2))
        #expect(a != SplitMix64.hash(seed: 42, stream: .messageLoss, 3, 2, 1))
        #expect(a != SplitMix64.hash(seed: 43, stream: .messageLoss, 3, 1, 2))
        #expect(a != SplitMix64.hash(seed: 42, stream: .mainTraffic, 3, 1, 2))
        var sum = 0.0
        for k in 0..<10_000 {
            let u = SplitMix64.unit(SplitMix64.hash(seed: 7, stream: .messageLoss, UInt64(k)))
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 10_000 - 0.5) <= 0.01)
    }
}
