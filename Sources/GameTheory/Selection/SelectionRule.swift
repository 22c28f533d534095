/// A rule that picks, among the equilibria of a game, the ones that people (or agents that must
/// coordinate without talking) would expect to be played.
///
/// Every rule first marks the equilibria that satisfy it (several may tie); `TieBreak` then picks
/// exactly one of those in a way that does not depend on how the game is presented.
public enum SelectionRule: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// Payoff dominance: the equilibria that are Pareto-optimal *among the equilibria*. No other
    /// equilibrium gives both players at least as much and one of them strictly more.
    case pareto
    /// Utilitarian welfare: the equilibria with the largest sum of the two players' expected payoffs.
    case welfare
    /// Risk dominance (Harsanyi–Selten 1988): only for 2 x 2 games with two strict pure equilibria.
    /// At each of the two, multiply the players' losses from deviating alone; the equilibrium with
    /// the larger product risk-dominates (the one that is safer when unsure what the other does).
    case risk
    /// Maxmin safety: the equilibria whose strategies guarantee the most. A player's *security level*
    /// at an equilibrium is the least payoff its equilibrium strategy can earn against any strategy of
    /// the opponent; an equilibrium scores the smaller of the two players' security levels, then the
    /// larger one (leximin). The equilibria with the best score are selected.
    case maxmin

    public var description: String { rawValue }

    /// One line for help texts.
    public var summary: String {
        switch self {
        case .pareto: "payoff dominance: Pareto-optimal among the equilibria"
        case .welfare: "largest sum of both players' payoffs"
        case .risk: "risk dominance (Harsanyi-Selten), 2x2 games with two strict pure equilibria"
        case .maxmin: "largest guaranteed payoff (security level) of the equilibrium strategies"
        }
    }

    /// The rule's name for people (`"payoff dominance"`, `"risk dominance"`...).
    public var title: String {
        switch self {
        case .pareto: "payoff dominance (Pareto)"
        case .welfare: "maximal welfare"
        case .risk: "risk dominance (Harsanyi-Selten)"
        case .maxmin: "maxmin safety"
        }
    }
}
