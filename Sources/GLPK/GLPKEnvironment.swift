import CGLPK
import Synchronization

/// Access to GLPK's process-wide state.
///
/// GLPK keeps its environment (memory pools, terminal-output switch, error state) in one pointer.
/// Debian's libglpk40 (GLPK 5.0) is built with thread-local storage: `glp_config("TLS")` reports
/// `_Thread_local`, so each thread has its own environment and threads that use distinct problem
/// objects do not interfere. This is checked when first needed; on a build without TLS every
/// solve is serialized by a process-wide mutex instead.
enum GLPKEnvironment {
    /// Whether the linked GLPK keeps its environment per thread.
    static let isThreadLocal: Bool = glp_config("TLS") != nil

    /// Serializes GLPK calls when the library is not thread-local.
    private static let lock = Mutex<Void>(())

    /// Runs `body` with GLPK's environment initialized for the calling thread and terminal output
    /// off, then frees the environment if this call created it (so that no thread keeps GLPK memory
    /// after its last solve, while a caller that set up GLPK itself keeps its environment).
    ///
    /// - Returns: nil if GLPK could not initialize its environment (out of memory).
    static func withQuietEnvironment<Result: Sendable>(_ body: () -> Result) -> Result? {
        if isThreadLocal { return runInEnvironment(body) }
        return lock.withLock { _ in runInEnvironment(body) }
    }

    private static func runInEnvironment<Result: Sendable>(_ body: () -> Result) -> Result? {
        // glp_init_env: 0 = initialized now, 1 = already initialized, 2/3 = failure.
        let initialization = glp_init_env()
        guard initialization == 0 || initialization == 1 else { return nil }
        let previousOutput = glp_term_out(GLP_OFF)
        let result = body()
        if initialization == 0 {
            glp_free_env()
        } else {
            glp_term_out(previousOutput)
        }
        return result
    }
}
