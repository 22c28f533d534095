import Simulation

/// Reads a composed scenario document into a `SimulationConfig`, recording every problem in `log`.
///
/// Each section is read on its own and reports its own problems; cross-checks (agents against the
/// world, agents against each other) run only on values that were read without problems, so one
/// mistake is reported once rather than echoed by every check that depends on it.
struct ScenarioParser {
    let log: DiagnosticLog

    static let topLevelKeys = [
        "version", "name", "seed", "dt_s", "duration_s", "world", "agents", "traffic", "formation", "controller",
        "communication", "game",
    ]

    /// The longest run a scenario may ask for, in control steps.
    static let maximumSteps = 10_000_000

    /// The only scenario format version this build reads.
    static let formatVersion = 1

    /// The keys every world type reads the same way.
    struct Header {
        var name: String?
        var seed: UInt64?
        var dt: Quantity?
        var duration: Quantity?
        var communication: CommunicationConfig?
        var game: GameConfig?
    }

    /// - Returns: the configuration, or nil when anything was recorded in `log`.
    func parse(_ root: YAMLValue) -> SimulationConfig? {
        if root.isNull {
            log.error("the scenario is empty; it needs the keys version, name, seed, dt_s, duration_s, world and agents",
                      at: root.position, path: .root)
            return nil
        }
        guard let top = MappingReader(root, known: Self.topLevelKeys, log: log) else { return nil }
        let header = parseHeader(top)
        // The world type decides the keys of agents, controller, traffic and formation: read it first.
        let worldValue = top.required("world")
        switch worldValue.flatMap({ parseWorldType($0) }) {
        case .highwayMerge?:
            return parseHighwayScenario(top, header: header, worldValue: worldValue!)
        case .workspace?:
            return parseWorkspaceScenario(top, header: header, worldValue: worldValue!)
        case nil:
            // Without a known world, the world-dependent sections cannot be checked; only that the
            // required ones are there.
            _ = top.required("agents")
            return nil
        }
    }

    /// `version`, `name`, `seed`, `dt_s`, `duration_s`, `communication` and `game`.
    private func parseHeader(_ top: MappingReader) -> Header {
        if let version = top.required("version")?.integer(log), version.value != Self.formatVersion {
            log.error("version must be \(Self.formatVersion) (got \(version.text)); this nashsim reads scenario format version \(Self.formatVersion)",
                      at: top.value("version")?.position ?? top.position, path: top.path.appending("version"))
        }
        var header = Header()
        header.name = top.required("name").flatMap { parseName($0) }
        header.seed = top.required("seed")?.unsignedInteger(log)
        let dt = top.requiredNumber("dt_s")
        if let dt, log.require(dt, dt.value > 0, "must be > 0") {
            let milliseconds = dt.value * 1000
            log.require(dt, abs(milliseconds - milliseconds.rounded()) <= 1e-6 * max(1, milliseconds),
                        "must be a whole number of milliseconds (times are written with 3 decimals)")
        }
        header.dt = dt
        let duration = top.requiredNumber("duration_s")
        if let duration, log.require(duration, duration.value > 0, "must be > 0"), let dt, dt.value > 0,
           log.require(duration, duration.value >= dt.value, "must be at least dt_s = \(dt.text)") {
            log.require(duration, duration.value / dt.value <= Double(Self.maximumSteps),
                        "must be at most \(Self.maximumSteps) steps of dt_s = \(dt.text)")
        }
        header.duration = duration
        header.communication = CommunicationConfig()
        if let value = top.value("communication") { header.communication = parseCommunication(value) }
        header.game = GameConfig()
        if let value = top.value("game") { header.game = parseGame(value) }
        return header
    }

    /// A highway-merge scenario: cars (`agents`, `traffic`) and their `controller`.
    private func parseHighwayScenario(_ top: MappingReader, header: Header, worldValue: YAMLValue) -> SimulationConfig? {
        var controller: CarControllerConfig? = CarControllerConfig()
        if let value = top.value("controller") { controller = parseController(value, base: CarControllerConfig()) }
        let world = parseWorld(worldValue)
        var traffic: ParsedTraffic?
        var trafficValid = true
        if let value = top.value("traffic") {
            traffic = parseTraffic(value)
            trafficValid = traffic != nil
        }
        if let position = top.keyPosition("formation") {
            log.error("formation is only for world.type workspace (it generates robots); a highway-merge scenario generates cars with traffic:",
                      at: position, path: top.path.appending("formation"))
        }
        let agents = top.required("agents").flatMap { parseCars($0, defaults: controller) }

        if let agents { checkIDs(agents.ids) }
        if let agents, let traffic { checkGeneratedIDs(agents.ids, traffic: traffic, seed: header.seed ?? 0) }
        if let world, let agents { checkCars(agents.cars, in: world) }
        if let agents, agents.count == 0, trafficValid, (traffic?.generatedCount ?? 0) == 0 {
            let value = top.value("agents")
            log.error("agents is empty and no traffic block generates cars; a scenario needs at least one car",
                      at: value?.position ?? top.position, path: top.path.appending("agents"))
        }

        guard log.isEmpty, let name = header.name, let seed = header.seed, let dt = header.dt,
              let duration = header.duration, let controller, let world, let agents, trafficValid,
              let communication = header.communication, let game = header.game
        else { return nil }
        var highway = world.config
        highway.cars = agents.cars.map(\.config)
        highway.traffic = traffic?.config
        highway.controller = controller
        return SimulationConfig(name: name, seed: seed, dt: dt.value, duration: duration.value,
                                world: .highwayMerge(highway), communication: communication, game: game)
    }

    /// Scenario names become folder names (`results/<name>/`): letters, digits, `-`, `_` and `.`,
    /// not starting with `.`.
    private func parseName(_ value: YAMLValue) -> String? {
        guard let name = value.string(log) else { return nil }
        guard Self.isSafeIdentifier(name), !name.hasPrefix(".") else {
            log.error("name must be non-empty and use only letters, digits, '-', '_' and '.', not starting with '.' (it names the output folder results/<name>/; got \(value.shown))",
                      at: value.position, path: value.path)
            return nil
        }
        return name
    }

    /// Letters and digits (ASCII), `-`, `_`, `.`; non-empty.
    static func isSafeIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_" || $0 == "."
        }
    }
}
