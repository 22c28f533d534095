import GameTheory

/// A player's payoffs against a fixed strategy of the opponent, its best responses and, for a given
/// own strategy, its regret: what `br` and `regret` print, computed by the GameTheory engine
/// (`purePayoffs(of:against:)`, `bestResponses(of:to:)`, `Equilibrium.exactRegret(of:in:)`).
/// Exact for exact games; floating-point games use the engine's tolerances.
struct StrategyEvaluation {
    /// Payoff of each of the player's pure strategies against the opponent's strategy, as printed.
    let payoffs: [String]
    /// Indices of the player's pure best responses, ascending.
    let bestResponses: [Int]
    /// The best payoff, as printed.
    let best: String
    /// Payoff of the player's own strategy, when one was given.
    let payoff: String?
    /// The player's regret (best payoff minus its payoff), when an own strategy was given.
    let regret: String?
    /// Whether the regret is zero (exactly; within `1e-9 · (1 + max |payoff|)` for floating-point games).
    let hasZeroRegret: Bool?

    /// - Precondition: `opponent` has the opponent's strategy count and `own`, when given, the player's.
    init(_ game: BimatrixGame, player: Player, own: [Rational]?, opponent: [Rational]) {
        if game.isExact {
            let values = game.purePayoffs(of: player, against: opponent)
            payoffs = values.map(\.description)
            bestResponses = game.bestResponses(of: player, to: opponent)
            best = values.max()!.description
            if let own {
                let profile = player == .row
                    ? Equilibrium(exactRow: own, exactColumn: opponent, in: game)
                    : Equilibrium(exactRow: opponent, exactColumn: own, in: game)
                let regret = profile.exactRegret(of: player, in: game) ?? .zero
                payoff = (player == .row ? profile.rowPayoffExact : profile.columnPayoffExact)?.description
                self.regret = regret.description
                hasZeroRegret = regret.isZero
            } else {
                payoff = nil
                regret = nil
                hasZeroRegret = nil
            }
        } else {
            let y = opponent.map(\.doubleValue)
            let values = game.purePayoffs(of: player, against: y)
            payoffs = values.map(Self.decimal)
            bestResponses = game.bestResponses(of: player, to: y)
            best = Self.decimal(values.max()!)
            if let own {
                let x = own.map(\.doubleValue)
                let profile = player == .row
                    ? Equilibrium(row: x, column: y, in: game) : Equilibrium(row: y, column: x, in: game)
                let regret = max(0, profile.regret(of: player, in: game))
                let scale = 1 + (game.rowPayoffs.elements + game.columnPayoffs.elements).map(abs).max()!
                let zero = regret <= 1e-9 * scale
                payoff = Self.decimal(profile.payoff(of: player))
                self.regret = zero ? "0" : Self.decimal(regret)
                hasZeroRegret = zero
            } else {
                payoff = nil
                regret = nil
                hasZeroRegret = nil
            }
        }
    }

    private static func decimal(_ x: Double) -> String {
        x.isFinite ? NumberFormatting.rounded(x, places: 6) : "\(x)"
    }
}
