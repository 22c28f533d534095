import Synchronization

/// A flag that asks a running enumeration to stop as soon as it can (it is checked every few thousand
/// bases). Safe to set from any thread or a signal handler's dispatch source; setting it is permanent.
public final class CancellationFlag: Sendable {
    private let storage = Atomic<Bool>(false)

    public init() {}

    /// Asks every computation watching this flag to stop.
    public func cancel() { storage.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { storage.load(ordering: .relaxed) }
}
