import ArgumentParser

/// The process exit codes of DESIGN.md, as `ExitCode`s (BSD sysexits values).
enum ExitStatus {
    /// A command-line usage error (bad option or argument combination).
    static let usage = ExitCode(64)
    /// Bad input data: a scenario, game file or matrix text that cannot be used.
    static let dataError = ExitCode(65)
    /// An internal error: a bug, reported instead of a crash.
    static let internalError = ExitCode(70)
    /// An input or output file that cannot be read or written.
    static let ioError = ExitCode(74)
}
