/// A robot of the workspace world as a planar double integrator with norm limits: the command is
/// an acceleration held constant over one control step (zero-order hold).
///
/// Model (exact for a constant acceleration `a` over `dt`, no discretisation error):
///
///     p⁺ = p + v·dt + ½·a·dt²
///     v⁺ = v + a·dt
///
/// Limits (Euclidean norms, not per axis): `‖a‖ ≤ maxAccel` for the applied acceleration and
/// `‖v⁺‖ ≤ maxSpeed` after the step. ``step(_:command:)`` enforces both: the command is first
/// scaled down to `maxAccel`, then, if the new velocity would exceed `maxSpeed`, the velocity is
/// projected radially onto the speed disc and the acceleration actually applied becomes
/// `(v⁺ − v)/dt`. When `‖v‖ ≤ maxSpeed` before the step, projecting onto the (convex) disc moves
/// `v⁺` no further from `v` than it was, so the applied acceleration still satisfies
/// `‖a‖ ≤ maxAccel`; the position follows the same exact formula with that acceleration
/// (equivalently `p⁺ = p + ½(v + v⁺)·dt`).
public struct RobotDynamics: Sendable, Hashable {
    /// Control period [s] (> 0).
    public var dt: Double
    /// Speed limit [m/s] (> 0), on the Euclidean norm of the velocity.
    public var maxSpeed: Double
    /// Acceleration limit [m/s²] (> 0), on the Euclidean norm of the acceleration.
    public var maxAccel: Double

    /// - Precondition: every value finite and > 0.
    public init(dt: Double, maxSpeed: Double, maxAccel: Double) {
        precondition(dt > 0 && dt.isFinite, "dt must be finite and > 0")
        precondition(maxSpeed > 0 && maxSpeed.isFinite, "maxSpeed must be finite and > 0")
        precondition(maxAccel > 0 && maxAccel.isFinite, "maxAccel must be finite and > 0")
        self.dt = dt
        self.maxSpeed = maxSpeed
        self.maxAccel = maxAccel
    }

    /// The exact zero-order-hold step without any limit: `p + v·dt + ½·a·dt²`, `v + a·dt`.
    /// This is the model the MPC's condensed prediction is built from.
    @inline(__always)
    public static func propagate(_ state: RobotState, acceleration a: Vector2, dt: Double) -> RobotState {
        RobotState(position: state.position + dt * state.velocity + (0.5 * dt * dt) * a,
                   velocity: state.velocity + dt * a)
    }

    /// The acceleration actually applied for `command` at `state`: scaled to `‖a‖ ≤ maxAccel`,
    /// then changed so that the velocity after the step is the projection of `v + a·dt` onto the
    /// disc `‖v‖ ≤ maxSpeed`. A non-finite command is treated as zero (a robot never integrates
    /// NaN from a faulty controller).
    public func appliedAcceleration(_ command: Vector2, at state: RobotState) -> Vector2 {
        guard command.x.isFinite && command.y.isFinite else { return Vector2(0, 0) }
        var a = command
        let norm = a.length
        if norm > maxAccel { a = (maxAccel / norm) * a }
        let next = state.velocity + dt * a
        let speed = next.length
        if speed > maxSpeed {
            let limited = (maxSpeed / speed) * next
            a = (1 / dt) * (limited - state.velocity)
        }
        return a
    }

    /// The state after one step of `command` with both limits enforced (see the type's
    /// documentation). - Postcondition: `‖v⁺‖ ≤ maxSpeed·(1 + 1e-15)`, and the applied
    /// acceleration has norm ≤ maxAccel whenever `‖v‖ ≤ maxSpeed` before the step.
    public func step(_ state: RobotState, command: Vector2) -> RobotState {
        let a = appliedAcceleration(command, at: state)
        var next = Self.propagate(state, acceleration: a, dt: dt)
        // Rounding in (v⁺ − v)/dt·dt may leave the speed a few ulps above the limit; clip it.
        let speed = next.velocity.length
        if speed > maxSpeed { next.velocity = (maxSpeed / speed) * next.velocity }
        return next
    }
}
