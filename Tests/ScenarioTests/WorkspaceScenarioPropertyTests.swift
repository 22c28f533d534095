import Foundation
@testable import Scenario
import Simulation
import Testing

@Suite("ScenarioLoader: workspace properties over seeded random inputs")
struct WorkspaceScenarioPropertyTests {
    @Test("every prefix of a valid workspace file loads or gives positioned diagnostics (never a crash)")
    func prefixes() {
        let scalars = Array(workspaceBaseScenario.unicodeScalars)
        for length in stride(from: 0, through: scalars.count, by: 3) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<length])
            let text = String(view)
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            do {
                _ = try ScenarioLoader.load(text: text, fileName: "p.yaml")
            } catch let error as ScenarioDiagnostics {
                for diagnostic in error.diagnostics {
                    #expect((1...max(lineCount, 1)).contains(diagnostic.line) && diagnostic.column >= 1,
                            "prefix of \(length): \(diagnostic)")
                }
            } catch {
                Issue.record("prefix of \(length): unexpected error \(error)")
            }
        }
    }

    /// (line as written in workspaceBaseScenario, key path, the valid range as a predicate)
    static let numericKeys: [(line: String, path: String, isValid: @Sendable (Double) -> Bool)] = [
        ("  width_m: 12", "world.width_m", { $0 >= 10.6 }),   // the robots need x up to ±5.3
        ("  height_m: 8", "world.height_m", { $0 >= 6.6 }),  // and y up to ±3.3
        ("    radius_m: 0.3", "agents[0]", { $0 > 0 && $0 <= 1 }),  // inside (x 5 + r <= 6), clear of the box at x >= 2
        ("  max_speed_mps: 1.2", "controller.max_speed_mps", { $0 > 0 }),
        ("  safety_margin_m: 0.1", "controller.safety_margin_m", { $0 >= 0 }),
    ]

    @Test("a number is accepted exactly when it is in its documented range and the robots still fit",
          arguments: [UInt64(31), 32])
    func numericRanges(seed: UInt64) {
        var random = LoaderTestRandom(seed: seed)
        for (line, path, isValid) in Self.numericKeys {
            for _ in 0..<20 {
                let value = Double(Int.random(in: -40...160, using: &random)) / 10
                let key = line.prefix { $0 != ":" }
                let text = workspaceScenario(replacing: line + "\n", with: "\(key): \(value)\n")
                let found = loaderDiagnostics(of: text)
                #expect(found.isEmpty == isValid(value), "seed \(seed): \(path) = \(value): \(found)")
                #expect(!found.contains { $0.contains("e-") || $0.contains("0000") }, "seed \(seed): \(found)")
            }
        }
    }

    @Test("random robots load exactly when an independent check finds them inside, clear and apart",
          arguments: [UInt64(51), 52, 53])
    func randomRobots(seed: UInt64) throws {
        var random = LoaderTestRandom(seed: seed)
        let obstacle = (center: (x: 1.0, y: -1.0), radius: 1.5)
        var loaded = 0
        for trial in 0..<40 {
            let count = Int.random(in: 1...5, using: &random)
            var robots: [(start: (Double, Double), goal: (Double, Double), radius: Double)] = []
            for _ in 0..<count {
                func coordinate() -> Double { Double(Int.random(in: -50...50, using: &random)) / 10 }
                robots.append(((coordinate(), coordinate()), (coordinate(), coordinate()),
                               Double(Int.random(in: 1...8, using: &random)) / 10))
            }
            func fits(_ p: (Double, Double), _ r: Double) -> Bool {
                let inside = abs(p.0) + r <= 5 && abs(p.1) + r <= 5
                let d = ((p.0 - obstacle.center.x) * (p.0 - obstacle.center.x)
                    + (p.1 - obstacle.center.y) * (p.1 - obstacle.center.y)).squareRoot()
                return inside && d - obstacle.radius >= r
            }
            func apart(_ points: [(Double, Double)]) -> Bool {
                for i in points.indices {
                    for j in points.indices where j > i {
                        let d = ((points[i].0 - points[j].0) * (points[i].0 - points[j].0)
                            + (points[i].1 - points[j].1) * (points[i].1 - points[j].1)).squareRoot()
                        if d < robots[i].radius + robots[j].radius { return false }
                    }
                }
                return true
            }
            let valid = robots.allSatisfy { fits($0.start, $0.radius) && fits($0.goal, $0.radius) }
                && apart(robots.map(\.start)) && apart(robots.map(\.goal))
            let agents = robots.enumerated().map { k, robot in
                "  - {id: q\(k), start: [\(robot.start.0), \(robot.start.1)], goal: [\(robot.goal.0), \(robot.goal.1)], radius_m: \(robot.radius)}"
            }.joined(separator: "\n")
            let text = """
                version: 1
                name: p
                seed: 1
                dt_s: 0.1
                duration_s: 10
                world: {type: workspace, width_m: 10, height_m: 10, obstacles: [{type: circle, center: [1, -1], radius_m: 1.5}]}
                agents:
                \(agents)
                """
            let found = loaderDiagnostics(of: text)
            #expect(found.isEmpty == valid, "seed \(seed) trial \(trial): \(robots) \(found)")
            if found.isEmpty {
                loaded += 1
                let config = try ScenarioLoader.load(text: text, fileName: "p.yaml")
                guard case .workspace(let workspace) = config.world else { Issue.record("not a workspace"); continue }
                #expect(workspace.robots.map(\.radius) == robots.map(\.radius), "seed \(seed) trial \(trial)")
                #expect(workspace.robots.map(\.start) == robots.map { Vector2($0.start.0, $0.start.1) })
            }
        }
        #expect(loaded > 0, "seed \(seed): no trial was valid")
    }
}
