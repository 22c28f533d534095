import Foundation
@testable import Reporting
import Simulation
import Testing
import XCTest

/// A fresh temporary folder, removed by `cleanUp()`.
struct ReportingScratchFolder {
    var url = FileManager.default.temporaryDirectory.appendingPathComponent("nashsim-reporting-\(UUID().uuidString)")

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
    func contents(_ name: String) -> String? { try? String(contentsOf: file(name), encoding: .utf8) }
    var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

@Suite("Reporting: RunOutputWriter files")
struct ReportingOutputTests {
    func run(into folder: URL, records: [StepRecord] = reportingSampleRecords(), wall: Double = 1) throws {
        let writer = try RunOutputWriter(directory: folder)
        for record in records { try writer.write(record) }
        try writer.finish(summary: reportingSampleSummary(), wallSeconds: wall, interrupted: false)
    }

    @Test("a finished run leaves exactly the three files, and nothing temporary")
    func finished() throws {
        let folder = ReportingScratchFolder()
        defer { folder.cleanUp() }
        try run(into: folder.url.appendingPathComponent("nested/out"))
        let out = ReportingScratchFolder(url: folder.url.appendingPathComponent("nested/out"))
        #expect(out.entries == ["events.csv", "summary.json", "trajectories.csv"])
        #expect(out.contents("trajectories.csv")?.hasPrefix("t_s,agent,kind,x_m,y_m,heading_rad,speed_mps,accel_mps2,lane") == true)
        #expect(out.contents("events.csv")?.hasPrefix("t_s,agent,event,detail\n") == true)
        #expect(out.contents("summary.json")?.hasSuffix("}\n") == true)
    }

    @Test("while running, only hidden temporaries exist; a discarded run keeps the previous outputs")
    func discarded() throws {
        let folder = ReportingScratchFolder()
        defer { folder.cleanUp() }
        try run(into: folder.url)
        let previous = folder.entries.map { folder.contents($0) }

        let writer = try RunOutputWriter(directory: folder.url)
        try writer.write(reportingSampleRecords()[0])
        let during = folder.entries
        #expect(during.count == 6)
        #expect(during.filter { $0.hasPrefix(".") && $0.contains(".tmp-") }.count == 3)
        writer.discard()
        #expect(folder.entries == ["events.csv", "summary.json", "trajectories.csv"])
        #expect(folder.entries.map { folder.contents($0) } == previous)
    }

    @Test("a writer dropped without finishing removes its temporaries")
    func dropped() throws {
        let folder = ReportingScratchFolder()
        defer { folder.cleanUp() }
        do {
            let writer = try RunOutputWriter(directory: folder.url)
            try writer.write(reportingSampleRecords()[0])
        }
        #expect(folder.entries.isEmpty)
    }

    @Test("a failing record discards nothing by itself, and finish after it still works or discards")
    func invalidRecordThenDiscard() throws {
        let folder = ReportingScratchFolder()
        defer { folder.cleanUp() }
        let writer = try RunOutputWriter(directory: folder.url)
        var bad = reportingSampleRecords()[0]
        bad.samples[0].x = .infinity
        #expect(throws: ReportingError.self) { try writer.write(bad) }
        writer.discard()
        #expect(folder.entries.isEmpty)
    }

    @Test("a run without samples still gets the trajectory header")
    func emptyRun() throws {
        let folder = ReportingScratchFolder()
        defer { folder.cleanUp() }
        try run(into: folder.url, records: [])
        #expect(folder.contents("trajectories.csv") == "t_s,agent,kind,x_m,y_m,heading_rad,speed_mps,accel_mps2\n")
        #expect(folder.contents("events.csv") == "t_s,agent,event,detail\n")
    }

    @Test("an unwritable folder is a cannotWrite error, before anything runs")
    func unwritable() throws {
        let folder = ReportingScratchFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let blocker = folder.file("file")
        try Data().write(to: blocker)
        #expect(throws: ReportingError.cannotWrite(path: blocker.path, reason: "not a directory")) {
            try RunOutputWriter(directory: blocker)
        }
        #expect(throws: ReportingError.self) { try RunOutputWriter(directory: blocker.appendingPathComponent("sub")) }
    }

    @Test("seeded random records: two writers produce byte-identical CSVs, every row well-formed",
          arguments: [UInt64(11), 12])
    func deterministic(seed: UInt64) throws {
        var random = LoaderTestRandom(seed: seed)
        var records: [StepRecord] = []
        let agents = (0..<Int.random(in: 1...12, using: &random)).map { "car-\($0)" }.sorted()
        for step in 0..<300 {
            let time = Double(step) * 0.05
            let samples = agents.map { id in
                TrajectorySample(agent: id, kind: .car, x: .random(in: -1e4...1e4, using: &random),
                                 y: .random(in: -1e-6...1e-6, using: &random), heading: .random(in: -3.2...3.2, using: &random),
                                 speed: .random(in: 0...40, using: &random), accel: .random(in: -8...3, using: &random),
                                 extra: [(name: "lane", value: Bool.random(using: &random) ? "main" : "ramp")])
            }
            let events = Bool.random(using: &random)
                ? [SimulationEvent(time: time, agent: agents[0], event: "note", detail: "a, \"quoted\"\nline")] : []
            records.append(StepRecord(step: step, time: time, samples: samples, events: events))
        }
        let folder = ReportingScratchFolder()
        defer { folder.cleanUp() }
        try run(into: folder.url.appendingPathComponent("one"), records: records, wall: 1)
        try run(into: folder.url.appendingPathComponent("two"), records: records, wall: 2)
        for name in ["trajectories.csv", "events.csv"] {
            let one = try Data(contentsOf: folder.url.appendingPathComponent("one/\(name)"))
            let two = try Data(contentsOf: folder.url.appendingPathComponent("two/\(name)"))
            #expect(one == two, "seed \(seed): \(name) differs")
        }
        let trajectories = try #require(ReportingScratchFolder(url: folder.url.appendingPathComponent("one")).contents("trajectories.csv"))
        let lines = trajectories.split(separator: "\n")
        #expect(lines.count == 1 + agents.count * 300, "seed \(seed)")
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(cells.count == 9, "seed \(seed): \(line)")
            let numeric = [cells[0]] + cells[3...7]
            #expect(numeric.allSatisfy { $0.allSatisfy { $0.isNumber || $0 == "-" || $0 == "." } },
                    "seed \(seed): \(line)")
            #expect(!line.contains("-0.0000,") && !line.lowercased().contains("nan"), "seed \(seed): \(line)")
        }
    }
}

/// Keeps the XCTest runner's closing line in `swift test` output for this target.
final class ReportingXCTests: XCTestCase {
    func testFixedDecimalHasNoExponent() {
        XCTAssertEqual(FixedDecimal.format(1e-300, decimals: 4), "0.0000")
        let large = FixedDecimal.format(6.02e23, decimals: 1)
        XCTAssertTrue(large.hasPrefix("60199999") && large.hasSuffix(".0") && !large.contains("e"), large)
    }
}
