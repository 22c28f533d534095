/// Predicts another car's stations and speeds over the horizon, from its intent when fresh and
/// conservatively otherwise.
///
/// - Fresh intent (age ≤ delay + ``ControllerTuning/freshnessSlackSteps``): the planned motion,
///   re-anchored at the sensed station: `ξ(k) = ξ_sensed + plan(age + k) − plan(age)`, speeds from
///   the plan; beyond the plan's end, its last speed is held.
/// - Stale or no intent: the car brakes at ``ControllerTuning/stalePredictionDeceleration`` from
///   its sensed speed; with a stale intent, the lower of that and the re-anchored plan at each
///   step (more conservative than either). Callers also add ``ControllerTuning/staleExtraGap``.
/// - Nominal (for cars one only cooperates with): fresh intent, or else constant sensed speed.
struct NeighbourPredictor: Sendable {
    enum Quality: Sendable, Equatable {
        case freshIntent
        case staleIntent
        case sensedOnly

        var isFresh: Bool { self == .freshIntent }
    }

    let horizon: Int
    let dt: Double
    /// Largest age [steps] of a fresh intent.
    let freshAge: Int
    let staleDeceleration: Double

    /// Fills `stations[0...N]` and `speeds[0...N]` (k = 0 is now) for `track`.
    /// - Parameter nominal: constant speed instead of braking when no fresh intent is known.
    @discardableResult
    func predict(_ track: NeighbourTrack, intent: IntentMessage?, step: Int, nominal: Bool = false,
                 stations: inout [Double], speeds: inout [Double]) -> Quality {
        let n = horizon
        precondition(stations.count == n + 1 && speeds.count == n + 1)
        let age = intent.map { step - $0.sentStep } ?? Int.max
        let quality: Quality = intent == nil ? .sensedOnly : (age <= freshAge ? .freshIntent : .staleIntent)

        if quality == .freshIntent || (quality == .staleIntent && !nominal), let intent {
            anchored(intent, age: age, track: track, stations: &stations, speeds: &speeds)
            if quality == .freshIntent { return quality }
            // Stale: the lower of the plan and braking from the sensed state.
            var s = track.station, v = track.speed
            for k in 1...n {
                (s, v) = Self.brake(s, v, staleDeceleration, dt)
                if s < stations[k] { stations[k] = s; speeds[k] = v }
            }
            return quality
        }
        stations[0] = track.station
        speeds[0] = track.speed
        var s = track.station, v = track.speed
        for k in 1...n {
            if nominal {
                s += v * dt
            } else {
                (s, v) = Self.brake(s, v, staleDeceleration, dt)
            }
            stations[k] = s
            speeds[k] = v
        }
        return quality
    }

    /// The plan of `intent` from index `age` on, shifted to start at the sensed station.
    private func anchored(_ intent: IntentMessage, age: Int, track: NeighbourTrack,
                          stations: inout [Double], speeds: inout [Double]) {
        let plan = intent.stations, planSpeeds = intent.speeds
        let last = plan.count - 1
        func planStation(_ index: Int) -> Double {
            index <= last ? plan[index] : plan[last] + planSpeeds[last] * dt * Double(index - last)
        }
        let origin = planStation(age)
        for k in 0...horizon {
            stations[k] = track.station + (planStation(age + k) - origin)
            speeds[k] = age + k <= last ? planSpeeds[age + k] : planSpeeds[last]
        }
        stations[0] = track.station
        speeds[0] = track.speed
    }

    /// One step of braking at `deceleration` from (s, v), stopping at v = 0.
    @inline(__always)
    static func brake(_ s: Double, _ v: Double, _ deceleration: Double, _ dt: Double) -> (Double, Double) {
        if v <= 0 { return (s, 0) }
        let vEnd = v - deceleration * dt
        if vEnd > 0 { return (s + v * dt - 0.5 * deceleration * dt * dt, vEnd) }
        return (s + v * v / (2 * deceleration), 0)
    }
}
