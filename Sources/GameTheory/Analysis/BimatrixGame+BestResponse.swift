extension BimatrixGame {
    /// Expected payoff of each of `player`'s pure strategies against the opponent's mixed strategy,
    /// exactly. - Precondition: `isExact`, `opponentStrategy.count` is the opponent's strategy count.
    public func purePayoffs(of player: Player, against opponentStrategy: [Rational]) -> [Rational] {
        precondition(opponentStrategy.count == strategyCount(of: player.opponent), "strategy length mismatch")
        guard let matrix = exactPayoffs(of: player) else { preconditionFailure("exact payoffs needed") }
        let support = opponentStrategy.indices.filter { !opponentStrategy[$0].isZero }
        return (0..<strategyCount(of: player)).map { s in
            support.reduce(Rational.zero) { sum, o in
                sum + opponentStrategy[o] * (player == .row ? matrix[s, o] : matrix[o, s])
            }
        }
    }

    /// Expected payoff of each of `player`'s pure strategies against the opponent's mixed strategy.
    public func purePayoffs(of player: Player, against opponentStrategy: [Double]) -> [Double] {
        precondition(opponentStrategy.count == strategyCount(of: player.opponent), "strategy length mismatch")
        let matrix = payoffs(of: player)
        return (0..<strategyCount(of: player)).map { s in
            var sum = 0.0
            for o in opponentStrategy.indices where opponentStrategy[o] != 0 {
                sum += opponentStrategy[o] * (player == .row ? matrix[s, o] : matrix[o, s])
            }
            return sum
        }
    }

    /// `player`'s pure best responses to the opponent's mixed strategy, ascending, decided exactly.
    /// - Precondition: `isExact`.
    public func bestResponses(of player: Player, to opponentStrategy: [Rational]) -> [Int] {
        let values = purePayoffs(of: player, against: opponentStrategy)
        let best = values.max()!
        return values.indices.filter { values[$0] == best }
    }

    /// `player`'s pure best responses in floating point: strategies whose expected payoff is within
    /// `tolerance · (1 + |best|)` of the best one, ascending.
    public func bestResponses(of player: Player, to opponentStrategy: [Double], tolerance: Double = 1e-9) -> [Int] {
        let values = purePayoffs(of: player, against: opponentStrategy)
        let best = values.max()!
        return values.indices.filter { values[$0] >= best - tolerance * (1 + abs(best)) }
    }
}
