import Foundation
import Testing

@Suite("nashsim run (end to end)", .serialized)
struct RunCommandTests {
    static let trajectoryHeader = "t_s,agent,kind,x_m,y_m,heading_rad,speed_mps,accel_mps2"

    /// Checks the three outputs in `folder` of `scratch`: headers, plain numbers, summary keys.
    func checkOutputs(_ scratch: ScenarioScratch, _ folder: String, steps: Int) throws {
        #expect(scratch.entries(folder) == ["events.csv", "summary.json", "trajectories.csv"])
        let trajectories = try #require(scratch.read("\(folder)/trajectories.csv"))
        #expect(trajectories.hasPrefix(Self.trajectoryHeader))
        let rows = trajectories.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { !$0.contains("nan") && !$0.contains("e+") && !$0.contains("e-0") && !$0.contains(",-0.0000") })
        let events = try #require(scratch.read("\(folder)/events.csv"))
        #expect(events.hasPrefix("t_s,agent,event,detail\n"))
        let summaryData = try #require(scratch.data("\(folder)/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
        for key in ["scenario", "seed", "steps", "dt_s", "agents", "collisions", "min_separation_m", "completed",
                    "solve_time_ms", "wall_s", "realtime_factor", "interrupted"] {
            #expect(summary[key] != nil, "summary.json lacks \(key)")
        }
        #expect(summary["steps"] as? Int == steps)
        #expect(summary["interrupted"] as? Bool == false)
    }

    @Test("a run writes the three files to results/<name>/ and a short summary on stderr, nothing on stdout")
    func smallRun() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("small.yaml", ScenarioScratch.small)
        let result = try NashSimBinary.run(["run", "small.yaml", "--threads", "1"], in: scratch.url)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        try checkOutputs(scratch, "results/e2e-small", steps: 20)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("e2e-small: 3 agents, 20 steps (2.0 s simulated) in ") == true, "\(result.stderr)")
        #expect(result.stderr.contains("collisions: 0, minimum separation: "))
        #expect(result.stderr.contains("merges completed: "))
        #expect(result.stderr.contains("MPC solve time per agent and step: p50 "))
        #expect(lines.last == "  wrote results/e2e-small/{trajectories.csv,events.csv,summary.json}")
        #expect(!scratch.entries("results/e2e-small").contains { $0.hasPrefix(".") }, "temporaries left behind")
    }

    @Test("--out, --seed, --duration and --quiet")
    func options() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("small.yaml", ScenarioScratch.small)
        let result = try NashSimBinary.run(["run", "small.yaml", "--out", "o/x", "--seed", "99", "--duration", "1",
                                            "--quiet"], in: scratch.url)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty && result.stdout.isEmpty)
        try checkOutputs(scratch, "o/x", steps: 10)
        #expect(scratch.read("o/x/summary.json")?.contains("\"seed\": 99,") == true)
    }

    @Test("bad options are usage errors (64)", arguments: [
        ["--threads", "0"], ["--duration", "-1"], ["--duration", "0.01"], ["--duration", "1e300"], ["--seed", "-3"], ["--colour"],
    ])
    func badOptions(options: [String]) throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("small.yaml", ScenarioScratch.small)
        let result = try NashSimBinary.run(["run", "small.yaml"] + options, in: scratch.url)
        #expect(result.exitCode == 64, "\(options): \(result.stderr)")
        #expect(scratch.entries("results").isEmpty)
    }

    @Test("an invalid scenario prints every diagnostic and exits 65, writing nothing")
    func invalidScenario() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        let text = ScenarioScratch.small.replacingOccurrences(of: "dt_s: 0.1", with: "dt_s: -0.1")
            .replacingOccurrences(of: "s_m: 40", with: "s_meters: 40")
        try scratch.write("bad.yaml", text)
        let result = try NashSimBinary.run(["run", "bad.yaml"], in: scratch.url)
        #expect(result.exitCode == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n") == [
            "bad.yaml:4:7: error: dt_s must be > 0 (got -0.1)",
            "bad.yaml:16:5: error: missing required key 'agents[2].s_m'",
            "bad.yaml:16:27: error: unknown key 'agents[2].s_meters'; did you mean 's_m'?",
        ])
        #expect(scratch.entries("results").isEmpty)
    }

    @Test("a missing scenario or an unwritable output folder is an I/O error (74), leaving previous outputs")
    func ioErrors() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        let missing = try NashSimBinary.run(["run", "none.yaml"], in: scratch.url)
        #expect(missing.exitCode == 74)
        #expect(missing.stderr == "error: cannot read 'none.yaml': no such file\n")

        try scratch.write("small.yaml", ScenarioScratch.small)
        try scratch.write("blocker", "a file where the output folder should be\n")
        let blocked = try NashSimBinary.run(["run", "small.yaml", "--out", "blocker"], in: scratch.url)
        #expect(blocked.exitCode == 74)
        #expect(blocked.stderr.hasPrefix("error: cannot write '"), "\(blocked.stderr)")
        #expect(scratch.read("blocker") == "a file where the output folder should be\n")

        // A previous complete run stays as it was when the next one cannot start.
        _ = try NashSimBinary.run(["run", "small.yaml", "--out", "prev", "--quiet"], in: scratch.url)
        let before = scratch.data("prev/trajectories.csv")
        try scratch.write("bad.yaml", "version: 1\n")
        let failed = try NashSimBinary.run(["run", "bad.yaml", "--out", "prev"], in: scratch.url)
        #expect(failed.exitCode == 65)
        #expect(scratch.data("prev/trajectories.csv") == before)
        #expect(scratch.entries("prev") == ["events.csv", "summary.json", "trajectories.csv"])
    }

    @Test("a collision still writes the outputs; exit 0, or 3 with --strict")
    func collision() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("crash.yaml", """
            version: 1
            name: crash
            seed: 1
            dt_s: 0.1
            duration_s: 5
            world: {type: highway-merge}
            agents:
              - {id: fast, route: main, s_m: 10, speed_mps: 40, controller: {max_brake_mps2: 0.5}}
              - {id: stopped, route: main, s_m: 30, speed_mps: 0, desired_speed_mps: 0.1}

            """)
        let lenient = try NashSimBinary.run(["run", "crash.yaml", "--out", "a"], in: scratch.url)
        #expect(lenient.exitCode == 0)
        #expect(lenient.stderr.contains("collisions: 1,") || lenient.stderr.contains("collisions: 2,"), "\(lenient.stderr)")
        #expect(scratch.read("a/events.csv")?.contains(",collision,") == true)
        let strict = try NashSimBinary.run(["run", "crash.yaml", "--out", "b", "--strict"], in: scratch.url)
        #expect(strict.exitCode == 3)
        #expect(strict.stderr.hasSuffix(" (--strict)\n"))
        #expect(scratch.entries("b") == ["events.csv", "summary.json", "trajectories.csv"])
        #expect(scratch.data("a/trajectories.csv") == scratch.data("b/trajectories.csv"))
    }

    @Test("Ctrl-C stops the run between steps: complete outputs of the steps done, interrupted: true, exit 130")
    func interrupted() throws {
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        try scratch.write("long.yaml", ScenarioScratch.small
            .replacingOccurrences(of: "duration_s: 2", with: "duration_s: 600")
            .replacingOccurrences(of: "main_length_m: 600", with: "main_length_m: 1000000"))
        let process = Process()
        process.executableURL = NashSimBinary.url
        process.arguments = ["run", "long.yaml", "--out", "out", "--threads", "1"]
        process.currentDirectoryURL = scratch.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the run is under way (its temporaries exist and have grown), then interrupt it.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !scratch.entries("out").contains(where: { $0.hasPrefix(".trajectories.csv.tmp-") }) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 1.0)
        #expect(scratch.entries("out").allSatisfy { $0.hasPrefix(".") }, "final names appeared before the end")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(scratch.entries("out") == ["events.csv", "summary.json", "trajectories.csv"])
        let summary = try #require(try JSONSerialization.jsonObject(with: scratch.data("out/summary.json") ?? Data())
            as? [String: Any])
        #expect(summary["interrupted"] as? Bool == true)
        let steps = try #require(summary["steps"] as? Int)
        #expect(steps > 0 && steps < 6000)
        let trajectories = try #require(scratch.read("out/trajectories.csv"))
        #expect(trajectories.hasSuffix("\n"))
        let lastTime = trajectories.split(separator: "\n").last?.split(separator: ",").first.map(String.init)
        #expect(lastTime == String(format: "%.3f", Double(steps) * 0.1))
    }

    @Test("every shipped scenario runs, with the same bytes for --threads 1 and --threads 2")
    func shippedScenarios() throws {
        let scenarios = ScenarioScratch.shippedRunnableScenarios
        guard !scenarios.isEmpty else { return }
        let scratch = try ScenarioScratch()
        defer { scratch.cleanUp() }
        for (index, scenario) in scenarios.enumerated() {
            // The first few simulated seconds: enough to compare the outputs, quick in a debug build.
            for threads in ["1", "2"] {
                let result = try NashSimBinary.run(["run", scenario, "--out", scratch.url.path + "/\(index)-\(threads)",
                                                    "--threads", threads, "--duration", "8", "--quiet"])
                #expect(result.exitCode == 0, "\(scenario) --threads \(threads): \(result.stderr)")
            }
            try checkOutputs(scratch, "\(index)-1", steps: -1 == 0 ? 0 : stepsOf(scratch, "\(index)-1"))
            for name in ["trajectories.csv", "events.csv"] {
                #expect(scratch.data("\(index)-1/\(name)") == scratch.data("\(index)-2/\(name)"),
                        "\(scenario): \(name) differs between --threads 1 and 2")
            }
            let one = scratch.read("\(index)-1/summary.json") ?? ""
            let two = scratch.read("\(index)-2/summary.json") ?? ""
            let timing = ["\"solve_time_ms\"", "\"wall_s\"", "\"realtime_factor\""]
            let differing = zip(one.split(separator: "\n"), two.split(separator: "\n")).filter { $0 != $1 }
            #expect(differing.allSatisfy { pair in timing.contains { pair.0.contains($0) } }, "\(scenario): \(differing)")
        }
    }

    private func stepsOf(_ scratch: ScenarioScratch, _ folder: String) -> Int {
        guard let data = scratch.data("\(folder)/summary.json"),
              let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return -1 }
        return summary["steps"] as? Int ?? -1
    }
}
