import Simulation

/// An agent's id as read (kept even when other keys of the entry are wrong, so that duplicates are
/// still found).
struct ParsedID {
    var id: String
    /// The entry's path (`agents[2]`).
    var entryPath: YAMLPath
    var position: SourcePosition
}

/// One `agents:` entry as read, with what cross-checks quote in their messages.
struct ParsedCar {
    var config: CarConfig
    var path: YAMLPath
    var s: Quantity
}

extension ScenarioParser {
    static let carKeys = ["id", "route", "s_m", "speed_mps", "desired_speed_mps", "length_m", "width_m", "controller"]

    /// `agents: [{id, route: main | ramp, s_m, speed_mps, desired_speed_mps?, length_m?, width_m?,
    /// controller?}]`.
    /// - Returns: the number of entries, the ids read, and the cars read without problems; nil when
    ///   `agents` is not a list.
    func parseCars(_ value: YAMLValue, defaults: CarControllerConfig?)
        -> (count: Int, ids: [ParsedID], cars: [ParsedCar])? {
        guard let items = value.sequence(log) else { return nil }
        var ids: [ParsedID] = []
        var cars: [ParsedCar] = []
        for item in items {
            let (id, car) = parseCar(item, defaults: defaults)
            if let id { ids.append(id) }
            if let car { cars.append(car) }
        }
        return (items.count, ids, cars)
    }

    /// The required `id` of an agent entry (car or robot): letters, digits, `-`, `_` and `.`.
    func parseAgentID(_ reader: MappingReader, entry value: YAMLValue) -> ParsedID? {
        guard let idValue = reader.required("id"), let text = idValue.string(log) else { return nil }
        guard Self.isSafeIdentifier(text) else {
            log.error("\(idValue.path) must use only letters, digits, '-', '_' and '.' (got \(idValue.shown))",
                      at: idValue.position, path: idValue.path)
            return nil
        }
        return ParsedID(id: text, entryPath: value.path, position: idValue.position)
    }

    private func parseCar(_ value: YAMLValue, defaults: CarControllerConfig?) -> (ParsedID?, ParsedCar?) {
        guard let car = MappingReader(value, known: Self.carKeys, log: log) else { return (nil, nil) }
        var valid = true

        let parsedID = parseAgentID(car, entry: value)
        let id = parsedID?.id

        var route: Route?
        if let routeValue = car.required("route"), let text = routeValue.string(log) {
            route = Route(rawValue: text)
            if route == nil {
                let known = Route.allCases.map(\.rawValue)
                var message = "\(routeValue.path) must be one of: \(known.joined(separator: ", ")) (got \(routeValue.shown))"
                if let suggestion = KeySuggestion.nearest(to: text, among: known) { message += "; did you mean '\(suggestion)'?" }
                log.error(message, at: routeValue.position, path: routeValue.path)
            }
        }

        let s = car.requiredNumber("s_m")
        if let s { valid = log.require(s, s.value >= 0, "must be >= 0") && valid }
        let speed = car.requiredNumber("speed_mps")
        if let speed { valid = log.require(speed, speed.value >= 0, "must be >= 0") && valid }
        var desiredSpeed: Double?
        if let desired = car.optionalNumber("desired_speed_mps") {
            if let desired {
                valid = log.require(desired, desired.value > 0, "must be > 0") && valid
                desiredSpeed = desired.value
            }
        } else {
            valid = false
        }
        let bodyDefaults = CarConfig(id: "", route: .main, s: 0, speed: 0)
        let length = car.number("length_m", default: bodyDefaults.length)
        if let length { valid = log.require(length, length.value > 0, "must be > 0") && valid }
        let width = car.number("width_m", default: bodyDefaults.width)
        if let width { valid = log.require(width, width.value > 0, "must be > 0") && valid }

        var controller: CarControllerConfig?
        if let controllerValue = car.value("controller") {
            // Overrides apply on top of the top-level block (or its defaults when that block is wrong).
            controller = parseController(controllerValue, base: defaults ?? CarControllerConfig())
            if controller == nil { valid = false }
        }

        guard valid, let id, let route, let s, let speed, let length, let width else { return (parsedID, nil) }
        return (parsedID, ParsedCar(
            config: CarConfig(id: id, route: route, s: s.value, speed: speed.value, desiredSpeed: desiredSpeed,
                              length: length.value, width: width.value, controller: controller),
            path: value.path, s: s))
    }
}
