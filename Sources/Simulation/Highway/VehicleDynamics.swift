/// A car's longitudinal state along its route.
public struct LongitudinalState: Sendable, Hashable {
    /// Station ξ [m] (see ``HighwayGeometry``).
    public var station: Double
    /// Speed along the route [m/s], ≥ 0.
    public var speed: Double
    /// Acceleration held during the last step [m/s²]; 0 once the car stands still.
    public var acceleration: Double

    public init(station: Double, speed: Double, acceleration: Double = 0) {
        self.station = station
        self.speed = speed
        self.acceleration = acceleration
    }
}

/// The physical limits of a car, enforced by the world whatever the controller commands.
public struct VehicleLimits: Sendable, Hashable {
    /// Largest acceleration [m/s²] (> 0).
    public var maxAccel: Double
    /// Strongest braking, as a positive number [m/s²] (> 0).
    public var maxBrake: Double
    /// Largest change of acceleration per second [m/s³] (> 0).
    public var maxJerk: Double

    public init(maxAccel: Double, maxBrake: Double, maxJerk: Double) {
        precondition(maxAccel > 0 && maxBrake > 0 && maxJerk > 0, "vehicle limits must be > 0")
        self.maxAccel = maxAccel
        self.maxBrake = maxBrake
        self.maxJerk = maxJerk
    }

    public init(_ controller: CarControllerConfig) {
        self.init(maxAccel: controller.maxAccel, maxBrake: controller.maxBrake, maxJerk: controller.maxJerk)
    }
}

/// Longitudinal motion: a double integrator whose acceleration is held constant over each control
/// period dt, with bounded acceleration and jerk, and no reversing.
///
/// Exact integration over one step with acceleration a: `ξ' = ξ + v·dt + a·dt²/2`,
/// `v' = v + a·dt`, unless the speed reaches 0 inside the step: then the car stops where
/// `v = 0` (after `v²/(2|a|)` metres), stays there, and its acceleration becomes 0.
/// The jerk is the change of acceleration between steps divided by dt.
public enum VehicleDynamics {
    /// The accelerations a car may hold over the next step after holding `previous`:
    /// `[−maxBrake, maxAccel] ∩ [previous − maxJerk·dt, previous + maxJerk·dt]` (never empty
    /// when `previous` is within the acceleration bounds).
    @inline(__always)
    public static func admissibleAccelerations(after previous: Double, limits: VehicleLimits, dt: Double) -> ClosedRange<Double> {
        let low = Swift.max(-limits.maxBrake, previous - limits.maxJerk * dt)
        let high = Swift.min(limits.maxAccel, previous + limits.maxJerk * dt)
        return low <= high ? low...high : Swift.min(low, high)...Swift.min(low, high)
    }

    /// `value` clamped to the admissible accelerations after `previous`.
    @inline(__always)
    public static func clamp(_ value: Double, after previous: Double, limits: VehicleLimits, dt: Double) -> Double {
        let range = admissibleAccelerations(after: previous, limits: limits, dt: dt)
        return Swift.min(range.upperBound, Swift.max(range.lowerBound, value))
    }

    /// The state after holding `acceleration` for `dt` (exact; stops at v = 0, never reverses).
    @inline(__always)
    public static func advance(_ state: LongitudinalState, acceleration a: Double, dt: Double) -> LongitudinalState {
        let v = state.speed
        let vEnd = v + a * dt
        if vEnd > 0 {
            return LongitudinalState(station: state.station + v * dt + 0.5 * a * dt * dt, speed: vEnd, acceleration: a)
        }
        if v <= 0 { return LongitudinalState(station: state.station, speed: 0, acceleration: 0) }
        // Stops inside the step, or exactly at its end (a < 0 here).
        return LongitudinalState(station: state.station + v * v / (-2 * a), speed: 0, acceleration: 0)
    }

    /// The emergency manoeuvre: from `state`, brake as hard as the jerk limit allows, i.e. hold
    /// `max(−maxBrake, a − maxJerk·dt)` at every step, until the car stands still.
    /// Returns the distance it travels [m].
    ///
    /// The manoeuvre is a feedback policy, so its tail from any state it passes through is the
    /// manoeuvre from that state: the distance to standstill plus the station is constant
    /// along it (what makes the safety envelope recursively feasible).
    ///
    /// The steps of the jerk ramp are simulated; once the acceleration is −maxBrake it stays
    /// there, and the rest is exactly `v²/(2·maxBrake)` (constant deceleration, stop inside a step).
    /// - Complexity: O((a + maxBrake)/(maxJerk·dt)) steps.
    public static func emergencyStoppingDistance(from state: LongitudinalState, limits: VehicleLimits, dt: Double) -> Double {
        var s = state
        let start = s.station
        if s.speed <= 0 { return 0 }
        var iterations = 0
        while s.speed > 0 && iterations < 1_000_000 {
            let a = Swift.max(-limits.maxBrake, Swift.min(limits.maxAccel, s.acceleration) - limits.maxJerk * dt)
            if a == -limits.maxBrake {
                return s.station + s.speed * s.speed / (2 * limits.maxBrake) - start
            }
            s = advance(s, acceleration: a, dt: dt)
            iterations += 1
        }
        return s.station - start
    }

    /// The acceleration of the emergency manoeuvre for the next step after holding `previous`.
    @inline(__always)
    public static func emergencyAcceleration(after previous: Double, limits: VehicleLimits, dt: Double) -> Double {
        Swift.max(-limits.maxBrake, Swift.min(limits.maxAccel, previous) - limits.maxJerk * dt)
    }
}
