import GameTheory

/// What a contest costs one contender under each of the four joint actions [MPC cost units,
/// ≥ 0; lower is better]. Both contenders' costs must be in the same units, since the welfare
/// rule adds them.
public struct ContestCosts: Sendable, Hashable {
    /// It goes first, the other yields.
    public var first: Double
    /// It yields, the other goes first.
    public var second: Double
    /// Both go: the conflict (a large penalty: a collision course that the safety layer must break).
    public var bothGo: Double
    /// Both yield: the delay of hesitating before one of them goes.
    public var bothYield: Double

    public init(first: Double, second: Double, bothGo: Double, bothYield: Double) {
        self.first = first
        self.second = second
        self.bothGo = bothGo
        self.bothYield = bothYield
    }
}

/// The 2 x 2 "who goes first" game of two contenders, strategies {go, yield}: a game of chicken
/// when going second costs more than going first, both going is a disaster and both yielding a
/// delay. Used for the merge (ramp car against main-lane car) and for deadlocks between robots.
///
/// Agreement without talking: each contender builds the game on its own, in the canonical
/// presentation (the caller decides who is the row player by role or identity, never by "me
/// first"), from the same information, and resolves it with the same rule and tie-break
/// priority; the result is a pure function of the costs, the rule and the priority, so both
/// reach the same decision. With different information (a lost message) they may not: callers
/// detect and count that.
///
/// Resolution (``resolve(rule:priority:)``):
/// 1. all equilibria by GameTheory's support enumeration (one thread; approximate arithmetic
///    with the enumerator's documented tolerance, since the costs are floating-point);
/// 2. the rule selects among the *pure* equilibria when there are any. A mixed equilibrium of a
///    coordination game means both contenders randomise independently and sometimes both go;
///    vehicles do not gamble on that, so a mixed equilibrium is chosen only when no pure one
///    exists, and then the player with the larger probability of going goes (ties: priority);
/// 3. `risk` needs two strict pure equilibria; where it does not apply, payoff dominance decides
///    (noted in the resolution);
/// 4. ties are broken by GameTheory's ``TieBreak`` favouring `priority`.
public struct ContestGame: Sendable {
    /// The strategies of both players, in this order.
    public static let strategies = ["go", "yield"]

    public let rowCosts: ContestCosts
    public let columnCosts: ContestCosts
    /// Payoffs are the negated costs.
    public let game: BimatrixGame

    /// - Precondition: every cost is finite with magnitude ≤ 1e12 (GameTheory's payoff limit is
    ///   far above; costs beyond are a caller bug).
    public init(row: ContestCosts, column: ContestCosts) {
        for cost in [row.first, row.second, row.bothGo, row.bothYield, column.first, column.second, column.bothGo,
                     column.bothYield] {
            precondition(cost.isFinite && abs(cost) <= 1e12, "contest costs must be finite and at most 1e12")
        }
        rowCosts = row
        columnCosts = column
        // Row strategy i, column strategy j: 0 = go, 1 = yield.
        let a = Matrix([[-row.bothGo, -row.first], [-row.second, -row.bothYield]])
        let b = Matrix([[-column.bothGo, -column.second], [-column.first, -column.bothYield]])
        game = BimatrixGame(approximateRowPayoffs: a, columnPayoffs: b, rowLabels: Self.strategies,
                            columnLabels: Self.strategies)
    }

    /// Solves the game and picks one outcome (see the type's documentation).
    /// - Precondition: `rule` is a game rule (not `fcfs`).
    public func resolve(rule: ContestRule, priority: Player) -> ContestResolution {
        guard let selectionRule = rule.selectionRule else { preconditionFailure("fcfs is not a game rule") }
        let options = EnumerationOptions(threads: 1)
        let report = EquilibriumEnumerator(options: options).allEquilibria(of: game)
        let equilibria = report.equilibria
        let pure = equilibria.indices.filter { equilibria[$0].isPure }
        let candidates = pure.isEmpty ? Array(equilibria.indices) : pure
        let tieBreak = TieBreak(favouring: priority)
        var notes: [String] = []
        var outcome = try? EquilibriumSelection.select(selectionRule, among: candidates.map { equilibria[$0] },
                                                       in: game, tieBreak: tieBreak)
        if outcome == nil {
            notes.append("risk dominance does not apply; payoff dominance decides")
            outcome = try? EquilibriumSelection.select(.pareto, among: candidates.map { equilibria[$0] }, in: game,
                                                       tieBreak: tieBreak)
        }
        guard let chosenCandidate = outcome?.chosen else {
            // No equilibrium found (cannot happen for a finite game; kept total): priority goes.
            return ContestResolution(game: self, equilibria: equilibria, chosen: nil, rowGoes: priority == .row,
                                     columnGoes: priority == .column, rule: rule, notes: ["no equilibrium found"])
        }
        let chosen = candidates[chosenCandidate]
        let profile = equilibria[chosen]
        var rowGoes = profile.row[0] > profile.row[1]
        var columnGoes = profile.column[0] > profile.column[1]
        if !profile.isPure {
            notes.append("no pure equilibrium: the more likely action of each is taken")
            if rowGoes == columnGoes {
                rowGoes = priority == .row
                columnGoes = !rowGoes
            }
        }
        return ContestResolution(game: self, equilibria: equilibria, chosen: chosen, rowGoes: rowGoes,
                                 columnGoes: columnGoes, rule: rule, notes: notes)
    }
}

/// The outcome of a ``ContestGame``: its equilibria, the one chosen and what each player does.
public struct ContestResolution: Sendable {
    public let game: ContestGame
    /// Every equilibrium, in GameTheory's order.
    public let equilibria: [Equilibrium]
    /// Index of the chosen equilibrium in `equilibria` (nil only if there were none).
    public let chosen: Int?
    /// Whether the row player goes (else it yields).
    public let rowGoes: Bool
    /// Whether the column player goes.
    public let columnGoes: Bool
    public let rule: ContestRule
    public let notes: [String]

    /// Whether `player` goes.
    public func goes(_ player: Player) -> Bool { player == .row ? rowGoes : columnGoes }

    /// One line for events.csv: the costs, the equilibria and the choice, e.g.
    /// `costs row [go/go 1000 go/yield 3.2 yield/go 7.5 yield/yield 9.1] column [...]; equilibria
    /// (go,yield) (yield,go) mixed(go 0.62|go 0.41); chose (go,yield) by payoff-dominant`.
    public var summary: String {
        func costs(_ c: ContestCosts) -> String {
            "[go/go \(DecimalText.render(c.bothGo)) go/yield \(DecimalText.render(c.first)) "
                + "yield/go \(DecimalText.render(c.second)) yield/yield \(DecimalText.render(c.bothYield))]"
        }
        let list = equilibria.map(Self.describe).joined(separator: " ")
        let choice = chosen.map { Self.describe(equilibria[$0]) } ?? "none"
        var text = "costs row \(costs(game.rowCosts)) column \(costs(game.columnCosts)); equilibria \(list); "
            + "chose \(choice) by \(rule.rawValue)"
        for note in notes { text += "; \(note)" }
        return text
    }

    static func describe(_ equilibrium: Equilibrium) -> String {
        if equilibrium.isPure {
            let i = equilibrium.support(of: .row)[0], j = equilibrium.support(of: .column)[0]
            return "(\(ContestGame.strategies[i]),\(ContestGame.strategies[j]))"
        }
        return "mixed(go \(DecimalText.render(equilibrium.row[0]))|go \(DecimalText.render(equilibrium.column[0])))"
    }
}
