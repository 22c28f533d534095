import Simulation

extension ScenarioParser {
    static let controllerKeys = [
        "horizon", "max_accel_mps2", "max_brake_mps2", "max_jerk_mps3", "min_gap_m", "time_headway_s",
        "lane_change_s", "weights",
    ]
    static let weightKeys = ["speed", "accel", "jerk"]

    /// `controller: {horizon, max_accel_mps2, max_brake_mps2, max_jerk_mps3, min_gap_m, time_headway_s,
    /// lane_change_s, weights: {speed, accel, jerk}}`: every key optional; an absent key keeps the
    /// value of `base` (the Swift defaults for the top-level block, the top-level block for an agent).
    /// - Returns: nil when anything in the block is wrong (after recording it).
    func parseController(_ value: YAMLValue, base: CarControllerConfig) -> CarControllerConfig? {
        guard let reader = MappingReader(value, known: Self.controllerKeys, log: log) else { return nil }
        var config = base
        var valid = true

        if let horizonValue = reader.value("horizon") {
            if let horizon = horizonValue.integer(in: 2...1000, log, requirement: "a number of control steps in 2...1000") {
                config.horizon = horizon
            } else {
                valid = false
            }
        }

        func read(_ key: String, _ keyPath: WritableKeyPath<CarControllerConfig, Double>, positive: Bool,
                  from reader: MappingReader) {
            guard reader.value(key) != nil else { return }
            guard let quantity = reader.number(key, default: 0) else { valid = false; return }
            let ok = positive
                ? log.require(quantity, quantity.value > 0, "must be > 0")
                : log.require(quantity, quantity.value >= 0, "must be >= 0")
            if ok { config[keyPath: keyPath] = quantity.value } else { valid = false }
        }
        read("max_accel_mps2", \.maxAccel, positive: true, from: reader)
        read("max_brake_mps2", \.maxBrake, positive: true, from: reader)
        read("max_jerk_mps3", \.maxJerk, positive: true, from: reader)
        read("min_gap_m", \.minGap, positive: false, from: reader)
        read("time_headway_s", \.timeHeadway, positive: false, from: reader)
        read("lane_change_s", \.laneChangeDuration, positive: true, from: reader)

        if let weightsValue = reader.value("weights") {
            if let weights = MappingReader(weightsValue, known: Self.weightKeys, log: log) {
                read("speed", \.speedWeight, positive: false, from: weights)
                read("accel", \.accelWeight, positive: false, from: weights)
                read("jerk", \.jerkWeight, positive: false, from: weights)
                if valid, config.accelWeight + config.jerkWeight <= 0 {
                    log.error("\(weightsValue.path) accel and jerk must not both be 0 (the controller needs a cost on its inputs)",
                              at: weightsValue.position, path: weightsValue.path)
                    valid = false
                }
            } else {
                valid = false
            }
        }
        return valid ? config : nil
    }
}
