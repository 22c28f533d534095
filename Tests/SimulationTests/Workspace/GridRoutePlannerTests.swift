import Optimization
import Testing
@testable import Simulation

/// The route planner: routes end at the goal, every segment keeps the clearance (checked by
/// sampling the true shapes, not by the planner's own test), and routes are found whenever the
/// grid connects start and goal.
@Suite("Grid route planner")
struct GridRoutePlannerTests {
    /// A 20 m x 20 m workspace with a wall at x in [-0.5, 0.5] from y = -7 up to the top edge.
    static let walled = WorkspaceConfig(width: 20, height: 20, obstacles: [.box(min: Vector2(-0.5, -7), max: Vector2(0.5, 10))])

    /// Checks a route: it ends exactly at the goal, and every segment from `start` on keeps the
    /// clearance (within the sampling step). - Returns: the problems found.
    static func problems(of route: [Vector2], from start: Vector2, to goal: Vector2, planner: GridRoutePlanner,
                         exemptFirst: Bool = false) -> [String] {
        var problems: [String] = []
        if route.last != goal { problems.append("ends at \(String(describing: route.last)), not at the goal") }
        var previous = start
        for (k, point) in route.enumerated() {
            let clearance = IndependentGeometry.sampledClearance(previous, point, in: planner.workspace)
            if clearance < planner.clearance - 1e-9, !(exemptFirst && k == 0) {
                problems.append("segment \(k) (\(previous.x), \(previous.y)) -> (\(point.x), \(point.y)) comes within \(clearance) m")
            }
            previous = point
        }
        return problems
    }

    @Test("in open space the route is the goal alone")
    func openSpace() {
        let planner = GridRoutePlanner(workspace: WorkspaceConfig(width: 10, height: 6), clearance: 0.3, cellSize: 0.2)
        #expect(planner.route(from: Vector2(-4, -2), to: Vector2(4, 2.5)) == [Vector2(4, 2.5)])
        #expect(planner.route(from: Vector2(1, 1), to: Vector2(1, 1)) == [Vector2(1, 1)])
        #expect(planner.columns % 2 == 1 && planner.rows % 2 == 1 && planner.columns == 51 && planner.rows == 31)
    }

    @Test("a route goes around a wall, keeps the clearance, and is short")
    func aroundWall() throws {
        let planner = GridRoutePlanner(workspace: Self.walled, clearance: 0.4, cellSize: 0.25)
        let start = Vector2(-5, 5), goal = Vector2(5, 5)
        let route = try #require(planner.route(from: start, to: goal))
        #expect(Self.problems(of: route, from: start, to: goal, planner: planner).isEmpty)
        #expect(route.count >= 3 && route.count <= 6, "\(route)")
        #expect(route.contains { $0.y < -7 }, "the route passes below the wall: \(route)")
        // The shortest route touches the two corners inflated by 0.4: about 2 · hypot(4.5, 12) + 1.
        let length = zip([start] + route, route).map { ($1 - $0).length }.reduce(0, +)
        #expect(length < 2 * (4.5 * 4.5 + 12.4 * 12.4).squareRoot() + 1.6, "length \(length)")
        #expect(planner.route(from: start, to: goal) == route, "deterministic")
    }

    @Test("no route to a goal enclosed by obstacles, nor out of an enclosed start")
    func enclosed() {
        let pen: [Obstacle] = [
            .box(min: Vector2(2, 2), max: Vector2(6, 2.5)), .box(min: Vector2(2, 5.5), max: Vector2(6, 6)),
            .box(min: Vector2(2, 2), max: Vector2(2.5, 6)), .box(min: Vector2(5.5, 2), max: Vector2(6, 6)),
        ]
        let planner = GridRoutePlanner(workspace: WorkspaceConfig(width: 20, height: 20, obstacles: pen), clearance: 0.3,
                                       cellSize: 0.2)
        #expect(planner.route(from: Vector2(-5, -5), to: Vector2(4, 4)) == nil)
        #expect(planner.route(from: Vector2(4, 4), to: Vector2(-5, -5)) == nil)
        #expect(planner.route(from: Vector2(3.5, 3.5), to: Vector2(4.5, 4.2)) == [Vector2(4.5, 4.2)])
        // A gap of 1 m in the pen lets a 0.3 m clearance through.
        var open = pen
        open[1] = .box(min: Vector2(2, 5.5), max: Vector2(3.5, 6))
        open.append(.box(min: Vector2(4.5, 5.5), max: Vector2(6, 6)))
        let through = GridRoutePlanner(workspace: WorkspaceConfig(width: 20, height: 20, obstacles: open), clearance: 0.3,
                                       cellSize: 0.2)
        let route = through.route(from: Vector2(-5, -5), to: Vector2(4, 4))
        #expect(route.map { Self.problems(of: $0, from: Vector2(-5, -5), to: Vector2(4, 4), planner: through) } == [])
    }

    @Test("a start that is clear but whose cell centre is blocked still gets a clear route")
    func startCellBlocked() throws {
        // Cells are 0.5 m wide and centred on multiples of 0.5; the start at x = 0.7 is 0.35 m from
        // the box (clear), the centre of its cell at x = 0.5 only 0.15 m (blocked).
        let workspace = WorkspaceConfig(width: 10, height: 10, obstacles: [.box(min: Vector2(-2, -1), max: Vector2(0.35, 4))])
        let planner = GridRoutePlanner(workspace: workspace, clearance: 0.3, cellSize: 0.5)
        let start = Vector2(0.7, 0), goal = Vector2(-3, 0)
        #expect(planner.isClear(start) && planner.isBlocked(column: 11, row: 10))
        let route = try #require(planner.route(from: start, to: goal))
        #expect(Self.problems(of: route, from: start, to: goal, planner: planner).isEmpty, "\(route)")
    }

    @Test("a start closer to an obstacle than the clearance leads first to the nearest free cell")
    func startNotClear() throws {
        let planner = GridRoutePlanner(workspace: Self.walled, clearance: 0.4, cellSize: 0.2)
        let start = Vector2(-0.7, 5), goal = Vector2(5, 5)  // 0.2 m from the wall
        #expect(!planner.isClear(start))
        let route = try #require(planner.route(from: start, to: goal))
        #expect((route[0] - start).length <= 0.3 + 1e-9, "first waypoint \(route[0])")
        #expect(planner.isClear(route[0]))
        #expect(Self.problems(of: route, from: start, to: goal, planner: planner, exemptFirst: true).isEmpty)
    }

    @Test("a goal closer to an obstacle than the clearance is reached by a last segment from the nearest free cell")
    func goalNotClear() throws {
        let planner = GridRoutePlanner(workspace: Self.walled, clearance: 0.4, cellSize: 0.2)
        let start = Vector2(5, 5), goal = Vector2(0.7, 5)  // 0.2 m from the wall
        #expect(!planner.isClear(goal))
        let route = try #require(planner.route(from: start, to: goal))
        #expect(route.count >= 2 && route.last == goal, "\(route)")
        let beforeGoal = route[route.count - 2]
        #expect(planner.isClear(beforeGoal) && (beforeGoal - goal).length <= 0.3 + 1e-9, "\(route)")
        let clearPart = Array(route.dropLast())
        #expect(Self.problems(of: clearPart, from: start, to: beforeGoal, planner: planner).isEmpty)
    }

    @Test("isSegmentClear agrees with dense sampling on random segments and obstacles")
    func segmentCheck() {
        for seed in UInt64(0)..<40 {
            var random = SplitMix64(seed: seed)
            let workspace = Self.randomField(&random, count: 6)
            let clearance = Double.random(in: 0...0.8, using: &random)
            let planner = GridRoutePlanner(workspace: workspace, clearance: clearance, cellSize: 0.5)
            for trial in 0..<25 {
                let a = Vector2(.random(in: -9...9, using: &random), .random(in: -9...9, using: &random))
                let b = Vector2(.random(in: -9...9, using: &random), .random(in: -9...9, using: &random))
                let sampled = IndependentGeometry.sampledClearance(a, b, in: workspace, step: 0.004)
                if planner.isSegmentClear(a, b) {
                    #expect(sampled >= clearance - 1e-9, "seed \(seed) trial \(trial): sampled clearance \(sampled)")
                } else {
                    #expect(sampled < clearance + 0.004, "seed \(seed) trial \(trial): sampled clearance \(sampled)")
                }
            }
        }
    }

    @Test("seeded random obstacle fields: every route found keeps the clearance; most are found")
    func randomFields() {
        var found = 0, asked = 0
        for seed in UInt64(0)..<60 {
            var random = SplitMix64(seed: seed)
            let workspace = Self.randomField(&random, count: 12)
            let planner = GridRoutePlanner(workspace: workspace, clearance: 0.35, cellSize: 0.2)
            for trial in 0..<4 {
                guard let start = Self.freePoint(&random, planner), let goal = Self.freePoint(&random, planner) else { continue }
                asked += 1
                guard let route = planner.route(from: start, to: goal) else { continue }
                found += 1
                let problems = Self.problems(of: route, from: start, to: goal, planner: planner)
                #expect(problems.isEmpty, "seed \(seed) trial \(trial) from \(start) to \(goal): \(problems)")
                #expect(planner.route(from: start, to: goal) == route, "seed \(seed) trial \(trial): not deterministic")
            }
        }
        #expect(found >= asked * 3 / 4, "\(found) of \(asked) routes found")
    }

    /// A 20 m x 20 m workspace with `count` random circles and boxes.
    static func randomField(_ random: inout SplitMix64, count: Int) -> WorkspaceConfig {
        var obstacles: [Obstacle] = []
        for _ in 0..<count {
            let center = Vector2(.random(in: -9...9, using: &random), .random(in: -9...9, using: &random))
            if Bool.random(using: &random) {
                obstacles.append(.circle(center: center, radius: .random(in: 0.3...1.5, using: &random)))
            } else {
                let w = Double.random(in: 0.2...3, using: &random), h = Double.random(in: 0.2...3, using: &random)
                obstacles.append(.box(min: Vector2(center.x - w, center.y - h), max: Vector2(center.x + w, center.y + h)))
            }
        }
        return WorkspaceConfig(width: 20, height: 20, obstacles: obstacles)
    }

    static func freePoint(_ random: inout SplitMix64, _ planner: GridRoutePlanner) -> Vector2? {
        for _ in 0..<200 {
            let p = Vector2(.random(in: -10...10, using: &random), .random(in: -10...10, using: &random))
            if planner.isClear(p) { return p }
        }
        return nil
    }
}
