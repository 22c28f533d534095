import Dispatch
import Foundation
import GameTheory
import Synchronization

/// Lets Ctrl-C stop a running `solve` instead of the whole session: while a solve runs, a SIGINT
/// cancels its `CancellationFlag` and the solver reports what it found so far.
///
/// `ReplCommand` calls `installSignalHandler()` on a terminal; the standard environment wraps each
/// solve in `whileRunning`. Without the handler (piped input) SIGINT keeps its default effect.
final class SolveInterruption: Sendable {
    static let shared = SolveInterruption()

    private let current = Mutex<CancellationFlag?>(nil)
    private let source = Mutex<DispatchSourceSignal?>(nil)

    /// Runs `body` with a fresh flag that a SIGINT cancels.
    func whileRunning<T>(_ body: (CancellationFlag) throws -> T) rethrows -> T {
        let flag = CancellationFlag()
        current.withLock { $0 = flag }
        defer { current.withLock { $0 = nil } }
        return try body(flag)
    }

    /// Cancels the running solve, if any.
    func interrupt() {
        current.withLock { $0?.cancel() }
    }

    /// From now on SIGINT (Ctrl-C) no longer ends the process: it interrupts a running solve and is
    /// ignored otherwise (at the prompt, `quit` or Ctrl-D leave).
    func installSignalHandler() {
        source.withLock { source in
            guard source == nil else { return }
            signal(SIGINT, SIG_IGN)
            let signalSource = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            signalSource.setEventHandler { SolveInterruption.shared.interrupt() }
            signalSource.resume()
            source = signalSource
        }
    }
}
