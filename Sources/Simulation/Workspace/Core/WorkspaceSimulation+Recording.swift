extension WorkspaceSimulation {
    /// Checks the robots at `time` (overlaps, contacts, separation) and builds the record.
    func finishStep(time: Double, events: [SimulationEvent]) -> StepRecord {
        var events = events
        checkRobots(time: time, events: &events)
        checkObstacles(time: time, events: &events)
        var samples: [TrajectorySample] = []
        samples.reserveCapacity(robots.count)
        for robot in robots {
            let p = robot.state.position
            samples.append(TrajectorySample(
                agent: agents[robot.id], kind: .robot, x: p.x, y: p.y, heading: robot.heading,
                speed: robot.state.velocity.length, accel: robot.alongHeading,
                extra: [("goal_distance_m", DecimalText.render((robot.config.goal - p).length, 4)),
                        ("decision", robot.decision.rawValue)]))
        }
        events.sort()
        return StepRecord(step: stepIndex, time: time, samples: samples, events: events)
    }

    /// Robot pairs whose discs overlap (counted once per contact), the smallest gap between discs
    /// and the smallest ratio centre distance / sum of radii, over pairs close enough in x.
    /// - Complexity: O(n log n + pairs within reach in x).
    func checkRobots(time: Double, events: inout [SimulationEvent]) {
        let count = robots.count
        guard count >= 2 else { return }
        let largest = robots.map(\.radius).max() ?? 0
        var order = Array(0..<count)
        let xs = robots.map(\.state.position.x)
        order.sort { xs[$0] != xs[$1] ? xs[$0] < xs[$1] : $0 < $1 }
        var now: Set<Int> = []
        var bestGap = minSeparation ?? .infinity
        var bestRatio = minSeparationRatio ?? .infinity
        for (rank, a) in order.enumerated() {
            var next = rank + 1
            while next < count {
                let b = order[next]
                next += 1
                let dx = xs[b] - xs[a]
                // Beyond this in x, neither the gap nor the ratio can beat the best so far.
                if dx > 2 * largest + Swift.max(0, bestGap) && dx > 2 * largest * Swift.max(1, bestRatio) { break }
                let sum = robots[a].radius + robots[b].radius
                let distance = (robots[a].state.position - robots[b].state.position).length
                bestGap = Swift.min(bestGap, Swift.max(0, distance - sum))
                bestRatio = Swift.min(bestRatio, distance / sum)
                if distance < sum {
                    let (i, j) = (Swift.min(a, b), Swift.max(a, b))
                    let key = i * count + j
                    now.insert(key)
                    if !contacts.contains(key) {
                        collisionCount += 1
                        events.append(SimulationEvent(
                            time: time, agent: agents[AgentID(index: i)], event: "collision",
                            detail: "with \(agents[AgentID(index: j)]), centres \(DecimalText.render(distance, 3)) m apart"))
                    }
                }
            }
        }
        contacts = now
        if bestGap < .infinity { minSeparation = bestGap }
        if bestRatio < .infinity { minSeparationRatio = bestRatio }
    }

    /// Robots whose disc overlaps an obstacle or leaves the workspace (counted once per contact).
    func checkObstacles(time: Double, events: inout [SimulationEvent]) {
        let obstacles = world.obstacles
        let slots = obstacles.count + 1
        var now: Set<Int> = []
        for (index, robot) in robots.enumerated() {
            let p = robot.state.position, r = robot.radius
            for (k, obstacle) in obstacles.enumerated() {
                let distance = WorkspaceMetrics.distance(from: p, to: obstacle)
                guard distance < r else { continue }
                now.insert(index * slots + k)
                if !obstacleContacts.contains(index * slots + k) {
                    obstacleContactCount += 1
                    events.append(SimulationEvent(time: time, agent: agents[robot.id], event: "obstacle-contact",
                                                  detail: "obstacle \(k + 1), \(DecimalText.render(r - distance, 3)) m deep"))
                }
            }
            let hw = 0.5 * world.width, hh = 0.5 * world.height
            if abs(p.x) > hw - r || abs(p.y) > hh - r {
                now.insert(index * slots + obstacles.count)
                if !obstacleContacts.contains(index * slots + obstacles.count) {
                    obstacleContactCount += 1
                    events.append(SimulationEvent(time: time, agent: agents[robot.id], event: "obstacle-contact",
                                                  detail: "workspace edge"))
                }
            }
        }
        obstacleContacts = now
    }

    /// The facts of the run so far (wall-clock figures excepted).
    ///
    /// `extra`: `goals_reached`, `last_arrival_s` (when the last robot reached its goal; -1 unless
    /// every robot has), `min_separation_ratio` (smallest centre distance / sum of radii over all
    /// pairs and steps; ≥ 1 means no overlap), `obstacle_contacts` (robot–obstacle and robot–edge
    /// contacts), `fallbacks`, `deadlock_games` (deadlocks settled by a game: one per contest
    /// of a pair, although each robot of the pair solves its own copy; see ``DeadlockGameTally``),
    /// `messages_sent`, `messages_lost`.
    /// `solveTimes` holds the MPC solves only (a robot resting at its goal with nobody near does
    /// not solve).
    public func summary() -> RunSummary {
        let arrivals = robots.compactMap(\.arrivalTime)
        let last = arrivals.count == robots.count ? (arrivals.max() ?? 0) : -1
        let extra: [(key: String, value: Double)] = [
            ("goals_reached", Double(goalsReached)),
            ("last_arrival_s", last),
            ("min_separation_ratio", minSeparationRatio ?? 0),
            ("obstacle_contacts", Double(obstacleContactCount)),
            ("fallbacks", Double(fallbackCount)),
            ("deadlock_games", Double(deadlockGames.count)),
            ("messages_sent", Double(bus.sentCount)),
            ("messages_lost", Double(bus.lostCount)),
        ]
        return RunSummary(
            scenario: config.name, seed: config.seed, steps: stepIndex, dt: dt,
            agents: robots.map { RunSummary.Agent(id: agents[$0.id], kind: .robot, length: 2 * $0.radius, width: 2 * $0.radius) },
            collisions: collisionCount, minSeparation: minSeparation, completed: goalsReached,
            solveTimes: solveTimes, extra: extra)
    }
}
