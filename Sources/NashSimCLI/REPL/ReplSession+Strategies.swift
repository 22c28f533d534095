import GameTheory

/// `br` and `regret`: mixed strategies typed by the user, checked against the game.
extension ReplSession {
    /// Probabilities for `player` from a typed strategy, checked against the game.
    func probabilities(_ argument: StrategyArgument, of player: Player, in game: BimatrixGame,
                               command: String) throws(Failure) -> [Rational] {
        let count = game.strategyCount(of: player)
        switch argument {
        case let .probabilities(p):
            guard p.count == count else {
                throw Failure(command, "the \(player) player's strategy needs \(count) probabilit"
                              + "\(count == 1 ? "y" : "ies") (one per strategy), got \(p.count)")
            }
            return p
        case let .pure(reference):
            let k = try resolve(reference, of: player, in: game, command: command)
            return (0..<count).map { $0 == k ? .one : .zero }
        }
    }

    func describe(_ p: [Rational], of player: Player, in game: BimatrixGame) -> String {
        SessionFormatting.strategy(p.map(\.description), nonZero: p.map { !$0.isZero }, labels: game.labels(of: player))
    }

    func bestResponse(_ player: Player, _ argument: StrategyArgument) throws(Failure) -> SessionOutput {
        let game = try currentGame("br")
        let y = try probabilities(argument, of: player.opponent, in: game, command: "br")
        let evaluation = StrategyEvaluation(game, player: player, own: nil, opponent: y)
        let labels = game.labels(of: player).map(SessionFormatting.oneLine)
        var lines = ["\(player) player's payoffs against \(player.opponent) strategy "
                     + "(\(describe(y, of: player.opponent, in: game))):"]
        let rows = labels.indices.map { k in
            [labels[k], evaluation.payoffs[k], evaluation.bestResponses.contains(k) ? "best response" : ""]
        }
        lines += SessionFormatting.aligned(rows, leftAligned: [0, 2])
        let best = evaluation.bestResponses.map { labels[$0] }.joined(separator: ", ")
        let plural = evaluation.bestResponses.count == 1 ? "best response" : "best responses (any mix of them too)"
        lines.append("\(plural): \(best), payoff \(evaluation.best)")
        return .printing(lines.joined(separator: "\n"))
    }

    func regret(_ only: Player?, _ xArgument: StrategyArgument, _ yArgument: StrategyArgument)
        throws(Failure) -> SessionOutput {
        let game = try currentGame("regret")
        let x = try probabilities(xArgument, of: .row, in: game, command: "regret")
        let y = try probabilities(yArgument, of: .column, in: game, command: "regret")
        let players = only.map { [$0] } ?? [.row, .column]
        var rows = [["player", "strategy", "payoff", "best reply", "best payoff", "regret"]]
        var zero = true
        for player in players {
            let own = player == .row ? x : y, other = player == .row ? y : x
            let e = StrategyEvaluation(game, player: player, own: own, opponent: other)
            let labels = game.labels(of: player).map(SessionFormatting.oneLine)
            rows.append([player.rawValue, describe(own, of: player, in: game), e.payoff ?? "",
                         e.bestResponses.map { labels[$0] }.joined(separator: ", "), e.best, e.regret ?? ""])
            zero = zero && e.hasZeroRegret == true
        }
        var lines = SessionFormatting.aligned(rows, leftAligned: [0, 1, 3])
        if only == nil {
            lines.append(zero ? "both regrets are 0: the profile is a Nash equilibrium"
                         : "not a Nash equilibrium: a player with positive regret gains by switching to its best reply")
        }
        return .printing(lines.joined(separator: "\n"))
    }
}
