import Foundation
import Testing
@testable import Simulation

/// The workspace world end to end: swaps, routes, deadlocks, safety checked from the samples.
@Suite("Workspace simulation")
struct WorkspaceSimulationTests {
    static var many: Bool { ProcessInfo.processInfo.environment["NASHSIM_MANY_SEEDS"] == "1" }

    @Test("two robots swap head-on without touching and both reach their goals")
    func headOn() {
        let run = WorkspaceRun(WorkspaceScenarios.headOn())
        #expect(run.overlaps().isEmpty, "\(run.overlaps().prefix(3))")
        #expect(run.summary.collisions == 0)
        #expect(run.awayFromGoal().isEmpty, "\(run.awayFromGoal())")
        #expect(run.summary.completed == 2)
        #expect((run.figure("min_separation_ratio") ?? 0) >= 1)
    }

    @Test("circle swap of 8: no overlap, every robot at its goal, with 0 % and 30 % message loss",
          arguments: [0.0, 0.3])
    func circleSwap(dropRate: Double) {
        let seeds: [UInt64] = Self.many ? Array(1...200) : [1, 2]
        for seed in seeds {
            let run = WorkspaceRun(WorkspaceScenarios.circleSwap(seed: seed, dropRate: dropRate))
            let overlaps = run.overlaps()
            #expect(overlaps.isEmpty, "seed \(seed) loss \(dropRate): \(overlaps.prefix(3))")
            #expect(run.summary.collisions == 0, "seed \(seed) loss \(dropRate)")
            #expect(run.awayFromGoal().isEmpty, "seed \(seed) loss \(dropRate): \(run.awayFromGoal())")
            #expect(run.summary.completed == 8, "seed \(seed) loss \(dropRate)")
            if dropRate > 0 { #expect((run.figure("messages_lost") ?? 0) > 0) }
        }
    }

    @Test("a robot routes around a wall to its goal without touching it")
    func wall() {
        let run = WorkspaceRun(WorkspaceScenarios.wall())
        #expect(run.obstacleContacts().isEmpty, "\(run.obstacleContacts().prefix(3))")
        #expect(run.figure("obstacle_contacts") == 0)
        #expect(run.awayFromGoal().isEmpty, "\(run.awayFromGoal())")
    }

    @Test("a corridor one robot wide: the deadlock is settled by a game, one robot yields, both reach their goals")
    func corridor() {
        let run = WorkspaceRun(WorkspaceScenarios.corridor())
        let events = run.events
        #expect(events.contains { $0.event == "deadlock-game" }, "no deadlock game")
        #expect(events.contains { $0.event == "yield" }, "nobody yielded")
        #expect(run.overlaps().isEmpty, "\(run.overlaps().prefix(3))")
        #expect(run.obstacleContacts().isEmpty, "\(run.obstacleContacts().prefix(3))")
        #expect(run.awayFromGoal().isEmpty, "\(run.awayFromGoal())")
        // One contest between the two robots: one game, although both robots solve their copy.
        #expect(run.figure("deadlock_games") == 1)
        #expect(events.filter { $0.event == "deadlock-game" }.count == 2)
    }

    @Test("a corridor one robot wide: the game is played at the mouth, the robot that yields never enters it",
          arguments: [0.0, 0.3])
    func corridorMouth(dropRate: Double) {
        let run = WorkspaceRun(WorkspaceScenarios.corridor(dropRate: dropRate))
        let games = run.events.filter { $0.event == "deadlock-game" }
        #expect(games.first.map { $0.detail.contains("narrow passage ahead") } == true, "\(games.first?.detail ?? "no game")")
        // One way at a time: never both robots inside the corridor (|x| < 3, |y| < 0.5).
        for record in run.records {
            let inside = record.samples.filter { abs($0.x) < 3 && abs($0.y) < 0.5 }
            #expect(inside.count <= 1, "t=\(record.time): \(inside.map(\.agent))")
        }
        #expect(run.overlaps().isEmpty, "\(run.overlaps().prefix(3))")
        #expect(run.obstacleContacts().isEmpty, "\(run.obstacleContacts().prefix(3))")
        #expect(run.awayFromGoal().isEmpty, "\(run.awayFromGoal())")
        #expect(run.figure("deadlock_games") == 1)
    }

    @Test("one thread and two threads give identical records")
    func threads() {
        let config = WorkspaceScenarios.circleSwap(count: 12, circle: 5, dropRate: 0.2, duration: 12)
        #expect(WorkspaceRun(config, threads: 1).fingerprint == WorkspaceRun(config, threads: 2).fingerprint)
    }

    @Test("the order of the robots in the configuration changes nothing")
    func agentOrder() {
        let config = WorkspaceScenarios.circleSwap(count: 10, circle: 5, dropRate: 0.2, duration: 12)
        var reversed = config
        guard case .workspace(var world) = config.world else { return }
        world.robots.reverse()
        reversed.world = .workspace(world)
        #expect(WorkspaceRun(config).fingerprint == WorkspaceRun(reversed).fingerprint)
    }

    @Test("summary: discs, goals, figures")
    func summary() {
        let run = WorkspaceRun(WorkspaceScenarios.headOn())
        #expect(run.summary.agents.map(\.id) == ["a", "b"])
        #expect(run.summary.agents.allSatisfy { $0.kind == .robot && $0.length == 0.6 && $0.width == 0.6 })
        let keys = run.summary.extra.map(\.key)
        #expect(keys == ["goals_reached", "last_arrival_s", "min_separation_ratio", "obstacle_contacts", "fallbacks",
                         "deadlock_games", "messages_sent", "messages_lost"])
        #expect((run.figure("last_arrival_s") ?? -1) > 0)
        #expect(run.events.filter { $0.event == "goal-reached" }.count == 2)
        #expect(run.records[0].samples.allSatisfy { $0.kind == .robot && $0.extra.map(\.name) == ["goal_distance_m", "decision"] })
    }
}
