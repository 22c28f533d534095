import Simulation

extension ScenarioParser {
    static let communicationKeys = ["latency_s", "drop_rate", "range_m", "rounds"]
    static let gameKeys = ["selection", "nash_gap"]

    /// The most exchange-and-replan rounds a step may ask for.
    static let maximumRounds = 50

    /// `communication: {latency_s, drop_rate, range_m, rounds}`, each optional (defaults from
    /// `CommunicationConfig`).
    func parseCommunication(_ value: YAMLValue) -> CommunicationConfig? {
        guard let reader = MappingReader(value, known: Self.communicationKeys, log: log) else { return nil }
        let defaults = CommunicationConfig()
        var valid = true
        let latency = reader.number("latency_s", default: defaults.latency)
        if let latency { valid = log.require(latency, latency.value >= 0, "must be >= 0") && valid }
        let dropRate = reader.number("drop_rate", default: defaults.dropRate)
        if let dropRate {
            valid = log.require(dropRate, (0...1).contains(dropRate.value), "must be in [0, 1]") && valid
        }
        let range = reader.number("range_m", default: defaults.range)
        if let range { valid = log.require(range, range.value > 0, "must be > 0") && valid }
        var rounds = defaults.rounds
        if let value = reader.value("rounds") {
            if let parsed = value.integer(in: 1...Self.maximumRounds, log, requirement: "between 1 and \(Self.maximumRounds)") {
                rounds = parsed
            } else {
                valid = false
            }
        }
        guard valid, let latency, let dropRate, let range else { return nil }
        return CommunicationConfig(latency: latency.value, dropRate: dropRate.value, range: range.value, rounds: rounds)
    }

    /// `game: {selection, nash_gap}` (defaults: the world's rule, `true`).
    func parseGame(_ value: YAMLValue) -> GameConfig? {
        guard let reader = MappingReader(value, known: Self.gameKeys, log: log) else { return nil }
        var nashGap = GameConfig().nashGap
        if let flag = reader.value("nash_gap") {
            guard let parsed = flag.boolean(log) else { return nil }
            nashGap = parsed
        }
        guard let selectionValue = reader.value("selection") else { return GameConfig(nashGap: nashGap) }
        guard let text = selectionValue.string(log) else { return nil }
        guard let rule = ContestRule(rawValue: text) else {
            let known = ContestRule.allCases.map(\.rawValue)
            var message = "\(selectionValue.path) must be one of: \(known.joined(separator: ", ")) (got \(selectionValue.shown))"
            if let suggestion = KeySuggestion.nearest(to: text, among: known) { message += "; did you mean '\(suggestion)'?" }
            log.error(message, at: selectionValue.position, path: selectionValue.path)
            return nil
        }
        return GameConfig(selection: rule, nashGap: nashGap)
    }
}
