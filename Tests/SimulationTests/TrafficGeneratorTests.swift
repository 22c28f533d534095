import Testing
@testable import Simulation

/// Generated traffic: deterministic from the seed, within the flow's ranges.
@Suite("Traffic generator")
struct TrafficGeneratorTests {
    let traffic = TrafficConfig(
        main: FlowConfig(count: 400, minHeadway: 1.5, meanHeadway: 3, speedRange: 22...28, desiredSpeedRange: 26...30),
        ramp: FlowConfig(count: 12, minHeadway: 2, meanHeadway: 2, speedRange: 15...15, startTime: 4))

    @Test("same seed, same cars; another seed, other cars")
    func deterministic() {
        #expect(TrafficGenerator.cars(for: traffic, seed: 3) == TrafficGenerator.cars(for: traffic, seed: 3))
        #expect(TrafficGenerator.cars(for: traffic, seed: 3) != TrafficGenerator.cars(for: traffic, seed: 4))
    }

    @Test("ids, routes, entry times, headways and speeds follow the flow")
    func shape() {
        let cars = TrafficGenerator.cars(for: traffic, seed: 11)
        let main = cars.filter { $0.route == .main }, ramp = cars.filter { $0.route == .ramp }
        #expect(main.count == 400 && ramp.count == 12)
        #expect(main.first?.id == "main-001" && main.last?.id == "main-400" && ramp[6].id == "ramp-007")
        #expect(main.first?.entryTime == 0 && ramp.first?.entryTime == 4)
        #expect(cars.allSatisfy { $0.s == 0 })
        let headways = zip(main.dropFirst(), main).map { $0.entryTime - $1.entryTime }
        #expect(headways.allSatisfy { $0 >= 1.5 - 1e-12 })
        let mean = headways.reduce(0, +) / Double(headways.count)
        #expect(abs(mean - 3) <= 0.3, "mean headway \(mean)")
        #expect(main.allSatisfy { (22...28).contains($0.speed) && (26...30).contains($0.desiredSpeed!) })
        #expect(zip(ramp.dropFirst(), ramp).allSatisfy { abs($0.entryTime - $1.entryTime - 2) <= 1e-12 })
        #expect(ramp.allSatisfy { $0.speed == 15 && $0.desiredSpeed == nil })
        #expect(TrafficGenerator.flow(FlowConfig(count: 1000, speedRange: 1...2), route: .main, seed: 1).last?.id == "main-1000")
    }
}
