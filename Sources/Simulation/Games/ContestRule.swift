import GameTheory

/// How agents resolve a contested situation (`game.selection` in a scenario): who merges first,
/// who passes a narrow passage first.
///
/// The three game rules build a 2 x 2 ``ContestGame`` {go first, yield} from the contenders'
/// predicted costs and pick one of its equilibria with GameTheory's selection; `fcfs` is the
/// baseline without a game (the highway's first come, first served on predicted arrival times).
public enum ContestRule: String, Sendable, Hashable, CaseIterable {
    /// Payoff dominance: an equilibrium no other equilibrium improves for both contenders
    /// (GameTheory's `SelectionRule.pareto`).
    case payoffDominant = "payoff-dominant"
    /// The equilibrium with the least total cost (largest welfare).
    case welfare
    /// Risk dominance (Harsanyi–Selten): the equilibrium that is safer when unsure what the other
    /// does; where it does not apply (fewer than two strict pure equilibria) payoff dominance decides.
    case riskDominant = "risk-dominant"
    /// Baseline without a game: first come, first served.
    case firstComeFirstServed = "fcfs"

    /// The GameTheory rule behind a game rule; nil for `fcfs`.
    public var selectionRule: SelectionRule? {
        switch self {
        case .payoffDominant: .pareto
        case .welfare: .welfare
        case .riskDominant: .risk
        case .firstComeFirstServed: nil
        }
    }
}
