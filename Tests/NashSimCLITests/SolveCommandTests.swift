import Foundation
import Optimization
import Testing

/// End-to-end tests of `nashsim solve`: the real binary, its stdout, stderr and exit code.
@Suite("nashsim solve (end to end)")
struct SolveCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func prisonersDilemmaInlineMatrixAsJSON() throws {
        let result = try NashSimBinary.run(["solve", "--matrix", "3 0; 5 1 | 3 5; 0 1", "--format", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["rows"] as? Int == 2)
        #expect(object["columns"] as? Int == 2)
        #expect(object["zero_sum"] as? Bool == false)
        #expect(object["degenerate"] as? Bool == false)
        let equilibria = try #require(object["equilibria"] as? [[String: Any]])
        #expect(equilibria.count == 1)
        #expect(equilibria[0]["row_exact"] as? [String] == ["0", "1"])
        #expect(equilibria[0]["column_exact"] as? [String] == ["0", "1"])
        #expect(equilibria[0]["payoff"] as? [Double] == [1, 1])
        #expect(object["value"] is NSNull)
    }

    @Test func battleOfTheSexesFromGambitFileHasThreeEquilibria() throws {
        let result = try NashSimBinary.run(["solve", "examples/battle-of-the-sexes.nfg", "--format", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let equilibria = try #require(try json(result.stdout)["equilibria"] as? [[String: Any]])
        let rows = equilibria.compactMap { $0["row_exact"] as? [String] }
        #expect(Set(rows) == Set([["1", "0"], ["0", "1"], ["3/5", "2/5"]]))
    }

    @Test func rockPaperScissorsFromJSONHasValueZeroByLP() throws {
        for method in ["auto", "lp"] {
            let result = try NashSimBinary.run(["solve", "examples/rock-paper-scissors.json", "--method", method,
                                                "--format", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let object = try json(result.stdout)
            #expect(object["zero_sum"] as? Bool == true)
            #expect(object["value"] as? Double == 0)
            let equilibria = try #require(object["equilibria"] as? [[String: Any]])
            #expect(equilibria.first?["row_exact"] as? [String] == ["1/3", "1/3", "1/3"])
        }
    }

    @Test func tableFormatShowsFractionsAndPayoffs() throws {
        let result = try NashSimBinary.run(["solve", "examples/battle-of-the-sexes.nfg"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("3/5"))
        #expect(result.stdout.contains("Opera"))
        #expect(result.stderr.isEmpty)
    }

    @Test func csvFormatHasOneLinePerEquilibrium() throws {
        let result = try NashSimBinary.run(["solve", "--matrix", "1 0; 0 1 | 1 0; 0 1", "--format", "csv"])
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)  // header + 3 equilibria
        #expect(lines.first?.hasPrefix("equilibrium,") == true)
    }

    @Test func pureMethodFindsOnlyPureEquilibria() throws {
        let result = try NashSimBinary.run(["solve", "--matrix", "1 0; 0 1 | 1 0; 0 1", "--method", "pure",
                                            "--format", "json"])
        #expect(result.exitCode == 0)
        let equilibria = try #require(try json(result.stdout)["equilibria"] as? [[String: Any]])
        #expect(equilibria.count == 2)
    }

    @Test(arguments: [
        ("1 2; 3abc 4", "1:8"),
        ("1 2; 3", "1:6"),
        ("1 inf; 2 3", "1:3"),
        ("1 2 | 1 2 3", "1:7"),
    ])
    func badMatrixIsExit65WithPosition(matrix: String, position: String) throws {
        let result = try NashSimBinary.run(["solve", "--matrix", matrix])
        #expect(result.exitCode == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("--matrix:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("error:"))
        #expect(!result.stderr.contains("Fatal error"))
        _ = position  // exact columns are pinned by the parser's own tests
    }

    @Test func missingFileIsExit74NamingThePath() throws {
        let result = try NashSimBinary.run(["solve", "no/such/game.nfg"])
        #expect(result.exitCode == 74)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no/such/game.nfg"))
    }

    @Test func fileAndMatrixTogetherIsAUsageError() throws {
        let result = try NashSimBinary.run(["solve", "examples/prisoners-dilemma.txt", "--matrix", "1"])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
    }

    @Test func lpOnAGameThatIsNotZeroSumIsExit65() throws {
        let result = try NashSimBinary.run(["solve", "examples/prisoners-dilemma.txt", "--method", "lp"])
        #expect(result.exitCode == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("zero-sum"))
    }

    @Test func invalidUTF8FileIsExit65() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nashsim-bad-\(UUID()).txt")
        try Data([0x31, 0x20, 0xFF, 0xFE, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try NashSimBinary.run(["solve", url.path])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains(url.path))
    }

    @Test func gameFromStandardInput() throws {
        let result = try NashSimBinary.run(["solve", "-", "--format", "json"], stdin: "0 1; 1 0\n")
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(try json(result.stdout)["value"] as? Double == 0.5)
    }

    @Test func matrixStartingWithAMinusSignIsNotTakenForAnOption() throws {
        let result = try NashSimBinary.run(["solve", "--matrix", "-1 1; 1 -1", "--format", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(try json(result.stdout)["value"] as? Double == 0)
    }

    @Test func helpExitsZero() throws {
        let result = try NashSimBinary.run(["solve", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("--method"))
    }

    /// A 16 x 16 enumeration takes minutes; Ctrl-C stops it, the partial result is printed as valid
    /// JSON with `"complete": false`, and the exit status is 130.
    @Test func ctrlCPrintsThePartialResultAndExits130() throws {
        var rows: [String] = []
        var generator = SplitMix64(seed: 16)
        for _ in 0..<32 { rows.append((0..<16).map { _ in String(Int.random(in: -100...100, using: &generator)) }.joined(separator: " ")) }
        let matrix = rows[0..<16].joined(separator: "; ") + " | " + rows[16...].joined(separator: "; ")
        let process = Process()
        process.executableURL = NashSimBinary.url
        process.arguments = ["solve", "--matrix", matrix, "--format", "json"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Wait for the enumeration to be under way: the long-search note comes first on stderr.
        _ = errors.fileHandleForReading.availableData
        Thread.sleep(forTimeInterval: 0.5)
        process.interrupt()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let object = try json(String(decoding: stdout, as: UTF8.self))
        #expect(object["complete"] as? Bool == false)
    }
}
