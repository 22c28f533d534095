import ArgumentParser
import Foundation

/// `nashsim repl`: the interactive session (see `ReplSession` for the commands and `help` inside it).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Enter payoff matrices and compute their equilibria interactively.",
        discussion: """
            On a terminal: a prompt with line editing, and a history kept across sessions in \
            ~/.nashsim_history (the environment variable NASHSIM_HISTORY names another file; set it \
            empty to keep none). With stdin piped, lines are read without a prompt, so scripts can drive \
            the session; results go to stdout, errors to stderr, and a mistake never ends the session. \
            `quit` or the end of input (Ctrl-D) ends it with exit code 0. Type `help` in the session \
            for the commands.

            Example:
              printf 'game stag-hunt\\nsolve\\nselect risk\\n' | nashsim repl
            """)

    init() {}

    func run() throws {
        var session = ReplSession(environment: .standard)
        if isatty(STDIN_FILENO) != 0 {
            SolveInterruption.shared.installSignalHandler()
            var source = EditLineSource(prompt: ReplSession.prompt, historyPath: Self.historyPath())
            ReplDriver.run(&session, reading: &source, interactive: true)
        } else {
            var source = PlainLineSource()
            ReplDriver.run(&session, reading: &source, interactive: false)
        }
    }

    /// `NASHSIM_HISTORY` when set (empty: no history), else `~/.nashsim_history`.
    static func historyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["NASHSIM_HISTORY"] { return path.isEmpty ? nil : path }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".nashsim_history").path
    }
}
