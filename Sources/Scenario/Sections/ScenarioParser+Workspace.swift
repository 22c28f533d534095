import Simulation

/// A point `[x, y]` as read, with what messages quote.
struct ParsedPoint {
    var value: Vector2
    /// As written: `[1.5, -2]`.
    var text: String
    var position: SourcePosition
    var path: YAMLPath
}

/// The workspace world as read (size and obstacles), with what cross-checks quote.
struct ParsedWorkspace {
    var config: WorkspaceConfig
    /// Each obstacle's path (`world.obstacles[1]`) and position.
    var obstacleSources: [(path: YAMLPath, position: SourcePosition)]

    /// `x in [-10, 10] and y in [-5, 5]`, shrunk by `margin` (rounded to millimetres; margin < half a side).
    func extent(shrunkBy margin: Double = 0) -> String {
        let x = CheckedRobot.millimetres(config.width / 2 - margin), y = CheckedRobot.millimetres(config.height / 2 - margin)
        return "x in [-\(x), \(x)] and y in [-\(y), \(y)]"
    }
}

extension ScenarioParser {
    static let workspaceKeys = ["type", "width_m", "height_m", "obstacles"]
    static let obstacleTypes = ["circle", "box"]
    static let circleKeys = ["type", "center", "radius_m"]
    static let boxKeys = ["type", "min", "max"]

    /// `world: {type: workspace, width_m, height_m, obstacles: [...]}`; the sizes default to
    /// `WorkspaceConfig()` (20 m x 20 m), obstacles to none. Each obstacle is
    /// `{type: circle, center: [x, y], radius_m}` or `{type: box, min: [x, y], max: [x, y]}`.
    /// - Returns: nil when anything in the block is wrong (after recording it).
    func parseWorkspaceWorld(_ value: YAMLValue) -> ParsedWorkspace? {
        guard let world = MappingReader(value, known: Self.workspaceKeys, log: log) else { return nil }
        let defaults = WorkspaceConfig()
        var valid = true
        let width = world.number("width_m", default: defaults.width)
        let height = world.number("height_m", default: defaults.height)
        for quantity in [width, height] {
            guard let quantity else { valid = false; continue }
            valid = log.require(quantity, quantity.value > 0, "must be > 0") && valid
        }
        var obstacles: [Obstacle] = []
        var sources: [(path: YAMLPath, position: SourcePosition)] = []
        if let list = world.value("obstacles") {
            if let items = list.sequence(log) {
                for item in items {
                    if let obstacle = parseObstacle(item) {
                        obstacles.append(obstacle)
                        sources.append((item.path, item.position))
                    } else {
                        valid = false
                    }
                }
            } else {
                valid = false
            }
        }
        guard valid, let width, let height else { return nil }
        let parsed = ParsedWorkspace(config: WorkspaceConfig(width: width.value, height: height.value, obstacles: obstacles),
                                     obstacleSources: sources)
        // An obstacle that does not reach into the workspace is almost surely a mistake of units or sign.
        for (obstacle, source) in zip(obstacles, sources) {
            let (low, high) = obstacle.bounds
            var inside = high.x > -width.value / 2 && low.x < width.value / 2
                && high.y > -height.value / 2 && low.y < height.value / 2
            if inside, case .circle(let center, let radius) = obstacle {
                let dx = max(abs(center.x) - width.value / 2, 0), dy = max(abs(center.y) - height.value / 2, 0)
                inside = dx * dx + dy * dy < radius * radius
            }
            if !inside {
                log.error("\(source.path) lies entirely outside the workspace (\(parsed.extent())); check its coordinates",
                          at: source.position, path: source.path)
                valid = false
            }
        }
        return valid ? parsed : nil
    }

    private func parseObstacle(_ value: YAMLValue) -> Obstacle? {
        // The keys depend on the type: read it first.
        var typeValue: YAMLValue?
        if case .mapping(let mapping) = value.node, let node = mapping["type"] {
            typeValue = YAMLValue(node: node, path: value.path.appending("type"), fallback: value.position)
        }
        guard let typeValue else {
            _ = MappingReader(value, known: Self.circleKeys + Self.boxKeys.dropFirst(), log: log)?.required("type")
            return nil
        }
        guard let type = typeValue.string(log) else { return nil }
        switch type {
        case "circle":
            guard let circle = MappingReader(value, known: Self.circleKeys, log: log) else { return nil }
            let center = circle.required("center").flatMap { parsePoint($0) }
            let radius = circle.requiredNumber("radius_m")
            guard let radius, log.require(radius, radius.value > 0, "must be > 0"), let center else { return nil }
            return .circle(center: center.value, radius: radius.value)
        case "box":
            guard let box = MappingReader(value, known: Self.boxKeys, log: log) else { return nil }
            let low = box.required("min").flatMap { parsePoint($0) }
            let high = box.required("max").flatMap { parsePoint($0) }
            guard let low, let high else { return nil }
            guard high.value.x > low.value.x, high.value.y > low.value.y else {
                log.error("\(high.path) must be > min = \(low.text) on both axes (got \(high.text))",
                          at: high.position, path: high.path)
                return nil
            }
            return .box(min: low.value, max: high.value)
        default:
            var message = "\(typeValue.path) must be one of: \(Self.obstacleTypes.joined(separator: ", ")) (got \(typeValue.shown))"
            if let suggestion = KeySuggestion.nearest(to: type, among: Self.obstacleTypes) {
                message += "; did you mean '\(suggestion)'?"
            }
            log.error(message, at: typeValue.position, path: typeValue.path)
            return nil
        }
    }

    /// A point `[x, y]`: a list of two numbers [m].
    func parsePoint(_ value: YAMLValue) -> ParsedPoint? {
        guard case .sequence = value.node, let items = value.sequence(log) else {
            log.error("\(value.path.subject) must be a point [x, y] (got \(value.shown))", at: value.position, path: value.path)
            return nil
        }
        guard items.count == 2 else {
            log.error("\(value.path.subject) must be a point [x, y] with 2 coordinates (got \(items.count))",
                      at: value.position, path: value.path)
            return nil
        }
        let x = items[0].number(log), y = items[1].number(log)
        guard let x, let y else { return nil }
        return ParsedPoint(value: Vector2(x.value, y.value), text: "[\(x.text), \(y.text)]", position: value.position,
                           path: value.path)
    }
}
