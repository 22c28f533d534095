/// Percentiles of the per-agent MPC solve times of a run, in milliseconds.
///
/// Percentiles use the nearest-rank method on the sorted times: the p-th percentile of n times is
/// the ⌈p/100 · n⌉-th smallest (so p50 of [1, 2, 3, 4] is 2, and every percentile is a measured
/// time). All three are nil when the run solved nothing.
public struct SolveTimeStatistics: Sendable, Hashable {
    public var p50: Double?
    public var p95: Double?
    public var max: Double?

    /// - Parameter solveTimes: solve times [s], in any order.
    /// - Complexity: O(n log n).
    public init(solveTimes: [Double]) {
        let sorted = solveTimes.filter(\.isFinite).sorted()
        func percentile(_ p: Double) -> Double? {
            guard !sorted.isEmpty else { return nil }
            let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
            return sorted[Swift.max(rank, 1) - 1] * 1000
        }
        p50 = percentile(50)
        p95 = percentile(95)
        max = sorted.last.map { $0 * 1000 }
    }
}
