import Optimization
/// Turns a `traffic:` block and the seed into cars, deterministically.
///
/// Each flow generates `count` cars named `main-001`, `main-002`, … (or `ramp-…`; three digits,
/// more when the count needs them) that enter at route coordinate s = 0 of their route. The first
/// enters at `startTime`; each next one `minHeadway + E` seconds later, with E exponential of mean
/// `meanHeadway − minHeadway`. Entry speeds are uniform in `speedRange`, desired speeds uniform in
/// `desiredSpeedRange` (nil: the world's speed limit). Car i's numbers are functions of
/// `(seed, stream of the route, i, field)` only (``SplitMix64/hash(seed:stream:_:_:_:_:)``).
///
/// The world may delay an entry when the entrance is not free (see ``HighwayMergeSimulation``).
public enum TrafficGenerator {
    /// The cars of both flows (main first, then ramp), each flow in entry order.
    /// - Precondition: counts ≥ 0, `0 < minHeadway ≤ meanHeadway`, speed ranges ≥ 0, desired > 0.
    public static func cars(for traffic: TrafficConfig, seed: UInt64) -> [CarConfig] {
        var cars: [CarConfig] = []
        if let main = traffic.main { cars += flow(main, route: .main, seed: seed) }
        if let ramp = traffic.ramp { cars += flow(ramp, route: .ramp, seed: seed) }
        return cars
    }

    /// The cars of one flow, in entry order.
    public static func flow(_ flow: FlowConfig, route: Route, seed: UInt64) -> [CarConfig] {
        precondition(flow.count >= 0, "count must be >= 0")
        precondition(flow.minHeadway > 0 && flow.meanHeadway >= flow.minHeadway && flow.meanHeadway.isFinite,
                     "headways must satisfy 0 < minHeadway <= meanHeadway")
        precondition(flow.speedRange.lowerBound >= 0 && flow.speedRange.upperBound.isFinite, "entry speeds must be >= 0")
        if let desired = flow.desiredSpeedRange {
            precondition(desired.lowerBound > 0 && desired.upperBound.isFinite, "desired speeds must be > 0")
        }
        precondition(flow.startTime >= 0 && flow.startTime.isFinite, "startTime must be >= 0")
        let stream: RandomStream = route == .main ? .mainTraffic : .rampTraffic
        let digits = Swift.max(3, String(flow.count).count)
        func uniform(_ car: Int, _ field: UInt64) -> Double {
            SplitMix64.unit(SplitMix64.hash(seed: seed, stream: stream, UInt64(car), field))
        }
        func within(_ range: ClosedRange<Double>, _ u: Double) -> Double {
            range.lowerBound + u * (range.upperBound - range.lowerBound)
        }
        var cars: [CarConfig] = []
        cars.reserveCapacity(flow.count)
        var time = flow.startTime
        for i in 0..<flow.count {
            if i > 0 {
                let excess = flow.meanHeadway - flow.minHeadway
                time += flow.minHeadway + (excess > 0 ? -excess * Math.log1p(-uniform(i, 0)) : 0)
            }
            let number = String(i + 1)
            let id = "\(route.rawValue)-" + String(repeating: "0", count: digits - number.count) + number
            let speed = within(flow.speedRange, uniform(i, 1))
            let desired = flow.desiredSpeedRange.map { within($0, uniform(i, 2)) }
            cars.append(CarConfig(id: id, route: route, s: 0, speed: speed, desiredSpeed: desired, entryTime: time))
        }
        return cars
    }
}
