import Simulation

/// The `traffic:` block as read.
struct ParsedTraffic {
    var config: TrafficConfig

    /// Cars the block generates in total.
    var generatedCount: Int { (config.main?.count ?? 0) + (config.ramp?.count ?? 0) }
}

extension ScenarioParser {
    static let trafficKeys = ["main", "ramp"]
    static let flowKeys = [
        "count", "min_headway_s", "mean_headway_s", "speed_min_mps", "speed_max_mps", "desired_speed_min_mps",
        "desired_speed_max_mps", "start_time_s",
    ]

    /// `traffic: {main: FLOW, ramp: FLOW}`, each optional, where FLOW is `{count, min_headway_s?,
    /// mean_headway_s?, speed_min_mps, speed_max_mps, desired_speed_min_mps?, desired_speed_max_mps?,
    /// start_time_s?}` (defaults from `FlowConfig`).
    func parseTraffic(_ value: YAMLValue) -> ParsedTraffic? {
        guard let traffic = MappingReader(value, known: Self.trafficKeys, log: log) else { return nil }
        var valid = true
        var config = TrafficConfig()
        if let main = traffic.value("main") {
            config.main = parseFlow(main)
            valid = config.main != nil && valid
        }
        if let ramp = traffic.value("ramp") {
            config.ramp = parseFlow(ramp)
            valid = config.ramp != nil && valid
        }
        return valid ? ParsedTraffic(config: config) : nil
    }

    private func parseFlow(_ value: YAMLValue) -> FlowConfig? {
        guard let flow = MappingReader(value, known: Self.flowKeys, log: log) else { return nil }
        let defaults = FlowConfig(count: 0, speedRange: 0...0)
        var valid = true

        var count: Int?
        if let countValue = flow.required("count"), let parsed = countValue.integer(log) {
            if (0...10_000).contains(parsed.value) {
                count = parsed.value
            } else {
                log.error("\(countValue.path) must be in 0...10000 (got \(parsed.text))",
                          at: countValue.position, path: countValue.path)
            }
        }
        let minHeadway = flow.number("min_headway_s", default: defaults.minHeadway)
        if let minHeadway { valid = log.require(minHeadway, minHeadway.value > 0, "must be > 0") && valid }
        let meanHeadway = flow.number("mean_headway_s", default: defaults.meanHeadway)
        if let meanHeadway, let minHeadway, minHeadway.value > 0 {
            valid = log.require(meanHeadway, meanHeadway.value >= minHeadway.value,
                                "must be >= min_headway_s = \(minHeadway.text)") && valid
        }
        let speedMin = flow.requiredNumber("speed_min_mps")
        if let speedMin { valid = log.require(speedMin, speedMin.value >= 0, "must be >= 0") && valid }
        let speedMax = flow.requiredNumber("speed_max_mps")
        if let speedMax, let speedMin, speedMin.value >= 0 {
            valid = log.require(speedMax, speedMax.value >= speedMin.value,
                                "must be >= speed_min_mps = \(speedMin.text)") && valid
        }

        var desiredRange: ClosedRange<Double>?
        switch (flow.optionalNumber("desired_speed_min_mps"), flow.optionalNumber("desired_speed_max_mps")) {
        case (.some(nil), .some(nil)):
            break
        case (.some(let low?), .some(let high?)):
            if log.require(low, low.value > 0, "must be > 0"),
               log.require(high, high.value >= low.value, "must be >= desired_speed_min_mps = \(low.text)") {
                desiredRange = low.value...high.value
            } else {
                valid = false
            }
        case (.some(let low?), .some(nil)):
            log.error("\(low.path) needs desired_speed_max_mps too (give both or neither)",
                      at: low.position, path: low.path)
            valid = false
        case (.some(nil), .some(let high?)):
            log.error("\(high.path) needs desired_speed_min_mps too (give both or neither)",
                      at: high.position, path: high.path)
            valid = false
        default:
            valid = false
        }

        let start = flow.number("start_time_s", default: defaults.startTime)
        if let start { valid = log.require(start, start.value >= 0, "must be >= 0") && valid }

        guard valid, let count, let minHeadway, let meanHeadway, let speedMin, let speedMax, let start,
              speedMin.value <= speedMax.value
        else { return nil }
        return FlowConfig(count: count, minHeadway: minHeadway.value, meanHeadway: meanHeadway.value,
                          speedRange: speedMin.value...speedMax.value, desiredSpeedRange: desiredRange,
                          startTime: start.value)
    }
}
