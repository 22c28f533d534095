import Testing
@testable import Simulation

/// The controller's parts on their own: the deadlock game, neighbour prediction, the pocket finder.
@Suite("Robot controller parts")
struct RobotControllerPartsTests {
    static let names = AgentDirectory(sortedNames: ["a", "b"])

    @Test("both robots of a deadlock reach the same outcome on their own; the cheaper retreat yields",
          arguments: [ContestRule.welfare, .payoffDominant, .riskDominant, .firstComeFirstServed])
    func deadlockAgreement(rule: ContestRule) {
        let a = AgentID(index: 0), b = AgentID(index: 1)
        for (retreatA, retreatB) in [(3.0, 9.0), (9.0, 3.0), (4.0, 4.0), (DeadlockBid.unableToYield, 5.0)] {
            let bidA = DeadlockBid(counterpart: b, proceedTime: 12, retreatTime: retreatA)
            let bidB = DeadlockBid(counterpart: a, proceedTime: 15, retreatTime: retreatB)
            let fromA = DeadlockGame.resolve(me: a, mine: bidA, other: b, theirs: bidB, rule: rule, tuning: .standard,
                                             names: Self.names)
            let fromB = DeadlockGame.resolve(me: b, mine: bidB, other: a, theirs: bidA, rule: rule, tuning: .standard,
                                             names: Self.names)
            #expect(fromA.proceeds != fromB.proceeds, "\(rule) \(retreatA) \(retreatB): both \(fromA.proceeds ? "proceed" : "yield")")
            if retreatA != retreatB, rule != .payoffDominant || max(retreatA, retreatB) == DeadlockBid.unableToYield {
                #expect(fromA.proceeds == (retreatA > retreatB), "\(rule) \(retreatA) \(retreatB)")
            } else if rule == .payoffDominant {
                // The two pure equilibria do not dominate each other: the priority (lower id) goes.
                #expect(fromA.proceeds)
            }
            if rule != .firstComeFirstServed { #expect(fromA.detail.contains("equilibria")) }
        }
    }

    @Test("a neighbour's plan is shifted by the message's age and re-anchored at the sensed centre")
    func predictionFromPlan() {
        let predictor = RobotNeighbourPredictor(horizon: 4, dt: 0.1, delaySteps: 1, defaultMaxSpeed: 1, defaultMaxAccel: 1)
        let plan = (0...4).map { Vector2(0.1 * Double($0), 0) }
        let intent = RobotIntent(sender: AgentID(index: 1), sentStep: 10, positions: plan,
                                 velocities: Array(repeating: Vector2(1, 0), count: 5), radius: 0.3, maxSpeed: 1,
                                 maxAccel: 1, target: Vector2(5, 0), atGoal: false, decision: .none, bid: nil)
        let sensed = SensedRobot(id: AgentID(index: 1), position: Vector2(0.12, 0.01), velocity: Vector2(1, 0), radius: 0.3)
        let prediction = predictor.predict(sensed, intent: intent, step: 12)
        #expect(prediction.positions.count == 5)
        #expect(prediction.positions[0] == sensed.position)
        for k in 1...4 {
            #expect(abs(prediction.positions[k].x - (0.12 + 0.1 * Double(k))) < 1e-12)
            #expect(abs(prediction.positions[k].y - 0.01) < 1e-12)
        }
        // Age 2 steps at 1 m/s, plus 2 steps beyond the plan's end under 1 m/s².
        #expect(abs(prediction.margin - (0.2 + 0.5 * 0.2 * 0.2)) < 1e-12)
        // Without an intent: constant sensed velocity, margin for a delay of one step plus one.
        let blind = predictor.predict(sensed, intent: nil, step: 12)
        #expect(abs(blind.positions[4].x - 0.52) < 1e-12 && abs(blind.margin - 0.2) < 1e-12)
        // Braking from the sensed state stops after v²/(2a) = 0.5 m... within the horizon of 0.4 s: 0.32 m.
        let braking = predictor.predictBraking(sensed, maxAccel: 1)
        #expect(abs(braking.positions[4].x - (0.12 + 0.4 - 0.08)) < 1e-12 && braking.margin == 0)
    }

    @Test("the pocket finder backs a robot out of a corridor one robot wide, clear of the oncoming robot")
    func pocketOutOfCorridor() {
        let world = WorkspaceConfig(width: 20, height: 8, obstacles: [
            .box(min: Vector2(-4, 0.5), max: Vector2(4, 4)), .box(min: Vector2(-4, -4), max: Vector2(4, -0.5)),
        ])
        let planner = GridRoutePlanner(workspace: world, clearance: 0.3, cellSize: 0.25)
        let finder = PocketFinder(planner: planner, obstacles: world.obstacles, halfWidth: 10, halfHeight: 4,
                                  tuning: .standard)
        let me = Vector2(1, 0), oncoming = Vector2(0.3, 0)
        let counterpart = SensedRobot(id: AgentID(index: 1), position: oncoming, velocity: Vector2(0, 0), radius: 0.3)
        let found = finder.retreat(from: me, radius: 0.3, margin: 0.05, counterpart: counterpart,
                                   counterpartTarget: Vector2(7, 0), others: [counterpart])
        let pocket = try? #require(found)
        guard let pocket else { return }
        #expect(pocket.place.x > 4, "\(pocket.place)")       // beyond the corridor's end
        #expect(abs(pocket.place.y) > 0.9, "\(pocket.place)") // off the oncoming robot's way
        #expect(WorkspaceMetrics.distance(from: oncoming, toPolyline: pocket.route, start: me) >= 0.6 - 1e-9)
    }
}
