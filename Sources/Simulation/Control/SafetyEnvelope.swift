/// The safety envelope every controller enforces on its own command after the MPC (a
/// responsibility-sensitive-safety style invariant), which is what makes the simulator
/// collision-free by construction.
///
/// Invariant, for the car and everything it must not hit ahead of it (cars it follows, the end of
/// the acceleration lane, a stopped car assumed just beyond sensor range): if the car ahead
/// braked now at its full rate (instantly, the worst case), and this car then performed its
/// emergency manoeuvre (``VehicleDynamics/emergencyStoppingDistance(from:limits:dt:)``), this car
/// would still stop behind it with ``ControllerTuning/safetyGap`` between bumpers.
///
/// Why it holds forever once it holds: the stop point `ξ_L + v_L²/(2b)` of a car that never
/// brakes harder than b never moves back, and the emergency manoeuvre's stop point is constant
/// along the manoeuvre, so its first step is always an admissible, safe command. Between stop
/// points the gap is smallest at one of the two ends (the speed difference changes sign at most
/// once), and the one-step check covers the start.
///
/// ``filter(_:state:bounds:)`` keeps the command when it is safe and otherwise takes the largest
/// admissible acceleration that is (bisection: the stop point grows with the acceleration).
struct SafetyEnvelope: Sendable {
    /// Limits on the car's centre station: after the next step it must be at most `step`, and
    /// its station plus its emergency stopping distance at most `stop`.
    struct Bound: Sendable {
        var stop: Double
        var step: Double
        var source: AgentID?
    }

    let limits: VehicleLimits
    let dt: Double

    /// The bound behind a car ahead at `station` with `speed`, `length`, braking at most at
    /// `brake`, for an ego of `egoLength`, keeping `gap` between bumpers.
    func bound(behind station: Double, speed: Double, length: Double, brake: Double, egoLength: Double,
               gap: Double, source: AgentID?) -> Bound {
        let reach = 0.5 * (length + egoLength) + gap
        let v = Swift.max(0, speed)
        let stopPoint = station + v * v / (2 * brake)
        let nextStation = NeighbourPredictor.brake(station, v, brake, dt).0
        return Bound(stop: stopPoint - reach, step: nextStation - reach, source: source)
    }

    /// A fixed obstacle: the car's centre must stop at or before `limit`.
    func bound(stopAt limit: Double) -> Bound {
        Bound(stop: limit, step: limit, source: nil)
    }

    /// Whether the state after the next step keeps every bound.
    @inline(__always)
    func isSafe(_ next: LongitudinalState, _ bounds: [Bound]) -> Bool {
        var tightest = Double.infinity, tightestStep = Double.infinity
        for bound in bounds {
            tightest = Swift.min(tightest, bound.stop)
            tightestStep = Swift.min(tightestStep, bound.step)
        }
        if next.station > tightestStep { return false }
        if tightest == .infinity { return true }
        return next.station + VehicleDynamics.emergencyStoppingDistance(from: next, limits: limits, dt: dt) <= tightest
    }

    /// The command to apply: `command` clamped to the admissible range when that is safe,
    /// otherwise the largest safe admissible acceleration; when even the strongest braking is not
    /// safe (the invariant was already broken), the strongest braking and `violated`.
    func filter(_ command: Double, state: LongitudinalState, bounds: [Bound])
        -> (acceleration: Double, intervened: Bool, violated: Bool) {
        let range = VehicleDynamics.admissibleAccelerations(after: state.acceleration, limits: limits, dt: dt)
        let wanted = Swift.min(range.upperBound, Swift.max(range.lowerBound, command))
        if bounds.isEmpty || isSafe(VehicleDynamics.advance(state, acceleration: wanted, dt: dt), bounds) {
            return (wanted, false, false)
        }
        var low = range.lowerBound
        if !isSafe(VehicleDynamics.advance(state, acceleration: low, dt: dt), bounds) {
            return (low, true, true)
        }
        var high = wanted
        for _ in 0..<40 where high - low > 1e-9 {
            let middle = 0.5 * (low + high)
            if isSafe(VehicleDynamics.advance(state, acceleration: middle, dt: dt), bounds) {
                low = middle
            } else {
                high = middle
            }
        }
        return (low, true, false)
    }
}
