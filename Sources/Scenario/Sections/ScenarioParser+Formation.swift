import Simulation

/// The `formation:` block as read, with what cross-checks quote.
struct ParsedFormation {
    var config: FormationConfig
    /// The block's position (problems of generated robots are reported there).
    var position: SourcePosition
    /// `count` (or `count_per_group`) as written, where a formation that cannot be placed is blamed.
    var count: (text: String, position: SourcePosition, path: YAMLPath)
    /// The circle's radius as read (circle-swap only).
    var circleRadius: Quantity?
}

extension ScenarioParser {
    static let formationTypes = ["circle-swap", "crossing", "random-tasks"]
    static let circleSwapKeys = ["type", "count", "radius_m", "robot_radius_m"]
    static let crossingKeys = ["type", "count_per_group", "spacing_m", "distance_m", "robot_radius_m"]
    static let randomTasksKeys = ["type", "count", "min_spacing_m", "robot_radius_m"]

    /// The radius of generated robots when `robot_radius_m` is not given [m].
    static let defaultFormationRobotRadius = 0.25
    /// The most robots one `count` (or `count_per_group`) may ask for.
    static let maximumFormationCount = 1000

    /// `formation: {type: circle-swap, count, radius_m, robot_radius_m?}`,
    /// `{type: crossing, count_per_group, spacing_m, distance_m, robot_radius_m?}` or
    /// `{type: random-tasks, count, min_spacing_m, robot_radius_m?}` (`robot_radius_m` defaults to
    /// ``defaultFormationRobotRadius``).
    /// - Returns: nil when anything in the block is wrong (after recording it).
    func parseFormation(_ value: YAMLValue) -> ParsedFormation? {
        var typeValue: YAMLValue?
        if case .mapping(let mapping) = value.node, let node = mapping["type"] {
            typeValue = YAMLValue(node: node, path: value.path.appending("type"), fallback: value.position)
        }
        guard let typeValue else {
            let all = Self.circleSwapKeys + Self.crossingKeys + Self.randomTasksKeys
            _ = MappingReader(value, known: all.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, log: log)?
                .required("type")
            return nil
        }
        guard let type = typeValue.string(log) else { return nil }
        let keys: [String]
        switch type {
        case "circle-swap": keys = Self.circleSwapKeys
        case "crossing": keys = Self.crossingKeys
        case "random-tasks": keys = Self.randomTasksKeys
        default:
            var message = "\(typeValue.path) must be one of: \(Self.formationTypes.joined(separator: ", ")) (got \(typeValue.shown))"
            if let suggestion = KeySuggestion.nearest(to: type, among: Self.formationTypes) {
                message += "; did you mean '\(suggestion)'?"
            }
            log.error(message, at: typeValue.position, path: typeValue.path)
            return nil
        }
        guard let reader = MappingReader(value, known: keys, log: log) else { return nil }
        var valid = true

        func count(_ key: String) -> (value: Int, text: String, position: SourcePosition, path: YAMLPath)? {
            guard let countValue = reader.required(key), let parsed = countValue.integer(log) else { return nil }
            guard (1...Self.maximumFormationCount).contains(parsed.value) else {
                log.error("\(countValue.path) must be in 1...\(Self.maximumFormationCount) (got \(parsed.text))",
                          at: countValue.position, path: countValue.path)
                return nil
            }
            return (parsed.value, parsed.text, countValue.position, countValue.path)
        }
        func positive(_ key: String) -> Quantity? {
            guard let quantity = reader.requiredNumber(key) else { return nil }
            return log.require(quantity, quantity.value > 0, "must be > 0") ? quantity : nil
        }
        let robotRadius = reader.number("robot_radius_m", default: Self.defaultFormationRobotRadius)
        if let robotRadius { valid = log.require(robotRadius, robotRadius.value > 0, "must be > 0") && valid }
        let radius = robotRadius.flatMap { $0.value > 0 ? $0.value : nil }

        switch type {
        case "circle-swap":
            let n = count("count"), circleRadius = positive("radius_m")
            guard valid, let n, let circleRadius, let radius else { return nil }
            return ParsedFormation(config: .circleSwap(count: n.value, circleRadius: circleRadius.value, robotRadius: radius),
                                   position: value.position, count: (n.text, n.position, n.path), circleRadius: circleRadius)
        case "crossing":
            let n = count("count_per_group"), spacing = positive("spacing_m"), distance = positive("distance_m")
            if let spacing, let robotRadius, let radius {
                valid = log.require(spacing, spacing.value >= 2 * radius,
                                    "must be >= 2 * robot_radius_m = \(Quantity.render(2 * radius))\(robotRadius.isDefault ? " (robot_radius_m defaults to \(Quantity.render(radius)))" : "")")
                    && valid
            }
            guard valid, let n, let spacing, let distance, let radius else { return nil }
            return ParsedFormation(config: .crossing(countPerGroup: n.value, spacing: spacing.value, distance: distance.value,
                                                     robotRadius: radius),
                                   position: value.position, count: (n.text, n.position, n.path))
        default:
            let n = count("count"), spacing = positive("min_spacing_m")
            if let spacing, let robotRadius, let radius {
                valid = log.require(spacing, spacing.value >= 2 * radius,
                                    "must be >= 2 * robot_radius_m = \(Quantity.render(2 * radius))\(robotRadius.isDefault ? " (robot_radius_m defaults to \(Quantity.render(radius)))" : "")")
                    && valid
            }
            guard valid, let n, let spacing, let radius else { return nil }
            return ParsedFormation(config: .randomTasks(count: n.value, minSpacing: spacing.value, robotRadius: radius),
                                   position: value.position, count: (n.text, n.position, n.path))
        }
    }
}
