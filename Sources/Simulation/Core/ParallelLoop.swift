import Dispatch
import Synchronization

/// Runs a loop body over `0..<count` on up to `threads` threads. The body must only write state
/// owned by its index; which thread runs which index never matters to the result.
enum ParallelLoop {
    /// Indices handed out per grab: small enough to balance, large enough to keep the shared
    /// counter cold.
    static let chunk = 4

    /// Workers take chunks of indices from a shared counter until none are left, so a worker
    /// that the operating system pauses does not hold up the others (dynamic scheduling).
    static func run(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
        if threads <= 1 || count <= chunk {
            for index in 0..<count { body(index) }
            return
        }
        let workers = Swift.min(threads, (count + chunk - 1) / chunk)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let start = next.wrappingAdd(chunk, ordering: .relaxed).oldValue
                if start >= count { return }
                for index in start..<Swift.min(start + chunk, count) { body(index) }
            }
        }
    }
}

/// Hands a value to the parallel decision phase. Sound only under the phase's discipline: during
/// the decisions the world is read, never written, and each index writes only its own output slot
/// and its own controller.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
