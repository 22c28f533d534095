import Testing
@testable import Simulation

/// The safety invariants behind three rare failures of the lossy warehouse (30 % message loss),
/// each rebuilt as a small situation in code:
/// - seed 126 (robot–robot): a follower's plan stopped exactly at the clearance behind its
///   braking leader's predicted stop; the prediction (continuous-time braking) fell 1.2 mm short
///   of the leader's real, discrete braking, the follower's next QP was infeasible, and its
///   straight braking fallback left the curved stop that kept it clear;
/// - seed 111 (robot–shelf): the obstacle recovery rows ("no worse than braking") measured the
///   braking point's clearance along the normal of the *plan's* nearest point, which may be below
///   the radius at a box corner: the plan was allowed into contact;
/// - seed 176 (robot–robot): two squeezed robots kept their present distance from each other's
///   *predicted* paths only; the predictions were stale, and they crept into contact.
@Suite("Robot safety regressions")
struct RobotSafetyRegressionTests {
    typealias Support = RobotMPCTestSupport

    @Test("a neighbour predicted braking moves exactly as the world moves it under its braking fallback",
          arguments: [0.6421, 0.05, 0.93, 1.0, 0.3333])
    func brakingPredictionIsTheFallback(speed: Double) {
        let dt = 0.1, horizon = 20
        let predictor = RobotNeighbourPredictor(horizon: horizon, dt: dt, delaySteps: 1, defaultMaxSpeed: 1,
                                                defaultMaxAccel: 1)
        let velocity = Vector2(speed * 0.97, -speed * (1 - 0.97 * 0.97).squareRoot())
        let sensed = SensedRobot(id: AgentID(index: 1), position: Vector2(-8.475, -2.902), velocity: velocity,
                                 radius: 0.3)
        let predicted = predictor.predictBraking(sensed, maxAccel: 1)
        // The world: the fallback's commands through the robot's dynamics.
        let dynamics = RobotDynamics(dt: dt, maxSpeed: 1, maxAccel: 1)
        let commands = RobotMPC.brakingAccelerations(from: velocity, maxAccel: 1, dt: dt, horizon: horizon)
        var state = RobotState(position: sensed.position, velocity: velocity)
        for k in 0..<horizon {
            state = dynamics.step(state, command: commands[k])
            #expect((predicted.positions[k + 1] - state.position).length < 1e-12, "speed \(speed), step \(k + 1)")
        }
        #expect(predicted.margin == 0)
    }

    @Test("a robot inside an obstacle's margin at a box corner recovers without ever touching the box")
    func recoveryNeverPlansObstacleContact() {
        // Seed 111 at t = 9.6 s: r04 inside its margin at the corner (2.5, 0.6) of a shelf,
        // heading down past it.
        let settings = RobotMPCSettings(dt: 0.1, radius: 0.3, maxSpeed: 1, maxAccel: 1,
                                        controller: RobotControllerConfig())
        let shelf = Obstacle.box(min: Vector2(-2.5, -0.6), max: Vector2(2.5, 0.6))
        for (start, target) in [(Vector2(2.76741, 0.81517), Vector2(3, -0.5)), (Vector2(2.8, 0.8), Vector2(2.9, -3)),
                                (Vector2(2.74, 0.84), Vector2(3.2, -1))] {
            var mpc = RobotMPC(settings: settings)
            var input = Support.input(at: start, velocity: Vector2(-0.00746, -0.32403), target: target,
                                      obstacles: [shelf], half: 12)
            var closest = Double.infinity
            for _ in 0..<40 {
                let plan = mpc.plan(input)
                if plan.status.isSolved {
                    for p in plan.positions { closest = Swift.min(closest, RobotMPC.distance(from: p, to: shelf)) }
                }
                input.state = RobotDynamics(dt: 0.1, maxSpeed: 1, maxAccel: 1).step(input.state, command: plan.command)
                closest = Swift.min(closest, RobotMPC.distance(from: input.state.position, to: shelf))
            }
            #expect(closest >= settings.radius - 1e-9, "from \(start): \(closest)")
            #expect(input.state.position.y < 0, "from \(start): passes the corner")
        }
    }

    @Test("two robots too close, each with a stale prediction of the other moving away, never close in")
    func crowdedPairNeverClosesIn() {
        // Seed 176: both squeezed at 0.61 m (clearance 0.65, contact 0.6), each believing the
        // other leaves (a plan lost messages ago), each wanting to pass where the other stands.
        let settings = RobotMPCSettings(dt: 0.1, radius: 0.3, maxSpeed: 1, maxAccel: 1,
                                        controller: RobotControllerConfig())
        let n = settings.horizon, dt = settings.dt
        var a = RobotState(position: Vector2(0, 0), velocity: Vector2(0, 0))
        var b = RobotState(position: Vector2(0.61, 0.05), velocity: Vector2(0, 0))
        var mpcA = RobotMPC(settings: settings), mpcB = RobotMPC(settings: settings)
        let dynamics = RobotDynamics(dt: dt, maxSpeed: 1, maxAccel: 1)
        let start = (a.position - b.position).length
        var closest = start
        for _ in 0..<60 {
            func inputs(me: RobotState, other: RobotState, away: Vector2, target: Vector2) -> RobotMPCInput {
                // The stale prediction, relaxed to the present distance (the controller's first
                // crowding tier), plus the half-plane that holds the line between them.
                let distance = (me.position - other.position).length
                let stale = NeighbourPrediction(positions: (0...n).map { other.position + (Double($0) * dt) * away },
                                                radius: Swift.max(0, distance - 0.35 - 1e-4), margin: 0)
                let hold = NeighbourPrediction(positions: [other.position], radius: Swift.max(0, distance - 0.35 - 1e-6),
                                               margin: 0, holdsNormal: true)
                return RobotMPCInput(state: me, target: target, neighbours: [stale, hold], obstacles: [],
                                     halfWidth: 10, halfHeight: 10)
            }
            let planA = mpcA.plan(inputs(me: a, other: b, away: Vector2(0.5, 0), target: Vector2(3, 0)))
            let planB = mpcB.plan(inputs(me: b, other: a, away: Vector2(-0.5, 0), target: Vector2(-3, 0)))
            a = dynamics.step(a, command: planA.command)
            b = dynamics.step(b, command: planB.command)
            closest = Swift.min(closest, (a.position - b.position).length)
        }
        #expect(closest >= start - 1e-4, "closest \(closest) from \(start)")
        #expect(closest > 0.6)
    }
}
