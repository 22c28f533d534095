import Testing
@testable import Simulation

/// The network: latency in whole steps, independent seeded loss, order-independent draws.
@Suite("Intent bus")
struct IntentBusTests {
    func message(from sender: Int, step: Int) -> IntentMessage {
        IntentMessage(sender: AgentID(index: sender), sentStep: step, lane: .main, stations: [0, 1], speeds: [10, 10],
                      decision: .none, maxBrake: 6)
    }

    @Test("latency is rounded up to whole steps, at least one",
          arguments: [(0.0, 1), (0.05, 1), (0.1, 1), (0.1000001, 2), (0.25, 3), (0.3, 3), (1.0, 10)])
    func delay(latency: Double, steps: Int) {
        #expect(IntentBus<IntentMessage>.delaySteps(latency: latency, dt: 0.1) == steps)
    }

    @Test("a message sent at step k is delivered for decision step k + delay, once")
    func deliveryTime() {
        var bus = IntentBus<IntentMessage>(communication: CommunicationConfig(latency: 0.3, dropRate: 0, range: 100), dt: 0.1, seed: 1)
        var delivered: [(Int, Int)] = []
        for step in 0..<10 {
            bus.send(message(from: 0, step: step), to: AgentID(index: 1), step: step)
            bus.deliver(dueAt: step + 1) { receiver, message in delivered.append((step + 1, message.sentStep)) }
        }
        #expect(delivered.map(\.0) == Array(3...10))
        #expect(delivered.allSatisfy { $0.0 == $0.1 + 3 })
    }

    @Test("each message to each receiver is lost independently with probability dropRate", arguments: [0.1, 0.3, 0.7])
    func lossRate(dropRate: Double) {
        let bus = IntentBus<IntentMessage>(communication: CommunicationConfig(latency: 0.1, dropRate: dropRate, range: 100), dt: 0.1, seed: 99)
        var lost = 0, total = 0
        for step in 0..<400 {
            for sender in 0..<10 {
                for receiver in 0..<10 where receiver != sender {
                    total += 1
                    if bus.isLost(step: step, sender: AgentID(index: sender), receiver: AgentID(index: receiver)) { lost += 1 }
                }
            }
        }
        let rate = Double(lost) / Double(total)
        #expect(abs(rate - dropRate) <= 0.01, "observed \(rate)")
    }

    @Test("which messages are lost does not depend on the order of sending")
    func orderIndependence() {
        let config = CommunicationConfig(latency: 0.1, dropRate: 0.4, range: 100)
        var forward = IntentBus<IntentMessage>(communication: config, dt: 0.1, seed: 5), backward = forward
        var a: [Bool] = [], b: [Bool] = []
        for receiver in 0..<50 { a.append(forward.send(message(from: 3, step: 7), to: AgentID(index: receiver), step: 7)) }
        for receiver in (0..<50).reversed() { b.append(backward.send(message(from: 3, step: 7), to: AgentID(index: receiver), step: 7)) }
        #expect(a == b.reversed())
        #expect(forward.lostCount == backward.lostCount && forward.lostCount > 0)
    }

    @Test("the intent memory keeps the newest intent per sender")
    func memory() {
        var memory = IntentMemory()
        memory.file([message(from: 2, step: 1), message(from: 5, step: 1)], except: AgentID(index: 9))
        memory.file([message(from: 5, step: 3), message(from: 1, step: 3), message(from: 9, step: 3)], except: AgentID(index: 9))
        memory.file([message(from: 5, step: 2)], except: AgentID(index: 9))
        #expect(memory.senders == [AgentID(index: 1), AgentID(index: 2), AgentID(index: 5)])
        #expect(memory.latest(from: AgentID(index: 5))?.sentStep == 3)
        #expect(memory.latest(from: AgentID(index: 9)) == nil)
        memory.forget(before: 2)
        #expect(memory.senders == [AgentID(index: 1), AgentID(index: 5)])
    }
}
