/// A controller's view of the merge order: which contenders of the other lane go before it (the
/// cars it yields to), and its decision for the intent message.
struct MergeAssessment: Sendable {
    /// The decision to broadcast; `nil` when the car does not contest the merge.
    var decision: IntentDecision?
    /// Contenders that go before this car: a main-lane car opens a gap behind each of them
    /// (projected onto the main lane), a ramp car stays behind each and never merges ahead of one.
    var yieldTo: [AgentID] = []
    /// Why, for the event log (e.g. `ticket 12.10 s vs 12.85 s`).
    var reason: String = ""
    /// The order of every contested pair: the contender and whether the ramp car goes first
    /// (remember it for the next decision: see ``MergeCoordinator``, "Commitment").
    var orders: [(contender: AgentID, rampFirst: Bool)] = []
}

/// Who contests the merge, what a car's place in the order is, and how the pairwise rule
/// becomes one order.
///
/// Contest zone: stations `[mergeStart − contestUpstream, mergeEnd]`. A ramp car that has not
/// begun its lane change contests with the main-lane cars in the zone that it senses, a main-lane
/// car with such ramp cars.
///
/// Ticket (the "predicted arrival at the merge" of first come, first served): when a car first
/// decides inside the zone it predicts when it will reach the merge point `mergeStart` driving
/// freely — accelerating at its largest acceleration up to its desired speed, never slowing down
/// (``predictedArrival(time:station:speed:desiredSpeed:acceleration:geometry:tuning:)``); a time
/// on the simulation clock, earlier than now for a car already past the point. The ticket is
/// fixed from then on and broadcast in every intent: a car that slows down to let others in keeps
/// its place, so a ramp car cannot be starved by an endless main-lane stream. Until a car's intent
/// has arrived, others make the same prediction from the first snapshot in which they sensed it
/// in the zone, assuming the speed limit as its desired speed and their own acceleration.
///
/// One order: within each lane, tickets are raised to at least that of the car ahead (nobody
/// reaches the merge before the car in front of it), so the pairwise first-come-first-served rule
/// gives one order that respects the order of each lane. Rules that are not monotone in the
/// tickets (the merge game, ``MergeGamePolicy``) may not: so a car that lets a car of the other
/// lane go first also lets every car ahead of that one go first (it cannot pass them).
///
/// Physics first: an order is open to the rule only while each car of the pair could still take
/// its place behind the other, braking at most at `comfortDeceleration` for `contestPassTime`
/// while the other holds its speed (``canGetBehind(_:_:clearance:deceleration:tuning:)``), and end
/// up far enough behind for the merge to happen: a main-lane car as far as the merging car's gap
/// acceptance asks of its new follower, a ramp car its headway behind the main-lane car (the
/// ``Clearances``). When only one of the two can, it goes second; when neither can (side by
/// side, or both slow), the main-lane car goes first. So nobody waits for a car it has already
/// passed, is beside, or could never let in — the cases that would deadlock.
///
/// Commitment: once a car of the pair goes second, it keeps doing so while it could with
/// `firmDeceleration` instead of the comfortable rate (hysteresis), so that an order is not
/// dropped the moment the other car slows down too — which would starve a ramp car. Both cars
/// remember the pair's last order, so they keep agreeing.
///
/// Agreement: both cars of a pair evaluate the rule on the same tickets (once intents flow) and
/// so agree. When a fresh intent shows the counterpart decided the opposite way about this car
/// (both claim to go first, or both yield), the main-lane car goes first — after one round of
/// messages both agree.
enum MergeCoordinator {
    struct Entry {
        var id: AgentID
        var station: Double
        var speed: Double
        var length: Double
        var ticket: Double
        /// Desired speed [m/s] (from the intent, or the speed limit; the ego's own).
        var desiredSpeed: Double = 30
        var isEgo: Bool
        var contends: Bool
        /// Position in `tracks` (−1 for the ego).
        var track: Int
    }

    /// How far behind the other car a car must get for the other's merge to go ahead (bumper
    /// gaps [m]): computed by the controller with its own settings (others are assumed alike).
    struct Clearances {
        /// Gap a main-lane car at `mainSpeed` must leave behind a ramp car at `rampSpeed`.
        var mainBehindRamp: (_ mainSpeed: Double, _ rampSpeed: Double) -> Double
        /// Gap a ramp car at `rampSpeed` must leave behind a main-lane car.
        var rampBehindMain: (_ rampSpeed: Double) -> Double
    }

    /// The zone of stations where cars contest the merge.
    static func zone(_ geometry: HighwayGeometry, _ tuning: ControllerTuning) -> ClosedRange<Double> {
        (geometry.mergeStart - tuning.contestUpstream)...geometry.mergeEnd
    }

    /// The arrival at the merge point [s, simulation clock] of a car at `station` with `speed`
    /// that accelerates at `acceleration` up to `desiredSpeed` and then holds it (a car at or
    /// above its desired speed holds its speed). Past the point: the time it passed it at its
    /// current speed. Speeds below ``ControllerTuning/arrivalSpeedFloor`` count as the floor.
    static func predictedArrival(time: Double, station: Double, speed: Double, desiredSpeed: Double,
                                 acceleration: Double, geometry: HighwayGeometry, tuning: ControllerTuning) -> Double {
        let distance = geometry.mergeStart - station
        let v = Swift.max(speed, tuning.arrivalSpeedFloor)
        guard distance > 0, v < desiredSpeed, acceleration > 0 else { return time + distance / v }
        let accelerationTime = (desiredSpeed - v) / acceleration
        let accelerationDistance = v * accelerationTime + 0.5 * acceleration * accelerationTime * accelerationTime
        if distance <= accelerationDistance {
            return time + ((v * v + 2 * acceleration * distance).squareRoot() - v) / acceleration
        }
        return time + accelerationTime + (distance - accelerationDistance) / desiredSpeed
    }

    /// - Parameters:
    ///   - ticket: the ego's ticket (nil outside the zone).
    ///   - ticketOf: the ticket of another car in the zone (from its intent, or the estimate
    ///     kept since it was first sensed there).
    ///   - declaration: the decision in the other car's fresh intent, if any.
    ///   - desiredSpeedOf: another car's desired speed (from its intent, or the speed limit).
    /// - Complexity: O(c log c) for c sensed cars.
    static func assess(ego: EgoState, ticket: Double?, tracks: [NeighbourTrack], geometry: HighwayGeometry,
                       tuning: ControllerTuning, policy: any MergeOrderPolicy, clearances: Clearances,
                       ticketOf: (NeighbourTrack) -> Double,
                       declaration: (NeighbourTrack) -> IntentDecision?,
                       desiredSpeed: Double = 30, desiredSpeedOf: (NeighbourTrack) -> Double = { _ in 30 },
                       previousOrder: (AgentID) -> Bool? = { _ in nil }) -> MergeAssessment {
        let egoIsRamp = ego.isUnmergedRampCar
        let egoIsMain = ego.lane == .main
        guard egoIsRamp || egoIsMain, let ticket else { return MergeAssessment() }
        let zone = zone(geometry, tuning)

        // Both lanes as the ego sees them (main lane: main and changing cars; ramp lane: unmerged ramp cars).
        var mainLane: [Entry] = [], rampLane: [Entry] = []
        let egoEntry = Entry(id: ego.id, station: ego.motion.station, speed: ego.motion.speed, length: ego.length,
                             ticket: ticket, desiredSpeed: desiredSpeed, isEgo: true, contends: true, track: -1)
        if egoIsRamp { rampLane.append(egoEntry) } else { mainLane.append(egoEntry) }
        for (position, track) in tracks.enumerated() {
            let inZone = zone.contains(track.station)
            // Cars outside the zone still bound the tickets of the cars behind them in their lane.
            let entry = Entry(id: track.id, station: track.station, speed: track.speed, length: track.length,
                              ticket: inZone ? ticketOf(track) : -.infinity, desiredSpeed: desiredSpeedOf(track),
                              isEgo: false, contends: inZone && track.lane != .changing, track: position)
            switch track.lane {
            case .main, .changing: mainLane.append(entry)
            case .ramp, .accel: rampLane.append(entry)
            }
        }
        makeTicketsMonotone(&mainLane)
        makeTicketsMonotone(&rampLane)

        let own = (egoIsRamp ? rampLane : mainLane).first(where: \.isEgo)!
        let others = (egoIsRamp ? mainLane : rampLane).filter(\.contends)   // front to back
        let egoContender = contender(own)
        var egoFirst: [Bool] = [], reasons: [String] = []
        for other in others {
            let (ramp, main) = egoIsRamp ? (own, other) : (other, own)
            let previous = previousOrder(other.id)
            var first: Bool
            var reason: String
            if let rampFirst = settledOrder(ramp: ramp, main: main, clearances: clearances, tuning: tuning,
                                            previous: previous) {
                first = egoIsRamp ? rampFirst : !rampFirst
                reason = "the other order is no longer possible"
            } else {
                let order = egoIsRamp
                    ? policy.order(ramp: egoContender, main: contender(other), previous: previous)
                    : policy.order(ramp: contender(other), main: egoContender, previous: previous)
                first = egoIsRamp ? order.rampFirst : !order.rampFirst
                reason = "\(policy.name): \(order.reason)"
                if let declared = declaration(tracks[other.track]), declared.counterpart == ego.id {
                    let conflict = (declared.kind == .goFirst && first) || (declared.kind == .yield && !first)
                    if conflict {
                        first = egoIsMain
                        reason += "; it declared the same, so the main-lane car goes first"
                    }
                }
            }
            egoFirst.append(first)
            reasons.append(reason)
        }
        // One order per lane: a car behind one that the ego lets go first cannot pass it, so the
        // ego lets every car ahead of that one go first too.
        if let rearmost = egoFirst.lastIndex(of: false) {
            for i in 0..<rearmost where egoFirst[i] {
                egoFirst[i] = false
                reasons[i] = "behind a car of its lane that goes first"
            }
        }

        var assessment = MergeAssessment()
        var nearest: Int?
        for (i, other) in others.enumerated() {
            if !egoFirst[i] { assessment.yieldTo.append(other.id) }
            assessment.orders.append((other.id, egoIsRamp ? egoFirst[i] : !egoFirst[i]))
            if let current = nearest {
                let d = abs(other.station - own.station), best = abs(others[current].station - own.station)
                if d < best || (d == best && other.id < others[current].id) { nearest = i }
            } else {
                nearest = i
            }
        }
        if let nearest {
            assessment.decision = IntentDecision(kind: egoFirst[nearest] ? .goFirst : .yield,
                                                 counterpart: others[nearest].id)
            assessment.reason = reasons[nearest]
        }
        return assessment
    }

    static func contender(_ entry: Entry) -> MergeContender {
        MergeContender(id: entry.id, station: entry.station, speed: entry.speed, arrival: entry.ticket,
                       desiredSpeed: entry.desiredSpeed, length: entry.length)
    }

    /// The order physics has already settled, or nil when both orders are still possible (see
    /// the type's documentation): `true` when the ramp car goes first. `previous` is the pair's
    /// last order (nil if none): the car that went second then may brake firmly to stay second.
    static func settledOrder(ramp: Entry, main: Entry, clearances: Clearances, tuning: ControllerTuning,
                             previous: Bool? = nil) -> Bool? {
        let mainRate = previous == true ? tuning.firmDeceleration : tuning.comfortDeceleration
        let rampRate = previous == false ? tuning.firmDeceleration : tuning.comfortDeceleration
        let later = { (car: Entry, rate: Double) in Swift.max(0, car.speed - rate * tuning.contestPassTime) }
        let mainCanYield = canGetBehind(main, ramp, clearance: clearances.mainBehindRamp(later(main, mainRate), ramp.speed),
                                        deceleration: mainRate, tuning: tuning)
        let rampCanYield = canGetBehind(ramp, main, clearance: clearances.rampBehindMain(later(ramp, rampRate)),
                                        deceleration: rampRate, tuning: tuning)
        switch (mainCanYield, rampCanYield) {
        case (true, true): return nil
        case (true, false): return true
        case (false, true): return false
        case (false, false): return false
        }
    }

    /// Whether car `a`, braking at `deceleration` for `contestPassTime` while `b` holds its
    /// speed, ends up at least `clearance` plus `contestGap` between bumpers behind `b`.
    static func canGetBehind(_ a: Entry, _ b: Entry, clearance: Double, deceleration: Double,
                             tuning: ControllerTuning) -> Bool {
        let t = tuning.contestPassTime
        let braking = a.speed > deceleration * t ? a.speed * t - 0.5 * deceleration * t * t
                                                 : a.speed * a.speed / (2 * deceleration)
        let gap = (b.station + b.speed * t) - (a.station + braking) - 0.5 * (a.length + b.length)
        return gap >= clearance + tuning.contestGap
    }

    /// Sorts front to back and raises each ticket to at least that of the car ahead.
    static func makeTicketsMonotone(_ lane: inout [Entry]) {
        lane.sort { $0.station != $1.station ? $0.station > $1.station : $0.id < $1.id }
        var latest = -Double.infinity
        for i in lane.indices {
            latest = Swift.max(latest, lane[i].ticket)
            lane[i].ticket = latest
        }
    }
}
