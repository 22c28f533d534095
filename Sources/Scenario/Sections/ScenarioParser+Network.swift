import Simulation

extension ScenarioParser {
    static let communicationKeys = ["latency_s", "drop_rate", "range_m"]
    static let gameKeys = ["selection"]

    /// `communication: {latency_s, drop_rate, range_m}`, each optional (defaults from
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
        guard valid, let latency, let dropRate, let range else { return nil }
        return CommunicationConfig(latency: latency.value, dropRate: dropRate.value, range: range.value)
    }

    /// `game: {selection: fcfs}` (default `fcfs`).
    func parseGame(_ value: YAMLValue) -> GameConfig? {
        guard let reader = MappingReader(value, known: Self.gameKeys, log: log) else { return nil }
        guard let selectionValue = reader.value("selection") else { return GameConfig() }
        guard let text = selectionValue.string(log) else { return nil }
        guard let rule = ContestRule(rawValue: text) else {
            let known = ContestRule.allCases.map(\.rawValue)
            var message = "\(selectionValue.path) must be one of: \(known.joined(separator: ", ")) (got \(selectionValue.shown))"
            if let suggestion = KeySuggestion.nearest(to: text, among: known) { message += "; did you mean '\(suggestion)'?" }
            log.error(message, at: selectionValue.position, path: selectionValue.path)
            return nil
        }
        return GameConfig(selection: rule)
    }
}
