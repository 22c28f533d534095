extension Equilibrium {
    /// How much `player` could gain by deviating to a best pure strategy: `max_s u(s, σ₋) - u(σ)` (≥ 0
    /// up to rounding). Zero exactly when `player`'s strategy is a best response. Computed in `Double`.
    public func regret(of player: Player, in game: BimatrixGame) -> Double {
        let values = game.purePayoffs(of: player, against: strategy(of: player.opponent))
        let own = strategy(of: player)
        var current = 0.0
        for s in own.indices where own[s] != 0 { current += own[s] * values[s] }
        return values.max()! - current
    }

    /// The regret of `player` exactly, when both the game and this profile are exact (else nil).
    public func exactRegret(of player: Player, in game: BimatrixGame) -> Rational? {
        guard game.isExact, let own = player == .row ? rowExact : columnExact,
              let other = player == .row ? columnExact : rowExact else { return nil }
        let values = game.purePayoffs(of: player, against: other)
        var current = Rational.zero
        for s in own.indices where !own[s].isZero { current += own[s] * values[s] }
        return values.max()! - current
    }

    /// Whether both players' strategies are best responses: exactly (regret 0) for exact profiles of
    /// exact games, otherwise with regret at most `tolerance · (1 + max |payoff|)`.
    public func isNashEquilibrium(in game: BimatrixGame, tolerance: Double = 1e-9) -> Bool {
        if let r = exactRegret(of: .row, in: game), let c = exactRegret(of: .column, in: game) {
            return r.isZero && c.isZero
        }
        let scale = 1 + (game.rowPayoffs.elements + game.columnPayoffs.elements).map(abs).max()!
        return Player.allCases.allSatisfy { regret(of: $0, in: game) <= tolerance * scale }
    }
}
