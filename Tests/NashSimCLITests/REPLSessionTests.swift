import Foundation
import GameTheory
import Testing
@testable import NashSimCLI

/// The REPL session driven line by line, without a terminal: each script's whole transcript is
/// compared with a golden file. In a transcript, `> ` starts a line typed by the user and `! ` a line
/// the session printed on stderr; everything else went to stdout.
@Suite("REPL session")
final class REPLSessionTests {
    /// The temporary folders of this test, removed when it ends.
    private var folders: [URL] = []

    deinit {
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }

    /// A session whose `load`/`save` paths are relative to a fresh temporary folder.
    private static func session(in folder: URL) -> ReplSession {
        var environment = SessionEnvironment.standard
        environment.currentDirectory = folder
        return ReplSession(environment: environment)
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nashsim-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folders.append(url)
        return url
    }

    /// Runs `script` (one command per line) and returns the transcript.
    static func transcript(_ script: String, session: inout ReplSession) -> String {
        var out = ""
        for line in script.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            out += "> \(line)\n"
            for part in session.handle(String(line)).parts {
                switch part.stream {
                case .standard: out += part.text
                case .error: out += part.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    .map { "! \($0)\n" }.joined()
                }
            }
            if session.isFinished { out += "(session ended)\n"; break }
        }
        return out
    }

    private func run(_ script: String, golden: String, files: [String: String] = [:]) throws -> URL {
        let folder = try temporaryFolder()
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        var session = Self.session(in: folder)
        REPLGolden.check(Self.transcript(script, session: &session), against: golden)
        return folder
    }

    @Test func enteringEditingAndSolvingAGame() throws {
        let folder = try run("""
            help
            help set
            matrix 3 0; 5 1 | 3 5; 0 1
            labels row C D
            labels column C D
            title Prisoner's dilemma
            show
            solve
            set A 1 1 6
            set B C C 6
            solve
            br row 1/2 1/2
            br column D
            regret 1 0 | 1 0
            regret D | D
            regret column 1/2 1/2 | 1 0
            save pd.nfg
            save pd.txt
            matrix 1
            load pd.nfg
            quit
            show

            """, golden: "repl-session-editing.txt")
        let saved = try String(contentsOf: folder.appendingPathComponent("pd.nfg"), encoding: .utf8)
        #expect(saved.contains("\"Prisoner's dilemma\""))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["pd.nfg", "pd.txt"], "no temporary files are left behind")
    }

    @Test func zeroSumGamesFromOneMatrix() throws {
        _ = try run("""
            A 1 -1; -1 1
            set A 1 2 -2
            solve
            solve lp
            B 1 -1; -1 1
            show
            A 2 0 1; 0 1 2
            matrix 0 -1 1; 1 0 -1; -1 1 0
            labels row rock paper scissors
            solve
            regret 1/3 1/3 1/3 | 1/3 1/3 1/3

            """, golden: "repl-session-zero-sum.txt")
    }

    @Test func selectionOnClassicGames() throws {
        _ = try run("""
            games
            game stag-hunt
            select pareto
            select risk
            select welfare
            select maxmin
            game battle-of-the-sexes
            select pareto
            select pareto column
            select risk
            game prisoners-dilemma
            select pareto
            select risk
            game chicken
            select risk column

            """, golden: "repl-session-selection.txt")
    }

    /// Every kind of mistake a user can make with a well-formed command: an error naming the command,
    /// and the session goes on with its state unchanged.
    @Test func mistakesKeepTheSessionAlive() throws {
        _ = try run("""
            show
            solve
            set A 1 1 2
            B 1 2; 3 4
            frobnicate
            slove
            A 1 2; 3abc 4; 5
            A 1 1e400
            matrix 1 2 | 3 -1e999
            A 1 2; 3 4
            B 1 2 3; 4 5 6
            B 1 2; 3 x
            matrix 1 2 | 1 2 3
            set A 3 1 5
            set B 1 c9 5
            set B r1 c2 = -7/2
            labels row a b c
            br row 1/2 1/2 0
            br column r3
            regret 1 0 | 1 0 0
            game stag
            game no-such-game
            load missing.nfg
            load bad.txt
            load bad.json
            load .
            save no/such/folder/game.txt
            save .
            solve lp
            solve pure
            select risk
            matrix 1 2; 3 4; 5 6 | 1 2; 3 4; 5 6
            select risk
            show

            """, golden: "repl-session-mistakes.txt",
            files: ["bad.txt": "1 2\n3 4 5\n", "bad.json": "{\"A\": [[1, \"x\"]]}\n"])
    }

    /// Payoffs at the edge of the accepted range (±1e30, `BimatrixGame.maximumPayoffMagnitude`) and
    /// tiny ones: every command still answers and the session goes on.
    @Test(arguments: ["matrix 1e30 -1e30; 0 1", "matrix 1e30 0; 0 1e30 | 1e30 0; 0 1e30",
                      "matrix 1e-320 0; 0 1e-320", "A 1e30 1e30; -1e30 -1e30", "matrix 1e30 1; 1e-30 0"])
    func extremePayoffsNeverCrash(matrix: String) throws {
        var session = Self.session(in: try temporaryFolder())
        #expect(session.handle(matrix).errors.isEmpty)
        for command in ["solve", "solve support", "solve lp", "solve pure", "select pareto", "select maxmin",
                        "br row 1/2 1/2", "regret 1/2 1/2 | 1/2 1/2"] {
            let output = session.handle(command)
            #expect(!output.parts.isEmpty, "\(matrix) / \(command)")
        }
    }

    @Test func endOfScriptWithoutQuitLeavesTheSessionRunning() throws {
        let folder = try temporaryFolder()
        var session = Self.session(in: folder)
        _ = session.handle("game stag-hunt")
        #expect(!session.isFinished)
        #expect(session.handle("exit").parts.isEmpty)
        #expect(session.isFinished)
    }

    /// Seeded random command lines against a loaded game: whatever is typed, the session answers
    /// (output or an error) and never traps; state-changing mistakes change nothing.
    @Test(arguments: 0..<8)
    func randomCommandsNeverCrashTheSession(seed: UInt64) throws {
        var rng = SessionRNG(seed: seed)
        let folder = try temporaryFolder()
        var session = Self.session(in: folder)
        _ = session.handle("game battle-of-the-sexes")
        let heads = ["A", "B", "matrix", "set A", "set B", "labels row", "labels column", "br row", "br column",
                     "regret", "regret row", "select", "solve", "show", "title", "game", "help", "save", "load"]
        let pieces = ["1", "2", "3", "0", "-1", "1/2", "1/3", "2/3", "x", "Opera", "Football", ";", "|", ",", "=",
                      "pure", "risk", "pareto", "column", "row", "1e400", "inf", "0.5", "r9", "999999999999999999999",
                      "1e308", "-1e308", "lp", "1e-320"]
        for _ in 0..<120 {
            var line = heads[Int.random(in: 0..<heads.count, using: &rng)]
            for _ in 0..<Int.random(in: 0...7, using: &rng) {
                line += " " + pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
            if line.hasPrefix("save") || line.hasPrefix("load") { line = "show" }
            let before = session.game
            let output = session.handle(line)
            if !output.errors.isEmpty { #expect(session.game == before, "seed \(seed): \(line)") }
            #expect(!output.parts.isEmpty, "seed \(seed): \(line)")
        }
    }
}

private struct SessionRNG: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0xABCD_EF01 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49B8_133E_B111
        return z ^ (z >> 31)
    }
}
