import Testing
@testable import Simulation
import Optimization

/// The safety envelope: recursive feasibility against any admissible behaviour of the car ahead.
@Suite("Safety envelope")
struct SafetyEnvelopeTests {
    let limits = VehicleLimits(maxAccel: 2.5, maxBrake: 6, maxJerk: 10)
    let dt = 0.1

    @Test("a safe command passes unchanged; an unsafe one is lowered to the largest safe acceleration")
    func filtering() {
        let envelope = SafetyEnvelope(limits: limits, dt: dt)
        let me = LongitudinalState(station: 0, speed: 20, acceleration: 0)
        let far = [envelope.bound(behind: 200, speed: 20, length: 4.5, brake: 6, egoLength: 4.5, gap: 0.5, source: nil)]
        #expect(envelope.filter(1, state: me, bounds: far) == (1, false, false))
        // An obstacle exactly where holding a = 0 would stop: a = 1 is unsafe, a = 0 just safe.
        let coasting = VehicleDynamics.advance(me, acceleration: 0, dt: dt)
        let limit = coasting.station + VehicleDynamics.emergencyStoppingDistance(from: coasting, limits: limits, dt: dt)
        let near = [envelope.bound(stopAt: limit)]
        let filtered = envelope.filter(1, state: me, bounds: near)
        #expect(filtered.intervened && !filtered.violated)
        #expect(filtered.acceleration >= 0 && filtered.acceleration <= 1e-6)
        let next = VehicleDynamics.advance(me, acceleration: filtered.acceleration, dt: dt)
        #expect(envelope.isSafe(next, near))
        // An obstacle no braking can stop for: strongest braking, reported.
        let wall = [envelope.bound(stopAt: 5)]
        #expect(envelope.filter(1, state: me, bounds: wall) == (-1, true, true))
    }

    @Test("a follower that always asks for full acceleration never hits a leader that brakes at random",
          arguments: [UInt64(11), 12, 13, 14, 15])
    func recursiveFeasibility(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        func u(_ a: Double, _ b: Double) -> Double { a + (b - a) * SplitMix64.unit(rng.next()) }
        let envelope = SafetyEnvelope(limits: limits, dt: dt)
        let length = 4.5, gap = 0.5
        var leader = LongitudinalState(station: 60, speed: u(5, 30), acceleration: 0)
        var follower = LongitudinalState(station: 0, speed: 0, acceleration: 0)
        var smallest = Double.infinity
        for _ in 0..<3000 {
            let bounds = [envelope.bound(behind: leader.station, speed: leader.speed, length: length, brake: limits.maxBrake,
                                         egoLength: length, gap: gap, source: nil)]
            let command = envelope.filter(limits.maxAccel, state: follower, bounds: bounds)
            #expect(!command.violated)
            follower = VehicleDynamics.advance(follower, acceleration: command.acceleration, dt: dt)
            // The leader does anything admissible, often braking hard.
            let wish = u(0, 1) < 0.2 ? -limits.maxBrake : u(-limits.maxBrake, limits.maxAccel)
            leader = VehicleDynamics.advance(leader, acceleration: VehicleDynamics.clamp(
                wish, after: leader.acceleration, limits: limits, dt: dt), dt: dt)
            smallest = min(smallest, leader.station - follower.station - length)
        }
        #expect(smallest >= gap - 1e-9, "seed \(seed): smallest bumper gap \(smallest)")
    }
}
