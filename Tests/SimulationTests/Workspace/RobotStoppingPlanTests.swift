import Testing
import Optimization
@testable import Simulation

private typealias Support = RobotMPCTestSupport

/// Stopping plans, the fallback that follows them, and the shared separating planes that keep
/// robots replanning in the same step apart (see ``RobotMPC``).
@Suite("Robot MPC: stopping plans and the committed fallback")
struct RobotStoppingPlanTests {
    /// A plan heading +x at 0.8 m/s towards a target 3 m ahead, and the state it predicts next.
    static func committedPlan() -> (mpc: RobotMPC, plan: RobotPlan, next: RobotState) {
        var mpc = RobotMPC(settings: Support.standard)
        let plan = mpc.plan(Support.input(at: Vector2(0, 0), velocity: Vector2(0.8, 0), target: Vector2(3, 0)))
        return (mpc, plan, RobotState(position: plan.positions[1], velocity: plan.velocities[1]))
    }

    /// An input that cannot be planned for (an empty prediction), from `state`.
    static func unusable(_ state: RobotState) -> RobotMPCInput {
        var input = Support.input(at: state.position, velocity: state.velocity, target: Vector2(3, 0))
        input.neighbours = [NeighbourPrediction(positions: [], radius: 0.2, margin: 0)]
        return input
    }

    @Test("a solved plan ends at rest; without terminalAtRest it need not")
    func solvedPlansEndAtRest() {
        let (_, plan, _) = Self.committedPlan()
        #expect(plan.status == .solved)
        #expect(plan.velocities[Support.standard.horizon].length < 1e-9)
        var free = Support.standard
        free.terminalAtRest = false
        var mpc = RobotMPC(settings: free)
        let open = mpc.plan(Support.input(at: Vector2(0, 0), velocity: Vector2(0.8, 0), target: Vector2(30, 0)))
        #expect(open.velocities[free.horizon].length > 0.1)
    }

    @Test("the fallback follows the rest of the committed plan, one step further each call, to rest")
    func fallbackFollowsCommittedPlan() {
        var (mpc, plan, next) = Self.committedPlan()
        let n = Support.standard.horizon
        for shift in 1...n {
            let fallback = mpc.plan(Self.unusable(next))
            guard case .fallback(let reason) = fallback.status else {
                Issue.record("expected a fallback")
                return
            }
            #expect(reason.hasSuffix("follows the rest of its last plan"))
            for k in 0...(n - shift) {
                #expect((fallback.positions[k] - plan.positions[k + shift]).length < 1e-12, "shift \(shift), k \(k)")
            }
            #expect(fallback.velocities[n].length < 1e-9)
            next = RobotState(position: fallback.positions[1], velocity: fallback.velocities[1])
        }
        #expect(next.velocity.length < 1e-9)
        #expect((next.position - plan.positions[n]).length < 1e-12)
    }

    @Test("retries of one step (relaxations) shift the committed plan once, not per attempt")
    func retriesShiftOnce() {
        var (mpc, plan, next) = Self.committedPlan()
        let fallback = mpc.plan(Self.unusable(next)) { [Self.unusable(next), Self.unusable(next)] }
        #expect(!fallback.status.isSolved)
        #expect((fallback.positions[1] - plan.positions[2]).length < 1e-12)
    }

    @Test("the fallback brakes when the committed plan now runs into a robot standing in its way")
    func fallbackBrakesWhenCommittedPlanIsWorse() {
        var (mpc, plan, next) = Self.committedPlan()
        // A robot appears standing right on the committed path, closer than any stop: no plan
        // keeps the clearance, and braking falls less short of it than going on.
        let blocker = plan.positions[6]
        let input = Support.input(at: next.position, velocity: next.velocity, target: Vector2(3, 0),
                                  neighbours: [NeighbourPrediction(positions: [blocker], radius: 0.2, margin: 0)])
        let fallback = mpc.plan(input)
        guard case .fallback(let reason) = fallback.status else {
            Issue.record("expected a fallback, got \(fallback.status)")
            return
        }
        #expect(reason.hasSuffix("brakes"))
        #expect(fallback.accelerations[0].x < -0.9)
    }

    @Test("dead in line with a robot at rest against a shelf, a robot passes on the side with room")
    func passesOnTheOpenSide() {
        var mpc = RobotMPC(settings: Support.standard)
        let shelf = Obstacle.box(min: Vector2(-4, 0.6), max: Vector2(4, 2))
        let standing = NeighbourPrediction(positions: [Vector2(-1, 0.3)], radius: 0.2, margin: 0)
        var state = RobotState(position: Vector2(1, 0.3), velocity: Vector2(0, 0))
        var closest = Double.infinity
        for _ in 0..<120 {
            let plan = mpc.plan(Support.input(at: state.position, velocity: state.velocity, target: Vector2(-3, 0.3),
                                              neighbours: [standing], obstacles: [shelf], half: 5))
            state = RobotState(position: plan.positions[1], velocity: plan.velocities[1])
            closest = min(closest, (state.position - Vector2(-1, 0.3)).length)
        }
        #expect(state.position.x < -2.5, "stuck at \(state.position)")
        #expect(closest >= 0.45 - 1e-6)
    }

    @Test("seeded crowds replanning in the same step against each other's previous plans keep the full clearance",
          arguments: UInt64(1)...12)
    func simultaneousReplanningKeepsClearance(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 3...6, using: &random)
        var starts: [Vector2] = []
        while starts.count < count {
            let p = Vector2(Double.random(in: -3...3, using: &random), Double.random(in: -3...3, using: &random))
            if starts.allSatisfy({ ($0 - p).length > 1 }) { starts.append(p) }
        }
        let goals = starts.map { Vector2(-$0.x, -$0.y) }
        // No prediction margin at all: the shared planes alone keep the robots apart.
        let result = RobotMPCClosedLoopTests.run(starts: starts, goals: goals, steps: 100, margin: 0)
        #expect(result.minimumGap >= Support.standard.safetyMargin - 1e-6, "closest gap \(result.minimumGap)")
    }
}
