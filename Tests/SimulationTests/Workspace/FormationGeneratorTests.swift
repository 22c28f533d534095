import Testing
@testable import Simulation

/// Formations: the geometry each layout promises, ids that sort, determinism from the seed.
@Suite("Formation generator")
struct FormationGeneratorTests {
    let open = WorkspaceConfig(width: 20, height: 20)

    @Test("circle-swap: robots evenly on the circle, each going to the antipodal point")
    func circleSwap() {
        let robots = FormationGenerator.robots(for: .circleSwap(count: 8, circleRadius: 5, robotRadius: 0.3),
                                               workspace: open, seed: 1)
        #expect(robots.map(\.id) == (0..<8).map { "r0\($0)" })
        #expect(abs(robots[0].start.x - 5) < 1e-12 && abs(robots[0].start.y) < 1e-12)
        #expect(abs(robots[2].start.x) < 1e-12 && abs(robots[2].start.y - 5) < 1e-12, "counter-clockwise")
        for (i, robot) in robots.enumerated() {
            #expect(abs(robot.start.length - 5) < 1e-12 && (robot.goal + robot.start).length < 1e-12)
            #expect(robot.radius == 0.3 && robot.maxSpeed == nil && robot.maxAccel == nil)
            let next = robots[(i + 1) % 8]
            #expect(abs((next.start - robot.start).length - 2 * 5 * (Double.pi / 8).sine) < 1e-9)
            // Robot i's goal is robot i + 4's start.
            #expect((robot.goal - robots[(i + 4) % 8].start).length < 1e-9)
        }
    }

    @Test("ids are zero-padded so that they sort like their numbers", arguments: [
        (1, "r00", "r00"), (10, "r00", "r09"), (100, "r00", "r99"), (101, "r000", "r100"), (1000, "r000", "r999"),
    ])
    func ids(count: Int, first: String, last: String) {
        let robots = FormationGenerator.robots(for: .circleSwap(count: count, circleRadius: 9, robotRadius: 0.01),
                                               workspace: open, seed: 0)
        #expect(robots.first?.id == first && robots.last?.id == last)
        #expect(robots.map(\.id) == robots.map(\.id).sorted())
    }

    @Test("crossing: two lines crossing at right angles through the origin")
    func crossing() {
        let robots = FormationGenerator.robots(for: .crossing(countPerGroup: 3, spacing: 1.5, distance: 6, robotRadius: 0.25),
                                               workspace: open, seed: 1)
        #expect(robots.map(\.id) == ["r00", "r01", "r02", "r03", "r04", "r05"])
        #expect(robots[..<3].map(\.start) == [Vector2(-6, -1.5), Vector2(-6, 0), Vector2(-6, 1.5)])
        #expect(robots[..<3].map(\.goal) == [Vector2(6, -1.5), Vector2(6, 0), Vector2(6, 1.5)])
        #expect(robots[3...].map(\.start) == [Vector2(-1.5, -6), Vector2(0, -6), Vector2(1.5, -6)])
        #expect(robots[3...].map(\.goal) == [Vector2(-1.5, 6), Vector2(0, 6), Vector2(1.5, 6)])
        #expect(robots.allSatisfy { $0.radius == 0.25 })
    }

    @Test("random-tasks: in the free space, spaced, deterministic from the seed")
    func randomTasks() {
        let workspace = WorkspaceConfig(width: 16, height: 10, obstacles: [
            .box(min: Vector2(-6, -3), max: Vector2(-5, 3)), .circle(center: Vector2(3, 1), radius: 1.5),
        ])
        let formation = FormationConfig.randomTasks(count: 20, minSpacing: 1.2, robotRadius: 0.3)
        for seed in UInt64(0)..<20 {
            let robots = FormationGenerator.robots(for: formation, workspace: workspace, seed: seed)
            #expect(robots.count == 20, "seed \(seed)")
            #expect(robots == FormationGenerator.robots(for: formation, workspace: workspace, seed: seed), "seed \(seed)")
            #expect(robots != FormationGenerator.robots(for: formation, workspace: workspace, seed: seed + 1), "seed \(seed)")
            for (i, a) in robots.enumerated() {
                for point in [a.start, a.goal] {
                    #expect(abs(point.x) + 0.6 <= 8 && abs(point.y) + 0.6 <= 5, "seed \(seed) \(a.id) \(point)")
                    for obstacle in workspace.obstacles {
                        #expect(IndependentGeometry.distance(point, obstacle) >= 0.6, "seed \(seed) \(a.id) \(point)")
                    }
                }
                for b in robots[(i + 1)...] {
                    #expect((a.start - b.start).length >= 1.2 && (a.goal - b.goal).length >= 1.2,
                            "seed \(seed) \(a.id) \(b.id)")
                }
            }
        }
    }

    @Test("random-tasks that cannot be placed stop early (the loader reports it)")
    func impossible() {
        let robots = FormationGenerator.robots(for: .randomTasks(count: 50, minSpacing: 2, robotRadius: 0.3),
                                               workspace: WorkspaceConfig(width: 6, height: 6), seed: 3)
        #expect(robots.count < 50 && robots.count >= 4)
        #expect(FormationGenerator.robots(for: .randomTasks(count: 1, minSpacing: 2, robotRadius: 0.3),
                                          workspace: WorkspaceConfig(width: 1.5, height: 6), seed: 3).isEmpty)
    }

    @Test("allRobots is the explicit robots followed by the generated ones")
    func allRobots() {
        var workspace = open
        workspace.robots = [RobotConfig(id: "a", start: Vector2(0, 0), goal: Vector2(1, 1), radius: 0.2)]
        #expect(FormationGenerator.allRobots(of: workspace, seed: 5) == workspace.robots)
        workspace.formation = .circleSwap(count: 4, circleRadius: 3, robotRadius: 0.2)
        let all = FormationGenerator.allRobots(of: workspace, seed: 5)
        #expect(all.map(\.id) == ["a", "r00", "r01", "r02", "r03"])
    }
}

private extension Double {
    var sine: Double { _sin(self) }
}

private func _sin(_ x: Double) -> Double {
    // Taylor series is enough for the small angle the test needs.
    var term = x, sum = x
    for k in 1..<12 {
        term *= -x * x / Double((2 * k) * (2 * k + 1))
        sum += term
    }
    return sum
}

@Suite("Formation generator: explicit robots")
struct FormationGeneratorExplicitRobotTests {
    @Test("random-tasks keep away from the explicit robots' starts and goals")
    func avoidsExplicitRobots() {
        var workspace = WorkspaceConfig(width: 8, height: 8)
        workspace.robots = (0..<6).map { k in
            RobotConfig(id: "e\(k)", start: Vector2(-3 + Double(k), -2), goal: Vector2(-3 + Double(k), 2), radius: 0.45)
        }
        for seed in UInt64(0)..<20 {
            let robots = FormationGenerator.robots(for: .randomTasks(count: 10, minSpacing: 0.8, robotRadius: 0.3),
                                                   workspace: workspace, seed: seed)
            #expect(robots.count == 10, "seed \(seed)")
            for robot in robots {
                for explicit in workspace.robots {
                    #expect((robot.start - explicit.start).length >= 0.8 && (robot.goal - explicit.goal).length >= 0.8,
                            "seed \(seed) \(robot.id) \(explicit.id)")
                }
            }
        }
    }
}
