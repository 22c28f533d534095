extension HighwayMergeSimulation {
    /// Puts car `index` into the world with `speed` at time `time`.
    func activate(_ index: Int, speed: Double, at time: Double, events: inout [SimulationEvent]) {
        var car = cars[index]
        car.status = .active
        car.motion = LongitudinalState(station: geometry.station(route: car.route, s: car.config.s), speed: speed)
        cars[index] = car
        controllers[index] = CarController(
            id: car.id, names: agents, car: car.config, settings: car.settings, desiredSpeed: car.desiredSpeed,
            geometry: geometry, dt: dt, delaySteps: bus.delaySteps, rule: mergeRule, tuning: tuning)
        active.append(index)
        var detail = "\(car.route.rawValue) route at s \(DecimalText.render(car.config.s)) m, \(DecimalText.render(speed)) m/s"
        if speed < car.config.speed - 1e-9 {
            detail += " (entry speed lowered from \(DecimalText.render(car.config.speed)) m/s)"
        }
        events.append(SimulationEvent(time: time, agent: agents[car.id], event: "entered", detail: detail))
    }

    /// Lets in the waiting cars whose entry time has come, route by route in entry order, while
    /// their entrance is free (see the type's documentation).
    func enterWaitingCars(time: Double, events: inout [SimulationEvent]) {
        var entered = false
        for route in 0..<2 {
            while let index = queues[route].first, cars[index].config.entryTime <= time + 1e-9 {
                guard let speed = entrySpeed(index) else {
                    if !cars[index].entryDelayLogged {
                        cars[index].entryDelayLogged = true
                        entryDelays += 1
                        events.append(SimulationEvent(time: time, agent: agents[cars[index].id], event: "entry-delayed",
                                                      detail: "entrance not free"))
                    }
                    break
                }
                queues[route].removeFirst()
                activate(index, speed: speed, at: time, events: &events)
                entered = true
            }
        }
        if entered { active.sort() }
    }

    /// The speed at which car `index` can enter now (its configured speed, lowered if needed), or
    /// nil when the entrance is not free.
    func entrySpeed(_ index: Int) -> Double? {
        let car = cars[index]
        let station = geometry.station(route: car.route, s: car.config.s)
        let lane: LaneKind = car.route == .main ? .main : geometry.rampRouteLane(station: station)
        var ahead: CarTruth?, behind: CarTruth?
        for other in active {
            let candidate = cars[other]
            guard CarController.mustFollow(candidate.lane(geometry), from: lane) else { continue }
            if candidate.motion.station >= station {
                if ahead.map({ candidate.motion.station < $0.motion.station }) ?? true { ahead = candidate }
            } else if behind.map({ candidate.motion.station > $0.motion.station }) ?? true {
                behind = candidate
            }
        }
        let s = car.settings
        func aheadIsSafe(_ speed: Double) -> Bool {
            guard let leader = ahead else { return true }
            let gap = (leader.motion.station - 0.5 * leader.length) - (station + 0.5 * car.length)
            guard gap >= s.minGap + s.timeHeadway * speed else { return false }
            let brake = Swift.max(car.limits.maxBrake, leader.limits.maxBrake)
            let leaderStop = leader.motion.station + leader.motion.speed * leader.motion.speed / (2 * brake)
            let own = LongitudinalState(station: station, speed: speed)
            let ownStop = station + VehicleDynamics.emergencyStoppingDistance(from: own, limits: car.limits, dt: dt)
            return ownStop <= leaderStop - 0.5 * (leader.length + car.length) - s.minGap
        }
        guard aheadIsSafe(0) else { return nil }
        var speed = car.config.speed
        if !aheadIsSafe(speed) {
            var low = 0.0, high = speed
            for _ in 0..<50 {
                let middle = 0.5 * (low + high)
                if aheadIsSafe(middle) { low = middle } else { high = middle }
            }
            speed = low
        }
        if let follower = behind {
            let f = follower.settings
            let gap = (station - 0.5 * car.length) - (follower.motion.station + 0.5 * follower.length)
            guard gap >= f.minGap + f.timeHeadway * follower.motion.speed else { return nil }
            let followerStop = follower.motion.station
                + VehicleDynamics.emergencyStoppingDistance(from: follower.motion, limits: follower.limits, dt: dt)
            let ownStop = station + speed * speed / (2 * Swift.max(car.limits.maxBrake, follower.limits.maxBrake))
            guard followerStop <= ownStop - 0.5 * (follower.length + car.length) - f.minGap else { return nil }
        }
        return speed
    }
}
