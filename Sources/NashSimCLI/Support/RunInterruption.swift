import Foundation
import GameTheory
import Synchronization

/// The signal (SIGINT from Ctrl-C, or SIGTERM) that asked the current run to stop; 0 while none.
private let requestedSignal = Atomic<Int32>(0)

/// Turns Ctrl-C (SIGINT) and SIGTERM into a request that the run loop checks once per step, so a
/// run stops between two steps and still writes complete outputs for the steps it did; `nashsim solve`
/// uses the same handler to stop a long enumeration and print what it found.
///
/// The first signal only sets the request (and restores the default action); a second one ends the
/// process at once, leaving the previous outputs and at most some hidden temporary files.
///
/// A signal the process inherited as ignored (`nohup`, a background job of a non-interactive shell)
/// stays ignored. A signal inherited as *blocked* is unblocked: a parent may spawn `nashsim` with a
/// blocked mask (Foundation's `Process` does when launched from a secondary thread), and Ctrl-C
/// should still work.
enum RunInterruption {
    /// Raised by the first signal, for computations that watch a flag rather than poll `requested`
    /// (the equilibrium enumeration of `nashsim solve`). Setting it is permanent for the process.
    static let cancellation = CancellationFlag()

    /// Installs the handlers (once per run, on the main thread, before other threads start).
    static func install() {
        requestedSignal.store(0, ordering: .relaxed)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM] {
            var current = sigaction()
            sigaction(signalNumber, nil, &current)
            if isIgnored(current) { continue }
            signal(signalNumber) { received in
                requestedSignal.store(received, ordering: .relaxed)
                RunInterruption.cancellation.cancel()
                signal(received, SIG_DFL)
            }
            sigaddset(&unblock, signalNumber)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
        #else
        return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1
        #endif
    }

    /// Restores the default actions.
    static func uninstall() {
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// The signal that asked to stop, if any.
    static var requested: Int32? {
        let value = requestedSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
