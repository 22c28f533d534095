extension HighwayMergeSimulation {
    /// Checks the footprints of the cars in the world at `time` (collisions, minimum separation)
    /// and builds the record.
    func finishStep(time: Double, events: [SimulationEvent]) -> StepRecord {
        var events = events
        checkFootprints(time: time, events: &events)
        var samples: [TrajectorySample] = []
        samples.reserveCapacity(active.count)
        var mainLane: [(station: Double, speed: Double, length: Double)] = []
        for index in active {
            let car = cars[index]
            let lane = car.lane(geometry)
            if lane == .main || lane == .changing { mainLane.append((car.motion.station, car.motion.speed, car.length)) }
            let pose = car.pose(geometry)
            let motion = car.pathMotion
            speedSum += motion.speed
            sampleCount += 1
            samples.append(TrajectorySample(
                agent: agents[car.id], kind: .car, x: pose.x, y: pose.y, heading: pose.heading,
                speed: motion.speed, accel: motion.acceleration,
                extra: [("lane", car.lane(geometry).rawValue), ("decision", car.decision.rawValue),
                        ("nash_gap", car.nashGap.map { DecimalText.render($0, 4) } ?? ""),
                        ("plan_conflict_m", car.planConflict.map { DecimalText.render($0, 4) } ?? "")]))
        }
        metrics.observeHeadways(mainLane)
        events.sort()
        return StepRecord(step: stepIndex, time: time, samples: samples, events: events)
    }

    /// Collisions (pairs whose footprints overlap; counted once per contact) and the minimum
    /// separation, over pairs close enough in x to matter.
    /// - Complexity: O(n log n + pairs within reach in x).
    func checkFootprints(time: Double, events: inout [SimulationEvent]) {
        let count = active.count
        guard count >= 2 else {
            contacts.removeAll()
            return
        }
        var shapes: [OrientedRectangle] = []
        shapes.reserveCapacity(count)
        var largest = 0.0
        for index in active {
            let shape = cars[index].footprint(geometry)
            largest = Swift.max(largest, shape.circumradius)
            shapes.append(shape)
        }
        var order = Array(0..<count)
        order.sort { (shapes[$0].center.x, $0) < (shapes[$1].center.x, $1) }
        var now: Set<Int> = []
        var best = minSeparation ?? .infinity
        for (rank, a) in order.enumerated() {
            var next = rank + 1
            while next < count {
                let b = order[next]
                next += 1
                let dx = shapes[b].center.x - shapes[a].center.x
                if dx > best + 2 * largest && dx > 2 * largest { break }
                let distance = shapes[a].distance(to: shapes[b])
                if distance < best { best = distance }
                if distance == 0 && shapes[a].overlaps(shapes[b]) {
                    let (i, j) = (Swift.min(active[a], active[b]), Swift.max(active[a], active[b]))
                    let key = i * cars.count + j
                    now.insert(key)
                    if !contacts.contains(key) {
                        collisionCount += 1
                        events.append(SimulationEvent(time: time, agent: agents[AgentID(index: i)], event: "collision",
                                                      detail: "with \(agents[AgentID(index: j)])"))
                    }
                }
            }
        }
        contacts = now
        if best < .infinity { minSeparation = best }
    }

    // MARK: - Preconditions

    static func check(_ car: CarConfig, world: HighwayMergeConfig, geometry: HighwayGeometry) {
        let id = car.id
        precondition(car.s >= 0 && car.s.isFinite, "car \(id): s must be >= 0")
        switch car.route {
        case .main: precondition(car.s < world.mainLength, "car \(id): s must be < mainLength on the main route")
        case .ramp:
            precondition(car.s < world.rampLength + world.mergeEnd - world.mergeStart,
                         "car \(id): s must be before the end of the acceleration lane")
        }
        precondition(car.speed >= 0 && car.speed.isFinite, "car \(id): speed must be >= 0")
        precondition(car.length > 0 && car.width > 0 && car.length.isFinite && car.width.isFinite,
                     "car \(id): length and width must be > 0")
        precondition(car.entryTime >= 0 && car.entryTime.isFinite, "car \(id): entryTime must be >= 0")
        if let desired = car.desiredSpeed { precondition(desired > 0 && desired.isFinite, "car \(id): desiredSpeed must be > 0") }
        if let settings = car.controller { check(settings) }
    }

    static func check(_ c: CarControllerConfig) {
        precondition(c.horizon >= 2, "horizon must be >= 2")
        precondition(c.maxAccel > 0 && c.maxBrake > 0 && c.maxJerk > 0, "vehicle limits must be > 0")
        precondition(c.minGap >= 0 && c.timeHeadway >= 0, "minGap and timeHeadway must be >= 0")
        precondition(c.laneChangeDuration > 0, "laneChangeDuration must be > 0")
        precondition(c.speedWeight >= 0 && c.accelWeight >= 0 && c.jerkWeight >= 0 && c.accelWeight + c.jerkWeight > 0,
                     "weights must be >= 0 with accel + jerk > 0")
    }
}
