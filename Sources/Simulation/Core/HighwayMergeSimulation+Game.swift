/// The game-theoretic side of a step: in-step exchange rounds (iterated best response), the Nash
/// gap of the joint plan, and disagreements about the merge order.
extension HighwayMergeSimulation {
    /// Runs the `rounds − 1` tentative rounds of the step: every car plans on a copy of its
    /// controller against the plans of the previous round, and its plan goes to the cars within
    /// `range` (loss drawn per round). Returns the last round's messages per position in `active`
    /// (empty with one round).
    func exchangeRounds(step k: Int, time: Double) -> [[IntentMessage]] {
        let count = active.count
        var inbox = [[IntentMessage]](repeating: [], count: count)
        let rounds = config.communication.rounds
        guard rounds > 1 else { return inbox }
        for round in 1..<rounds {
            var tentative = [IntentMessage?](repeating: nil, count: count)
            tentative.withUnsafeMutableBufferPointer { output in
                let results = UncheckedSendable(value: output), world = UncheckedSendable(value: self)
                let previous = UncheckedSendable(value: inbox)
                ParallelLoop.run(count, threads: threads) { position in
                    var observation = world.value.observation(position, step: k, time: time)
                    observation.inbox += previous.value[position]
                    let copy = world.value.controllers[world.value.active[position]]!.clone()
                    results.value[position] = copy.decide(observation).intent
                }
            }
            var next = [[IntentMessage]](repeating: [], count: count)
            for sender in 0..<count {
                let message = tentative[sender]!
                snapshot.forEachNeighbour(of: sender, within: bus.range) { receiver in
                    roundMessagesSent += 1
                    if bus.isLost(step: k, sender: message.sender, receiver: AgentID(index: snapshot.index[receiver]),
                                  round: round) {
                        roundMessagesLost += 1
                    } else {
                        next[receiver].append(message)
                    }
                }
            }
            inbox = next
        }
        return inbox
    }

    /// Each car's Nash-gap term (``CarController/bestResponseGap(observation:finals:decided:)``):
    /// its best response to the final plans of the cars within network range, all delivered,
    /// computed on the copy of its controller taken before it decided.
    func nashGaps(commands: [CarCommand], clones: [CarController], roundInbox: [[IntentMessage]], step k: Int,
                  time: Double) -> [(gap: Double, conflict: Double)?] {
        let count = active.count
        var gaps = [(gap: Double, conflict: Double)?](repeating: nil, count: count)
        gaps.withUnsafeMutableBufferPointer { output in
            let results = UncheckedSendable(value: output), world = UncheckedSendable(value: self)
            let shared = UncheckedSendable(value: (commands, clones, roundInbox))
            ParallelLoop.run(count, threads: threads) { position in
                let (commands, clones, roundInbox) = shared.value
                var observation = world.value.observation(position, step: k, time: time)
                observation.inbox += roundInbox[position]
                var finals: [IntentMessage] = []
                world.value.snapshot.forEachNeighbour(of: position, within: world.value.bus.range) { other in
                    finals.append(commands[other].intent)
                }
                results.value[position] = clones[position].bestResponseGap(
                    observation: observation, finals: finals, decided: commands[position])
            }
        }
        return gaps
    }

    /// Remembers the step's Nash gap and plan conflict: the largest terms over the cars.
    func recordNashGap(_ gaps: [(gap: Double, conflict: Double)?]) {
        let known = gaps.compactMap { $0 }
        if let largest = known.map(\.gap).max() { stepGaps.append(largest) }
        if let largest = known.map(\.conflict).max() { stepConflicts.append(largest) }
    }

    /// Pairs of cars that named each other as counterparts in their decisions and disagree
    /// (both go first, or both yield): counted per episode, with their durations; the start
    /// and end of an episode are events.
    func trackDisagreements(time: Double, events: inout [SimulationEvent]) {
        var now: [Int: Int] = [:]
        for index in active {
            let car = cars[index]
            guard let counterpart = car.decisionDetail.counterpart, counterpart.index > index,
                  cars[counterpart.index].status == .active,
                  cars[counterpart.index].decisionDetail.counterpart?.index == index
            else { continue }
            let mine = car.decisionDetail.kind, theirs = cars[counterpart.index].decisionDetail.kind
            guard mine == theirs, mine == .goFirst || mine == .yield else { continue }
            let key = index * cars.count + counterpart.index
            let began = disagreeing[key] ?? stepIndex
            now[key] = began
            if disagreeing[key] == nil {
                disagreementCount += 1
                events.append(SimulationEvent(time: time, agent: agents[car.id], event: "merge-disagreement",
                                              detail: "with \(agents[counterpart]): both \(mine == .goFirst ? "go first" : "yield")"))
            }
        }
        for (key, began) in disagreeing where now[key] == nil {
            let (i, j) = (key / cars.count, key % cars.count)
            let steps = stepIndex - began
            events.append(SimulationEvent(time: time, agent: agents[AgentID(index: i)], event: "merge-agreement",
                                          detail: "with \(agents[AgentID(index: j)]) after \(DecimalText.render(Double(steps) * dt, 1)) s"))
        }
        disagreementSteps += now.count
        for (_, began) in now { longestDisagreementSteps = Swift.max(longestDisagreementSteps, stepIndex + 1 - began) }
        disagreeing = now
    }

    /// The `q`-quantile of `values` (nearest rank), 0 for none.
    static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Swift.min(sorted.count - 1, Swift.max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }
}
