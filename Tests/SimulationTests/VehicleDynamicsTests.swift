import Testing
@testable import Simulation

/// Longitudinal dynamics against closed forms.
@Suite("Vehicle dynamics")
struct VehicleDynamicsTests {
    let limits = VehicleLimits(maxAccel: 2.5, maxBrake: 6, maxJerk: 10)

    @Test("constant acceleration follows s = v t + a t²/2 and v = v0 + a t", arguments: [-1.5, 0.0, 0.7, 2.5])
    func constantAcceleration(a: Double) {
        let dt = 0.1, v0 = 20.0
        var state = LongitudinalState(station: 5, speed: v0, acceleration: a)
        for k in 1...100 {
            state = VehicleDynamics.advance(state, acceleration: a, dt: dt)
            let t = Double(k) * dt
            #expect(abs(state.station - (5 + v0 * t + 0.5 * a * t * t)) <= 1e-9)
            #expect(abs(state.speed - (v0 + a * t)) <= 1e-12)
        }
    }

    @Test("braking at b from v stops after exactly v²/(2b) and stays, with zero acceleration")
    func brakingToStandstill() {
        for v0 in [0.3, 5.0, 17.3, 30.0] {
            var state = LongitudinalState(station: 0, speed: v0, acceleration: -6)
            for _ in 0..<200 { state = VehicleDynamics.advance(state, acceleration: -6, dt: 0.1) }
            #expect(abs(state.station - v0 * v0 / 12) <= 1e-9, "v0 = \(v0)")
            #expect(state.speed == 0 && state.acceleration == 0)
        }
    }

    @Test("the admissible accelerations respect the acceleration and jerk limits")
    func admissibleRange() {
        let dt = 0.1
        #expect(VehicleDynamics.admissibleAccelerations(after: 0, limits: limits, dt: dt) == -1.0...1.0)
        #expect(VehicleDynamics.admissibleAccelerations(after: 2.2, limits: limits, dt: dt) == 1.2000000000000002...2.5)
        #expect(VehicleDynamics.admissibleAccelerations(after: -5.5, limits: limits, dt: dt) == -6.0...(-4.5))
        #expect(VehicleDynamics.clamp(9, after: 0, limits: limits, dt: dt) == 1)
        #expect(VehicleDynamics.clamp(-9, after: -5.5, limits: limits, dt: dt) == -6)
    }

    @Test("emergency stopping distance from full braking is v²/(2b)")
    func emergencyFromFullBraking() {
        for v in [1.0, 12.5, 33.0] {
            let d = VehicleDynamics.emergencyStoppingDistance(
                from: LongitudinalState(station: 0, speed: v, acceleration: -6), limits: limits, dt: 0.1)
            #expect(abs(d - v * v / 12) <= 1e-9)
        }
    }

    /// Continuous time, from acceleration a₀ = 0 with jerk J to −b (ramp time b/J), then −b:
    /// D = v·t_r − J·t_r³/6 + (v − J·t_r²/2)² / (2b).
    @Test("with a small step the emergency distance tends to the jerk-limited closed form")
    func emergencyAgainstContinuousClosedForm() {
        let b = limits.maxBrake, j = limits.maxJerk
        for v in [10.0, 20.0, 30.0] {
            let tr = b / j
            let closedForm = v * tr - j * tr * tr * tr / 6 + (v - j * tr * tr / 2) * (v - j * tr * tr / 2) / (2 * b)
            let discrete = VehicleDynamics.emergencyStoppingDistance(
                from: LongitudinalState(station: 0, speed: v, acceleration: 0), limits: limits, dt: 0.0005)
            #expect(abs(discrete - closedForm) <= 0.02, "v = \(v): \(discrete) vs \(closedForm)")
        }
    }

    @Test("station plus emergency distance is constant along the emergency manoeuvre")
    func emergencyTailProperty() {
        var state = LongitudinalState(station: 100, speed: 27, acceleration: 1.8)
        let dt = 0.1
        let stopPoint = state.station + VehicleDynamics.emergencyStoppingDistance(from: state, limits: limits, dt: dt)
        while state.speed > 0 {
            state = VehicleDynamics.advance(
                state, acceleration: VehicleDynamics.emergencyAcceleration(after: state.acceleration, limits: limits, dt: dt), dt: dt)
            let along = state.station + VehicleDynamics.emergencyStoppingDistance(from: state, limits: limits, dt: dt)
            #expect(abs(along - stopPoint) <= 1e-9)
        }
    }
}
