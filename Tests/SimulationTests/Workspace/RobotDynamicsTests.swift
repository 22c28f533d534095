import Testing
import Optimization
@testable import Simulation

/// The planar double integrator against closed forms, and its limits.
@Suite("Robot dynamics")
struct RobotDynamicsTests {
    @Test("a constant acceleration held over k steps gives p0 + v0 t + ½ a t², v0 + a t exactly")
    func constantAccelerationMatchesClosedForm() {
        let dt = 0.1
        let a = Vector2(0.3, -0.7), start = RobotState(position: Vector2(1, 2), velocity: Vector2(-0.5, 0.25))
        var state = start
        for k in 1...40 {
            state = RobotDynamics.propagate(state, acceleration: a, dt: dt)
            let t = Double(k) * dt
            let p = start.position + t * start.velocity + (0.5 * t * t) * a
            let v = start.velocity + t * a
            #expect((state.position - p).length < 1e-12)
            #expect((state.velocity - v).length < 1e-12)
        }
    }

    @Test("a command longer than maxAccel is scaled to maxAccel, keeping its direction")
    func accelerationIsClipped() {
        let dynamics = RobotDynamics(dt: 0.1, maxSpeed: 10, maxAccel: 2)
        let state = RobotState(position: Vector2(0, 0), velocity: Vector2(0, 0))
        let applied = dynamics.appliedAcceleration(Vector2(3, 4), at: state)
        #expect(abs(applied.length - 2) < 1e-15)
        #expect(abs(applied.x / applied.y - 0.75) < 1e-15)
        let next = dynamics.step(state, command: Vector2(3, 4))
        #expect((next.velocity - 0.1 * applied).length < 1e-15)
        #expect((next.position - 0.005 * applied).length < 1e-15)
        // Within the limits the command is applied unchanged.
        #expect(dynamics.appliedAcceleration(Vector2(1, -1), at: state) == Vector2(1, -1))
    }

    @Test("the speed after a step is projected onto the speed disc; the position follows the mean velocity")
    func speedIsClipped() {
        let dynamics = RobotDynamics(dt: 0.5, maxSpeed: 1, maxAccel: 1)
        let state = RobotState(position: Vector2(0, 0), velocity: Vector2(0.9, 0))
        let next = dynamics.step(state, command: Vector2(1, 1))
        #expect(abs(next.velocity.length - 1) < 1e-15)
        let mean = 0.5 * (state.velocity + next.velocity)
        #expect((next.position - 0.5 * mean).length < 1e-15)
    }

    @Test("seeded: the applied acceleration and the new speed always respect both limits")
    func limitsAlwaysHold() {
        for seed in UInt64(1)...200 {
            var random = SplitMix64(seed: seed)
            let maxSpeed = Double.random(in: 0.2...3, using: &random), maxAccel = Double.random(in: 0.2...5, using: &random)
            let dynamics = RobotDynamics(dt: Double.random(in: 0.01...0.5, using: &random), maxSpeed: maxSpeed, maxAccel: maxAccel)
            let speed = Double.random(in: 0...maxSpeed, using: &random), angle = Double.random(in: 0...6.28, using: &random)
            let state = RobotState(position: Vector2(0, 0),
                                   velocity: Vector2(speed * Math.cos(angle), speed * Math.sin(angle)))
            let command = Vector2(Double.random(in: -10...10, using: &random), Double.random(in: -10...10, using: &random))
            let applied = dynamics.appliedAcceleration(command, at: state)
            let next = dynamics.step(state, command: command)
            #expect(applied.length <= maxAccel * (1 + 1e-12), "seed \(seed)")
            #expect(next.velocity.length <= maxSpeed, "seed \(seed)")
        }
    }

    @Test("a non-finite command is applied as zero")
    func nonFiniteCommand() {
        let dynamics = RobotDynamics(dt: 0.1, maxSpeed: 1, maxAccel: 1)
        let state = RobotState(position: Vector2(1, 1), velocity: Vector2(0.5, 0))
        let next = dynamics.step(state, command: Vector2(.nan, 1))
        #expect(next == RobotDynamics.propagate(state, acceleration: Vector2(0, 0), dt: 0.1))
    }
}
