import Synchronization

/// Stop conditions and progress shared by the workers of one vertex search.
final class SearchControl: Sendable {
    let cancellation: CancellationFlag?
    let deadline: ContinuousClock.Instant?
    private let stopFlag = Atomic<Bool>(false)
    private let interrupted = Atomic<Bool>(false)
    private let checkedBases = Atomic<Int>(0)

    init(cancellation: CancellationFlag?, timeBudgetSeconds: Double?) {
        self.cancellation = cancellation
        deadline = timeBudgetSeconds.map { ContinuousClock.now + .nanoseconds(Int64((min($0, 1e9) * 1e9).rounded())) }
    }

    /// A fresh control (own progress count) with the same cancellation flag and deadline.
    init(sharingStopConditionsOf other: SearchControl) {
        cancellation = other.cancellation
        deadline = other.deadline
    }

    /// True once the search must stop (cancelled, out of time, or asked to stop because its question
    /// is answered). Checks the clock, so call it every few thousand bases, not per basis.
    func shouldStop() -> Bool {
        if stopFlag.load(ordering: .relaxed) { return true }
        if cancellation?.isCancelled == true || (deadline.map { ContinuousClock.now >= $0 } ?? false) {
            interrupted.store(true, ordering: .relaxed)
            stopFlag.store(true, ordering: .relaxed)
            return true
        }
        return false
    }

    /// Stops every worker because the answer is known (not an interruption).
    func finishEarly() { stopFlag.store(true, ordering: .relaxed) }

    /// Whether the search was cut short by cancellation or the time budget.
    var wasInterrupted: Bool { interrupted.load(ordering: .relaxed) }

    func addChecked(_ n: Int) { checkedBases.add(n, ordering: .relaxed) }
    var checked: Int { checkedBases.load(ordering: .relaxed) }
}

/// `n choose r`, saturating at `Int.max / 4` (only used for progress counts).
func binomialCount(_ n: Int, _ r: Int) -> Int {
    if r < 0 || r > n { return 0 }
    let r = min(r, n - r)
    var result = 1
    for i in 0..<r {
        let (p, o) = result.multipliedReportingOverflow(by: n - i)
        if o || p / (i + 1) > Int.max / 4 { return Int.max / 4 }
        result = p / (i + 1)
    }
    return result
}
