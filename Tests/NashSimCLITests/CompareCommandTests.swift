import Foundation
import Testing

@Suite("nashsim compare (end to end)", .serialized)
struct CompareCommandTests {
    @Test("one row per scenario, the mean over the seeds, progress on stderr; --out writes the same table")
    func table() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("fcfs.yaml", ScenarioScratch.small)
        try scratch.write("welfare.yaml", ScenarioScratch.small.replacingOccurrences(of: "name: e2e-small", with: "name: e2e-welfare")
            + "game: {selection: welfare}\n")
        let result = try NashSimBinary.run(["compare", "fcfs.yaml", "welfare.yaml", "--seeds", "2", "--threads", "1"],
                                           in: scratch.url)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("| scenario | rule | rounds | collisions | merges | time to merge p50 [s]") == true)
        #expect(lines.contains { $0.hasPrefix("| e2e-small | fcfs | 1 | 0.0 |") }, "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("| e2e-welfare | welfare | 1 | 0.0 |") }, "\(result.stdout)")
        #expect(result.stdout.contains("mean over 2 runs (seeds 3, 4)"))
        #expect(result.stderr.contains("compare: e2e-welfare seed 4 done"))

        let written = try NashSimBinary.run(["compare", "fcfs.yaml", "welfare.yaml", "--seeds", "2", "--out", "t.md"],
                                            in: scratch.url)
        #expect(written.exitCode == 0 && written.stdout.isEmpty)
        #expect(scratch.read("t.md") == result.stdout)
    }

    @Test("bad input: 64 for options, 65 for an invalid scenario, 74 for an unwritable --out")
    func failures() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("ok.yaml", ScenarioScratch.small)
        try scratch.write("bad.yaml", ScenarioScratch.small.replacingOccurrences(of: "dt_s: 0.1", with: "dt_s: -1"))
        #expect(try NashSimBinary.run(["compare", "ok.yaml", "--seeds", "0"], in: scratch.url).exitCode == 64)
        #expect(try NashSimBinary.run(["compare"], in: scratch.url).exitCode == 64)
        let invalid = try NashSimBinary.run(["compare", "ok.yaml", "bad.yaml"], in: scratch.url)
        #expect(invalid.exitCode == 65 && invalid.stderr.contains("bad.yaml:4:7: error: dt_s must be > 0"))
        let unwritable = try NashSimBinary.run(["compare", "ok.yaml", "--seeds", "1", "--out", "missing/t.md"], in: scratch.url)
        #expect(unwritable.exitCode == 74, "\(unwritable.stderr)")
    }
}
