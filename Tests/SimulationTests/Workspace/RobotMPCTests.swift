import Testing
import Optimization
@testable import Simulation

/// The robot MPC: LQR when no constraint binds, constraints on solved plans, the fallback,
/// determinism and the warm start.
@Suite("Robot MPC")
struct RobotMPCTests {
    typealias Support = RobotMPCTestSupport

    @Test("with no binding constraint and a free end the plan is the finite-horizon LQR sequence (Riccati)",
          arguments: [(0.3, -0.2, 0.1, 0.0), (-0.4, 0.25, 0.0, -0.1), (0.05, 0.0, 0.0, 0.0)])
    func unconstrainedEqualsLQR(dx: Double, dy: Double, vx: Double, vy: Double) {
        let settings = RobotMPCSettings(dt: 0.1, horizon: 20, radius: 0.2, maxSpeed: 5, maxAccel: 5, safetyMargin: 0.05,
                                        positionWeight: 1, terminalWeight: 10, accelWeight: 0.5, terminalAtRest: false)
        var mpc = RobotMPC(settings: settings)
        let start = Vector2(1, -1), target = start + Vector2(dx, dy)
        let plan = mpc.plan(Support.input(at: start, velocity: Vector2(vx, vy), target: target))
        #expect(plan.status == .solved)
        let ux = Support.lqrAccelerations(error: -dx, velocity: vx, settings: settings)
        let uy = Support.lqrAccelerations(error: -dy, velocity: vy, settings: settings)
        for k in 0..<settings.horizon {
            #expect(abs(plan.accelerations[k].x - ux[k]) < 1e-9, "k = \(k)")
            #expect(abs(plan.accelerations[k].y - uy[k]) < 1e-9, "k = \(k)")
        }
    }

    @Test("a robot far from its target drives at the speed limit without breaking the Euclidean limits")
    func longDriveRespectsLimits() {
        var mpc = RobotMPC(settings: Support.standard)
        let input = Support.input(at: Vector2(-4, -3), target: Vector2(4, 3))
        let plan = mpc.plan(input)
        #expect(plan.status == .solved)
        #expect(plan.constraintViolations(for: input, settings: Support.standard).isEmpty)
        let top = plan.velocities.map(\.length).max()!
        #expect(top > 0.9 && top <= 1)
        #expect(plan.kktResidual < 1e-9)
    }

    @Test("a neighbour in the way: the plan keeps the required distance from its predicted points")
    func keepsDistanceFromNeighbour() {
        let settings = Support.standard
        var mpc = RobotMPC(settings: settings)
        let neighbour = Support.straightNeighbour(from: Vector2(1, 0.05), velocity: Vector2(-0.8, 0),
                                                  horizon: settings.horizon, dt: settings.dt, margin: 0.02)
        var input = Support.input(at: Vector2(-1, 0), velocity: Vector2(0.8, 0), target: Vector2(3, 0),
                                  neighbours: [neighbour])
        for step in 0..<15 {
            let plan = mpc.plan(input)
            #expect(plan.status == .solved, "step \(step)")
            #expect(plan.constraintViolations(for: input, settings: settings).isEmpty, "step \(step)")
            input.state = RobotState(position: plan.positions[1], velocity: plan.velocities[1])
            input.neighbours[0].positions = Array(input.neighbours[0].positions.dropFirst())
        }
    }

    @Test("boxed in by neighbours closer than the required distance: braking fallback with a reason")
    func ringOfNeighboursFallsBack() {
        let settings = Support.standard
        var mpc = RobotMPC(settings: settings)
        let neighbours = (0..<8).map { i -> NeighbourPrediction in
            let angle = Double(i) * Double.pi / 4
            return NeighbourPrediction(positions: [Vector2(0.35 * Math.cos(angle), 0.35 * Math.sin(angle))],
                                       radius: 0.2, margin: 0)
        }
        let input = Support.input(at: Vector2(0, 0), velocity: Vector2(0.5, 0), target: Vector2(3, 0),
                                  neighbours: neighbours)
        let plan = mpc.plan(input)
        guard case let .fallback(reason) = plan.status else {
            Issue.record("expected a fallback, got \(plan.status)")
            return
        }
        #expect(reason.contains("infeasible"))
        #expect(plan.positions.count == settings.horizon + 1 && plan.accelerations.count == settings.horizon)
        // Braking: along −v at maxAccel until at rest, then standing still.
        #expect(abs(plan.accelerations[0].x + 1) < 1e-12 && plan.accelerations[0].y == 0)
        #expect(plan.velocities.last!.length < 1e-12)
        #expect(plan.positions[settings.horizon] == plan.positions[settings.horizon - 1])
        #expect(plan.constraintViolations(for: Support.input(at: Vector2(0, 0), velocity: Vector2(0.5, 0), target: Vector2(3, 0)),
                                          settings: settings).isEmpty)
    }

    @Test("driving at full speed into a wall of boxes too close to stop: fallback")
    func wallTooCloseFallsBack() {
        var mpc = RobotMPC(settings: Support.standard)
        let wall = Obstacle.box(min: Vector2(0.3, -3), max: Vector2(0.6, 3))
        let input = Support.input(at: Vector2(0, 0), velocity: Vector2(0.92, 0), target: Vector2(3, 0), obstacles: [wall])
        let plan = mpc.plan(input)
        #expect(!plan.status.isSolved)
        #expect(plan.cost.isFinite)
    }

    @Test("a robot already inside a wall's or an obstacle's clearance recovers instead of falling back forever")
    func recoversFromViolatedClearance() {
        let settings = Support.standard
        // 0.1 m from the wall (needs 0.25), drifting towards it.
        var mpc = RobotMPC(settings: settings)
        var input = Support.input(at: Vector2(4.9, 0), velocity: Vector2(0.1, 0), target: Vector2(0, 0), half: 5)
        for step in 0..<40 {
            let plan = mpc.plan(input)
            #expect(plan.status == .solved, "step \(step)")
            input.state = RobotState(position: plan.positions[1], velocity: plan.velocities[1])
        }
        #expect(input.state.position.x <= 4.75)
        // 0.1 m from a circle's surface (needs 0.25): gets out and then keeps its clearance.
        var other = RobotMPC(settings: settings)
        let circle = Obstacle.circle(center: Vector2(0, 0), radius: 0.5)
        var near = Support.input(at: Vector2(0.6, 0), target: Vector2(1.5, 0.5), obstacles: [circle])
        for step in 0..<40 {
            let plan = other.plan(near)
            #expect(plan.status == .solved, "step \(step)")
            near.state = RobotState(position: plan.positions[1], velocity: plan.velocities[1])
        }
        #expect(RobotMPC.distance(from: near.state.position, to: circle) >= 0.25 - 1e-9)
    }

    @Test("a neighbour already closer than required: with separationRecovery no worse than braking and never into contact; by default a fallback")
    func separationRecovery() {
        let settings = Support.standard
        // Required 0.2 + 0.2 + 0.05 + 0.01 = 0.46; contact 0.4; now 0.43 apart, target beyond it.
        let neighbour = NeighbourPrediction(positions: [Vector2(0.43, 0)], radius: 0.2, margin: 0.01)
        let input = Support.input(at: Vector2(0, 0), velocity: Vector2(0.05, 0), target: Vector2(3, 0.2),
                                  neighbours: [neighbour])
        var recoverySettings = settings
        recoverySettings.separationRecovery = true
        var mpc = RobotMPC(settings: recoverySettings)
        let plan = mpc.plan(input)
        #expect(plan.status == .solved)
        #expect(plan.recoveringObjects == 1)
        for k in 1...settings.horizon {
            #expect((plan.positions[k] - Vector2(0.43, 0)).length >= 0.4 + settings.constraintTightening - 1e-12, "k = \(k)")
        }
        // By default (the contract) the full distance is required: infeasible, braking fallback.
        var strict = RobotMPC(settings: settings)
        #expect(!strict.plan(input).status.isSolved)
    }

    @Test("unusable input never traps: non-finite state, empty prediction, NaN target")
    func invalidInputFallsBack() {
        var mpc = RobotMPC(settings: Support.standard)
        let bad = [
            Support.input(at: Vector2(.nan, 0), target: Vector2(1, 1)),
            Support.input(at: Vector2(0, 0), target: Vector2(.infinity, 1)),
            Support.input(at: Vector2(0, 0), target: Vector2(1, 1),
                          neighbours: [NeighbourPrediction(positions: [], radius: 0.2, margin: 0)]),
        ]
        for input in bad {
            let plan = mpc.plan(input)
            #expect(!plan.status.isSolved)
            #expect(plan.accelerations.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        }
        // And the controller still works afterwards.
        #expect(mpc.plan(Support.input(at: Vector2(0, 0), target: Vector2(1, 1))).status == .solved)
    }

    @Test("seeded situations: every solved plan satisfies every constraint, KKT residuals are small")
    func randomSituationsSatisfyConstraints() {
        var solved = 0
        for seed in UInt64(1)...300 {
            let input = Support.randomSituation(seed: seed)
            var mpc = RobotMPC(settings: Support.standard)
            let plan = mpc.plan(input)
            guard plan.status.isSolved else { continue }
            solved += 1
            let problems = plan.constraintViolations(for: input, settings: Support.standard)
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
            #expect(plan.kktResidual < 1e-8, "seed \(seed)")
        }
        #expect(solved > 200)
    }

    @Test("seeded settings (dt, horizon, polygon sides, limits, weights): solved plans satisfy every constraint")
    func randomSettingsSatisfyConstraints() {
        var solved = 0
        for seed in UInt64(2000)...2150 {
            var random = SplitMix64(seed: seed)
            let settings = RobotMPCSettings(
                dt: Double.random(in: 0.05...0.25, using: &random), horizon: Int.random(in: 2...30, using: &random),
                radius: Double.random(in: 0.1...0.3, using: &random), maxSpeed: Double.random(in: 0.5...2, using: &random),
                maxAccel: Double.random(in: 0.5...3, using: &random), safetyMargin: Double.random(in: 0...0.1, using: &random),
                positionWeight: Double.random(in: 0...2, using: &random), terminalWeight: Double.random(in: 0...20, using: &random),
                accelWeight: Double.random(in: 0.01...1, using: &random),
                terminalVelocityWeight: Double.random(in: 0...2, using: &random),
                polygonSides: [4, 8, 12, 16].randomElement(using: &random)!)
            let input = Support.randomSituation(seed: seed, settings: settings)
            var mpc = RobotMPC(settings: settings)
            let plan = mpc.plan(input)
            #expect(plan.evaluateMatches(mpc: RobotMPC(settings: settings), input: input), "seed \(seed)")
            guard plan.status.isSolved else { continue }
            solved += 1
            let problems = plan.constraintViolations(for: input, settings: settings)
            #expect(problems.isEmpty, "seed \(seed): \(problems)")
            #expect(plan.kktResidual < 1e-8, "seed \(seed)")
        }
        #expect(solved > 100)
    }

    @Test("same input gives a bit-identical plan; evaluate leaves the controller unchanged")
    func deterministicAndEvaluatePure() {
        for seed in UInt64(500)...540 {
            let input = Support.randomSituation(seed: seed)
            var first = RobotMPC(settings: Support.standard), second = RobotMPC(settings: Support.standard)
            let a = first.plan(input), b = second.plan(input)
            #expect(a.positions == b.positions && a.accelerations == b.accelerations && a.status == b.status, "seed \(seed)")
            // A what-if in between changes nothing for the next real plan.
            var next = input
            next.state = RobotState(position: a.positions[1], velocity: a.velocities[1])
            var what = next
            what.target = Vector2(-next.target.x, next.target.y)
            _ = first.evaluate(what)
            let c = first.plan(next), d = second.plan(next)
            #expect(c.accelerations == d.accelerations && c.cost == d.cost, "seed \(seed)")
        }
    }
}

extension RobotPlan {
    /// True when `mpc.evaluate(input)` gives this plan's accelerations, status and cost.
    func evaluateMatches(mpc: RobotMPC, input: RobotMPCInput) -> Bool {
        let other = mpc.evaluate(input)
        return other.accelerations == accelerations && other.status == status
            && (other.cost == cost || (other.cost.isNaN && cost.isNaN))
    }
}
