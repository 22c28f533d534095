import ArgumentParser

/// A failure a command reports to the user: the diagnostics to print on stderr (one per line, already
/// formatted compiler-style) and the exit code. Commands throw it; `reportingFailures` prints it.
struct CommandFailure: Error {
    var messages: [String]
    var exitCode: ExitCode

    static func data(_ messages: [String]) -> CommandFailure { CommandFailure(messages: messages, exitCode: ExitStatus.dataError) }
    static func io(_ message: String) -> CommandFailure { CommandFailure(messages: [message], exitCode: ExitStatus.ioError) }
    static func usage(_ message: String) -> CommandFailure { CommandFailure(messages: [message], exitCode: ExitStatus.usage) }
    static func `internal`(_ message: String) -> CommandFailure {
        CommandFailure(messages: ["error: internal error: \(message)"], exitCode: ExitStatus.internalError)
    }
}

/// Runs `body`; a `CommandFailure` is printed to stderr and turned into its exit code, so nothing
/// reaches stdout and no stack trace is shown.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as CommandFailure {
        for message in failure.messages { Console.error(message) }
        throw failure.exitCode
    }
}
