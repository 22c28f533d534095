import Foundation
import Testing

@Suite("nashsim validate (end to end)", .serialized)
struct ValidateCommandTests {
    @Test("a valid file prints '<file>: ok' on stderr, nothing on stdout, exit 0")
    func valid() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("ok.yaml", ScenarioScratch.small)
        let result = try NashSimBinary.run(["validate", "ok.yaml"], in: scratch.url)
        #expect(result.exitCode == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "ok.yaml: ok\n")
    }

    @Test("a malformed file gives line, column and key path, exit 65")
    func malformed() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("bad.yaml", ScenarioScratch.small.replacingOccurrences(of: "merge_end_m: 320", with: "merge_end_m: 150"))
        let result = try NashSimBinary.run(["validate", "bad.yaml"], in: scratch.url)
        #expect(result.exitCode == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "bad.yaml:11:16: error: world.merge_end_m must be > merge_start_m = 200 (got 150)\n")
    }

    @Test("an unknown key suggests the right one")
    func unknownKey() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("typo.yaml", ScenarioScratch.small.replacingOccurrences(of: "dt_s: 0.1", with: "dt: 0.1"))
        let result = try NashSimBinary.run(["validate", "typo.yaml"], in: scratch.url)
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("typo.yaml:4:1: error: unknown key 'dt'; did you mean 'dt_s'?\n"))
        #expect(result.stderr.contains("typo.yaml:1:1: error: missing required key 'dt_s'\n"))
    }

    @Test("several errors in one file are all reported, in file order")
    func severalErrors() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        let text = ScenarioScratch.small
            .replacingOccurrences(of: "seed: 3", with: "seed: three")
            .replacingOccurrences(of: "speed_limit_mps: 25", with: "speed_limit_mps: -25")
            .replacingOccurrences(of: "{id: m2, route: main, s_m: 80", with: "{id: m1, route: mian, s_m: 80")
            .appending("communication: {drop_rate: 2}\n")
        try scratch.write("many.yaml", text)
        let result = try NashSimBinary.run(["validate", "many.yaml"], in: scratch.url)
        #expect(result.exitCode == 65)
        #expect(result.stderr.split(separator: "\n") == [
            "many.yaml:3:7: error: seed must be a whole number (got three)",
            "many.yaml:12:20: error: world.speed_limit_mps must be > 0 (got -25)",
            "many.yaml:15:10: error: agents[1].id duplicates the id 'm1' of agents[0] (line 14)",
            "many.yaml:15:21: error: agents[1].route must be one of: main, ramp (got mian); did you mean 'main'?",
            "many.yaml:17:28: error: communication.drop_rate must be in [0, 1] (got 2)",
        ])
    }

    @Test("a YAML syntax error carries its position")
    func syntaxError() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("syntax.yaml", ScenarioScratch.small.replacingOccurrences(of: "  - {id: r1", with: "  - {id: r1,,"))
        let result = try NashSimBinary.run(["validate", "syntax.yaml"], in: scratch.url)
        #expect(result.exitCode == 65)
        #expect(result.stderr.hasPrefix("syntax.yaml:16:"), "\(result.stderr)")
        #expect(result.stderr.contains(": error: invalid YAML: "))
    }

    @Test("a missing file is an I/O error (74), and wins over an invalid one; every file is still checked")
    func missingFile() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("ok.yaml", ScenarioScratch.small)
        try scratch.write("bad.yaml", "version: 2\n")
        let missing = try NashSimBinary.run(["validate", "none.yaml"], in: scratch.url)
        #expect(missing.exitCode == 74)
        #expect(missing.stderr == "error: cannot read 'none.yaml': no such file\n")
        let mixed = try NashSimBinary.run(["validate", "ok.yaml", "bad.yaml", "none.yaml"], in: scratch.url)
        #expect(mixed.exitCode == 74)
        #expect(mixed.stderr.hasPrefix("ok.yaml: ok\nbad.yaml:1:1: error: missing required key 'name'\n"))
        #expect(mixed.stderr.contains("bad.yaml:1:10: error: version must be 1 (got 2)"))
        #expect(mixed.stderr.hasSuffix("error: cannot read 'none.yaml': no such file\n"))
        let invalid = try NashSimBinary.run(["validate", "ok.yaml", "bad.yaml"], in: scratch.url)
        #expect(invalid.exitCode == 65)
    }

    @Test("standard input is read with '-'; no file at all is a usage error")
    func stdinAndUsage() throws {
        let fromStdin = try NashSimBinary.run(["validate", "-"], stdin: ScenarioScratch.small)
        #expect(fromStdin.exitCode == 0)
        #expect(fromStdin.stderr == "<stdin>: ok\n")
        let none = try NashSimBinary.run(["validate"])
        #expect(none.exitCode == 64)
    }

    @Test("every shipped scenario is valid")
    func shipped() throws {
        let scenarios = ScenarioScratch.shippedScenarios
        guard !scenarios.isEmpty else { return }
        let result = try NashSimBinary.run(["validate"] + scenarios)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr == scenarios.map { "\($0): ok\n" }.joined())
    }
}
