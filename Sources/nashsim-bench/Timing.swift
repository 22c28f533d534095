import Foundation
import Optimization

/// Wall-clock timing helpers shared by every benchmark section.
///
/// Times are measured with `DispatchTime` (monotonic, nanosecond resolution) and reported in
/// milliseconds or microseconds. A benchmark runs its body once to warm up, then `repetitions` times.
struct TimingSample {
    /// Durations of the timed repetitions [s], in the order they ran.
    var seconds: [Double]

    var sorted: [Double] { seconds.sorted() }
    var median: Double { percentile(50) }
    var min: Double { seconds.min() ?? .nan }
    var max: Double { seconds.max() ?? .nan }

    /// Nearest-rank percentile `p` in [0, 100] [s].
    func percentile(_ p: Double) -> Double {
        let s = sorted
        guard !s.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(s.count)).rounded(.up)) - 1
        return s[Swift.max(0, Swift.min(s.count - 1, rank))]
    }
}

/// Runs `body` once untimed, then `repetitions` times timed.
func measure(repetitions: Int, warmUp: Bool = true, _ body: () -> Void) -> TimingSample {
    if warmUp { body() }
    var seconds: [Double] = []
    seconds.reserveCapacity(repetitions)
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        let end = DispatchTime.now().uptimeNanoseconds
        seconds.append(Double(end - start) / 1e9)
    }
    return TimingSample(seconds: seconds)
}

/// Formats a duration [s] with a unit that keeps 3 significant figures readable.
func formatDuration(_ seconds: Double) -> String {
    if seconds >= 1 { return String(format: "%.2f s", seconds) }
    if seconds >= 1e-3 { return String(format: "%.2f ms", seconds * 1e3) }
    return String(format: "%.1f µs", seconds * 1e6)
}

/// The project's seeded generator (SplitMix64), so every random input is reproducible from its seed.
typealias BenchmarkRandom = SplitMix64
