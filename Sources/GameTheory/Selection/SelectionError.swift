/// Why a selection rule could not be applied to a game. The message is for people.
public enum SelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule does not apply to this game or to these equilibria (risk dominance outside 2 x 2 games
    /// with two strict pure equilibria). Callers that must pick something may fall back to another rule.
    case notApplicable(rule: SelectionRule, reason: String)

    public var description: String {
        switch self {
        case let .notApplicable(rule, reason): "\(rule.title) is not applicable: \(reason)"
        }
    }
}
