import Simulation

/// One workspace `agents:` entry as read, with what cross-checks quote in their messages.
struct ParsedRobot {
    var config: RobotConfig
    var path: YAMLPath
    var start: ParsedPoint
    var goal: ParsedPoint
}

extension ScenarioParser {
    static let robotKeys = ["id", "start", "goal", "radius_m", "max_speed_mps", "max_accel_mps2"]
    static let robotControllerKeys = [
        "horizon", "max_speed_mps", "max_accel_mps2", "safety_margin_m", "goal_tolerance_m", "goal_speed_tolerance_mps",
        "position_weight", "terminal_weight", "accel_weight",
    ]

    /// `agents: [{id, start: [x, y], goal: [x, y], radius_m, max_speed_mps?, max_accel_mps2?}]` in
    /// a workspace.
    /// - Returns: the number of entries, the ids read, and the robots read without problems; nil
    ///   when `agents` is not a list.
    func parseRobots(_ value: YAMLValue) -> (count: Int, ids: [ParsedID], robots: [ParsedRobot])? {
        guard let items = value.sequence(log) else { return nil }
        var ids: [ParsedID] = []
        var robots: [ParsedRobot] = []
        for item in items {
            let (id, robot) = parseRobot(item)
            if let id { ids.append(id) }
            if let robot { robots.append(robot) }
        }
        return (items.count, ids, robots)
    }

    private func parseRobot(_ value: YAMLValue) -> (ParsedID?, ParsedRobot?) {
        guard let robot = MappingReader(value, known: Self.robotKeys, log: log) else { return (nil, nil) }
        var valid = true
        let parsedID = parseAgentID(robot, entry: value)
        let id = parsedID?.id
        let start = robot.required("start").flatMap { parsePoint($0) }
        let goal = robot.required("goal").flatMap { parsePoint($0) }
        let radius = robot.requiredNumber("radius_m")
        if let radius { valid = log.require(radius, radius.value > 0, "must be > 0") && valid }
        var limits: [Double?] = []
        for key in ["max_speed_mps", "max_accel_mps2"] {
            switch robot.optionalNumber(key) {
            case .some(let limit?):
                valid = log.require(limit, limit.value > 0, "must be > 0") && valid
                limits.append(limit.value)
            case .some(nil):
                limits.append(nil)
            case nil:
                valid = false
                limits.append(nil)
            }
        }
        guard valid, let id, let start, let goal, let radius else { return (parsedID, nil) }
        return (parsedID, ParsedRobot(
            config: RobotConfig(id: id, start: start.value, goal: goal.value, radius: radius.value, maxSpeed: limits[0],
                                maxAccel: limits[1]),
            path: value.path, start: start, goal: goal))
    }

    /// `controller:` of a workspace: `{horizon, max_speed_mps, max_accel_mps2, safety_margin_m,
    /// goal_tolerance_m, goal_speed_tolerance_mps, position_weight, terminal_weight, accel_weight}`,
    /// every key optional (defaults from `RobotControllerConfig`).
    /// - Returns: nil when anything in the block is wrong (after recording it).
    func parseRobotController(_ value: YAMLValue) -> RobotControllerConfig? {
        guard let reader = MappingReader(value, known: Self.robotControllerKeys, log: log) else { return nil }
        var config = RobotControllerConfig()
        var valid = true
        if let horizonValue = reader.value("horizon") {
            if let horizon = horizonValue.integer(in: 2...1000, log, requirement: "a number of control steps in 2...1000") {
                config.horizon = horizon
            } else {
                valid = false
            }
        }
        func read(_ key: String, _ keyPath: WritableKeyPath<RobotControllerConfig, Double>, positive: Bool) {
            guard reader.value(key) != nil else { return }
            guard let quantity = reader.number(key, default: 0) else { valid = false; return }
            let ok = positive
                ? log.require(quantity, quantity.value > 0, "must be > 0")
                : log.require(quantity, quantity.value >= 0, "must be >= 0")
            if ok { config[keyPath: keyPath] = quantity.value } else { valid = false }
        }
        read("max_speed_mps", \.maxSpeed, positive: true)
        read("max_accel_mps2", \.maxAccel, positive: true)
        read("safety_margin_m", \.safetyMargin, positive: false)
        read("goal_tolerance_m", \.goalTolerance, positive: true)
        read("goal_speed_tolerance_mps", \.goalSpeedTolerance, positive: true)
        read("position_weight", \.positionWeight, positive: false)
        read("terminal_weight", \.terminalWeight, positive: false)
        read("accel_weight", \.accelWeight, positive: true)
        if valid, config.positionWeight + config.terminalWeight <= 0 {
            let at = reader.value("terminal_weight") ?? reader.value("position_weight")
            log.error("\(value.path).position_weight and terminal_weight must not both be 0 (the robots would not move)",
                      at: at?.position ?? reader.position, path: at?.path ?? value.path)
            valid = false
        }
        return valid ? config : nil
    }
}
