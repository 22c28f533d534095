/// When a ramp car may begin its lane change: only into a gap that satisfies the headway
/// constraints and the safety envelope for both the merging car and its new follower, with a
/// margin for the follower's reaction (the network delay and the time to notice by sensing), and
/// only when the manoeuvre ends before the acceleration lane does.
///
/// Conditions, with P the nearest main-lane (or changing) car ahead and F the nearest behind:
/// 1. the car is entirely in the acceleration lane (`ξ − length/2 ≥ mergeStart`) and the lane
///    change, of length `max(v·T, 20 m)` (shortened to the room left, at least 8 m), ends with
///    the front bumper at or before `mergeEnd`, and `minGap` behind the rear of every ramp car
///    ahead that has not begun its own lane change (which may stop at the end of the lane: a
///    car changing lanes behind it would be stuck half-way, and block it in turn);
/// 2. no car it yields to (``MergeAssessment/yieldTo``) is behind it in the main lane;
/// 3. P: bumper gap ≥ `minGap + timeHeadway·v`, and the safety envelope towards P holds with
///    `minGap` as clearance;
/// 4. F: bumper gap ≥ `minGap + timeHeadway·v_F + v_F·τ`, and the safety envelope of F towards
///    this car holds after F kept accelerating at the maximum for τ (the reaction time), with
///    `minGap` as clearance. Other cars are assumed to have this car's limits.
enum GapAcceptance {
    struct Candidate {
        var path: LaneChangePath
        var ahead: AgentID?
        var behind: AgentID?
    }

    static func evaluate(ego: EgoState, tracks: [NeighbourTrack], yieldTo: [AgentID], geometry: HighwayGeometry,
                         settings: CarControllerConfig, limits: VehicleLimits, reactionTime: Double,
                         dt: Double) -> Candidate? {
        guard ego.lane == .accel else { return nil }
        let me = ego.motion
        let halfLength = 0.5 * ego.length
        guard me.station - halfLength >= geometry.mergeStart else { return nil }
        var length = LaneChangePath.nominalLength(speed: me.speed, duration: settings.laneChangeDuration)
        let room = geometry.mergeEnd - (me.station + halfLength)
        if length > room { length = room }
        guard length >= LaneChangePath.shortestEmergencyLength else { return nil }

        for track in tracks where (track.lane == .accel || track.lane == .ramp) && track.station > me.station {
            if me.station + length + halfLength + settings.minGap > track.station - 0.5 * track.length { return nil }
        }
        var ahead: NeighbourTrack?, behind: NeighbourTrack?
        for track in tracks where track.lane == .main || track.lane == .changing {
            if track.station >= me.station {
                if ahead.map({ track.station < $0.station || (track.station == $0.station && track.id < $0.id) }) ?? true {
                    ahead = track
                }
            } else {
                if yieldTo.contains(track.id) { return nil }
                if behind.map({ track.station > $0.station || (track.station == $0.station && track.id < $0.id) }) ?? true {
                    behind = track
                }
            }
        }
        let brake = limits.maxBrake
        if let p = ahead {
            let gap = (p.station - 0.5 * p.length) - (me.station + halfLength)
            guard gap >= settings.minGap + settings.timeHeadway * me.speed else { return nil }
            let stopPoint = p.station + p.speed * p.speed / (2 * brake) - 0.5 * (p.length + ego.length) - settings.minGap
            let myStop = me.station + VehicleDynamics.emergencyStoppingDistance(from: me, limits: limits, dt: dt)
            guard myStop <= stopPoint else { return nil }
        }
        if let f = behind {
            let gap = (me.station - halfLength) - (f.station + 0.5 * f.length)
            guard gap >= requiredFollowerGap(followerSpeed: f.speed, leaderSpeed: me.speed, settings: settings,
                                             limits: limits, reactionTime: reactionTime, dt: dt) else { return nil }
        }
        return Candidate(path: LaneChangePath(startStation: me.station, length: length, laneWidth: geometry.laneWidth),
                         ahead: ahead?.id, behind: behind?.id)
    }

    /// The bumper gap condition 4 asks between the new follower and the merging car [m]: the
    /// larger of the headway with the reaction margin and the gap the safety envelope needs.
    static func requiredFollowerGap(followerSpeed v: Double, leaderSpeed: Double, settings: CarControllerConfig,
                                    limits: VehicleLimits, reactionTime tau: Double, dt: Double) -> Double {
        let headway = settings.minGap + settings.timeHeadway * v + v * tau
        let reacting = LongitudinalState(station: v * tau + 0.5 * limits.maxAccel * tau * tau,
                                         speed: v + limits.maxAccel * tau, acceleration: limits.maxAccel)
        let theirStop = reacting.station + VehicleDynamics.emergencyStoppingDistance(from: reacting, limits: limits, dt: dt)
        let envelope = theirStop - leaderSpeed * leaderSpeed / (2 * limits.maxBrake) + settings.minGap
        return Swift.max(headway, envelope)
    }
}
