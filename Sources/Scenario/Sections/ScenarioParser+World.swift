import Simulation

/// The world as read, with the quantities cross-checks quote in their messages.
struct ParsedWorld {
    var config: HighwayMergeConfig
    var mainLength: Quantity
    var rampLength: Quantity
    var mergeStart: Quantity
    var mergeEnd: Quantity

    /// Where a ramp car's route leaves the acceleration lane, along the route [m].
    var rampRouteEnd: Double { config.rampLength + config.mergeEnd - config.mergeStart }
}

extension ScenarioParser {
    /// The world types of scenario files (`world.type`).
    enum WorldType: String, CaseIterable {
        case highwayMerge = "highway-merge"
        case workspace
    }

    static let highwayMergeKeys = [
        "type", "lane_width_m", "main_length_m", "ramp_length_m", "merge_start_m", "merge_end_m", "speed_limit_mps",
    ]

    /// `world.type`, read before anything else because the keys of the world, of `agents` and of
    /// `controller` depend on it.
    /// - Returns: nil (after recording the problem) when it is missing or unknown.
    func parseWorldType(_ value: YAMLValue) -> WorldType? {
        var typeValue: YAMLValue?
        if case .mapping(let mapping) = value.node, let node = mapping["type"] {
            typeValue = YAMLValue(node: node, path: value.path.appending("type"), fallback: value.position)
        }
        guard let typeValue else {
            // Reports a value that is not a mapping, or the missing type; the other keys wait for it.
            _ = MappingReader(value, known: Self.highwayMergeKeys + Self.workspaceKeys, log: log)?.required("type")
            return nil
        }
        guard let text = typeValue.string(log) else { return nil }
        guard let type = WorldType(rawValue: text) else {
            let known = WorldType.allCases.map(\.rawValue)
            var message = "world.type '\(text)' must be one of: \(known.joined(separator: ", "))"
            if let suggestion = KeySuggestion.nearest(to: text, among: known) { message += "; did you mean '\(suggestion)'?" }
            log.error(message, at: typeValue.position, path: typeValue.path)
            return nil
        }
        return type
    }

    /// `world: {type: highway-merge, lane_width_m, main_length_m, ramp_length_m, merge_start_m,
    /// merge_end_m, speed_limit_mps}`; every key but `type` defaults to `HighwayMergeConfig()`.
    func parseWorld(_ value: YAMLValue) -> ParsedWorld? {
        guard let world = MappingReader(value, known: Self.highwayMergeKeys, log: log) else { return nil }
        let defaults = HighwayMergeConfig()
        let laneWidth = world.number("lane_width_m", default: defaults.laneWidth)
        let mainLength = world.number("main_length_m", default: defaults.mainLength)
        let rampLength = world.number("ramp_length_m", default: defaults.rampLength)
        let mergeStart = world.number("merge_start_m", default: defaults.mergeStart)
        let mergeEnd = world.number("merge_end_m", default: defaults.mergeEnd)
        let speedLimit = world.number("speed_limit_mps", default: defaults.speedLimit)

        var valid = true
        for quantity in [laneWidth, mainLength, rampLength, speedLimit] {
            guard let quantity else { valid = false; continue }
            valid = log.require(quantity, quantity.value > 0, "must be > 0") && valid
        }
        if let mergeStart {
            valid = log.require(mergeStart, mergeStart.value > 0, "must be > 0") && valid
        } else {
            valid = false
        }
        guard valid, let laneWidth, let mainLength, let rampLength, let mergeStart, let mergeEnd, let speedLimit
        else { return nil }
        // Report an ordering problem at the value the user wrote (the later one when both are written).
        if !(mergeStart.value < mergeEnd.value) {
            let at = mergeEnd.isDefault && !mergeStart.isDefault ? mergeStart : mergeEnd
            valid = false
            if at.path == mergeEnd.path {
                log.require(mergeEnd, false, "must be > merge_start_m = \(mergeStart.text)")
            } else {
                log.require(mergeStart, false, "must be < merge_end_m = \(mergeEnd.text)")
            }
        }
        if !(mergeEnd.value < mainLength.value) {
            let blameMainLength = mergeEnd.isDefault && !mainLength.isDefault
            valid = false
            if blameMainLength {
                log.require(mainLength, false, "must be > merge_end_m = \(mergeEnd.text)")
            } else {
                log.require(mergeEnd, false, "must be < main_length_m = \(mainLength.text)")
            }
        }
        guard valid else { return nil }
        return ParsedWorld(
            config: HighwayMergeConfig(laneWidth: laneWidth.value, mainLength: mainLength.value,
                                       rampLength: rampLength.value, mergeStart: mergeStart.value,
                                       mergeEnd: mergeEnd.value, speedLimit: speedLimit.value),
            mainLength: mainLength, rampLength: rampLength, mergeStart: mergeStart, mergeEnd: mergeEnd)
    }
}
