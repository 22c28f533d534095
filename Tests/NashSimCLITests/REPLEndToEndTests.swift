import Foundation
import Testing

/// `nashsim repl` as users and scripts run it: the built binary (found by `NashSimBinary`, next to the
/// test bundle in SwiftPM's products folder) with a script piped into stdin; stdout and stderr are
/// compared with golden files (re-record with `NASHSIM_RECORD=1`), the exit code must be 0.
@Suite("nashsim repl (end to end)")
struct REPLEndToEndTests {
    /// The environment of the tests, with the REPL's history redirected to `history` (or disabled).
    private static func environment(history: String? = nil) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["NASHSIM_HISTORY"] = history ?? ""
        environment["NASHSIM_RECORD"] = nil
        return environment
    }

    static let script = """
        # A first session: the prisoner's dilemma, typed as a new user would.
        help solve
        matrix 3 0; 5 1 | 3 5; 0 1
        labels row cooperate defect
        labels column cooperate defect
        solve
        select pareto
        set A 1 1 6
        set B cooperate cooperate 6
        solve
        select risk
        br row 1/2 1/2
        regret defect | defect
        set A 1 x 2
        A 1 2; 3 4x
        solve simplex
        game stag-hunt
        select risk
        select pareto
        game matching-pennies
        solve
        quit
        show

        """

    @Test func pipedScriptProducesTheGoldenOutput() throws {
        let result = try NashSimBinary.run(["repl"], stdin: Self.script, environment: Self.environment())
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        REPLGolden.check(result.stdout, against: "repl-e2e.stdout.txt")
        REPLGolden.check(result.stderr, against: "repl-e2e.stderr.txt")
        #expect(!result.stdout.contains("nashsim> "), "no prompt when stdin is piped")
    }

    @Test func endOfInputEndsTheSessionWithExitCodeZero() throws {
        let result = try NashSimBinary.run(["repl"], stdin: "game stag-hunt\nfoo\nsolve pure", environment: Self.environment())
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("stag-hunt"))
        #expect(result.stdout.contains("2 equilibria"), "a last line without a line break is still read")
        #expect(result.stderr == "error: unknown command 'foo'; type `help` for the list of commands\n")
    }

    @Test func emptyInputIsAnEmptySession() throws {
        let result = try NashSimBinary.run(["repl"], stdin: "", environment: Self.environment())
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func pipedSessionsKeepNoHistory() throws {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("nashsim-history-\(UUID())").path
        let result = try NashSimBinary.run(["repl"], stdin: "games\nquit\n", environment: Self.environment(history: history))
        #expect(result.exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: history))
    }

    @Test func helpExitsZero() throws {
        let result = try NashSimBinary.run(["repl", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("NASHSIM_HISTORY"))
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`): the prompt appears and the typed
    /// lines are kept in the history file for the next session.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func terminalSessionHasAPromptAndKeepsHistory() throws {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("nashsim-history-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: history) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(NashSimBinary.url.path)' repl", "/dev/null"]
        process.environment = Self.environment(history: history)
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data("game stag-hunt\nquit\n".utf8))
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("nashsim> "), "output: \(text)")
        #expect(text.contains("stag-hunt"))
        let saved = (try? String(contentsOfFile: history, encoding: .utf8)) ?? ""
        #expect(saved.contains("game\\040stag-hunt") || saved.contains("game stag-hunt"), "history: \(saved)")
    }
}
