/// What `EquilibriumSelection.select` decided: the equilibria that satisfy the rule, the single one
/// the tie-break picks among them, facts about every equilibrium, and notes for people.
///
/// Indices refer to the equilibria in the order they were passed (e.g. `EquilibriumReport.equilibria`).
public struct SelectionOutcome: Sendable, Hashable {
    public let rule: SelectionRule
    public let tieBreak: TieBreak
    /// The equilibria that satisfy the rule, ascending. Empty only when no equilibria were given.
    public let selected: [Int]
    /// The one equilibrium picked from `selected` by `tieBreak`; nil only when no equilibria were given.
    public let chosen: Int?
    /// Facts about each equilibrium, in the order given (`marks[k]` belongs to equilibrium `k`).
    public let marks: [EquilibriumMarks]
    /// Explanations for people, one sentence each, without a trailing newline. Equilibria are numbered
    /// from 1 as in the table output ("equilibrium 2"); strategies are named by the game's labels.
    public let notes: [String]

    public init(rule: SelectionRule, tieBreak: TieBreak, selected: [Int], chosen: Int?,
                marks: [EquilibriumMarks], notes: [String]) {
        self.rule = rule
        self.tieBreak = tieBreak
        self.selected = selected
        self.chosen = chosen
        self.marks = marks
        self.notes = notes
    }

    /// Whether equilibrium `index` satisfies the rule.
    public func isSelected(_ index: Int) -> Bool { selected.contains(index) }
}

/// A pure strategy profile (an outcome of the game): row strategy `row`, column strategy `column`.
public struct PureOutcome: Sendable, Hashable, Comparable {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    public static func < (a: PureOutcome, b: PureOutcome) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// Facts about one equilibrium that the selection rules use, all computed whatever the rule.
///
/// Quantities are exact (`...Exact` non-nil) when the game and every equilibrium are exact.
public struct EquilibriumMarks: Sendable, Hashable {
    /// No other equilibrium gives both players at least as much and one of them strictly more.
    public let isParetoOptimalAmongEquilibria: Bool
    /// The pure outcomes that Pareto-dominate this equilibrium (both players get at least as much, one
    /// strictly more), ascending by (row, column). Empty when the equilibrium is Pareto-optimal among the
    /// pure outcomes of the game.
    public let dominatingOutcomes: [PureOutcome]
    /// Sum of the two players' expected payoffs.
    public let welfare: Double
    public let welfareExact: Rational?
    /// Whether no equilibrium has a larger welfare.
    public let hasMaximalWelfare: Bool
    /// The least payoff the row player's equilibrium strategy earns against any column strategy.
    public let rowSecurityLevel: Double
    public let rowSecurityLevelExact: Rational?
    /// The least payoff the column player's equilibrium strategy earns against any row strategy.
    public let columnSecurityLevel: Double
    public let columnSecurityLevelExact: Rational?
    /// Whether the equilibrium has the best leximin score of security levels (see `SelectionRule.maxmin`).
    public let isMaxminSafe: Bool
    /// For the two strict pure equilibria of a 2 x 2 game, the product of the two players' losses from
    /// deviating alone (the Nash product of Harsanyi–Selten); nil otherwise.
    public let deviationLossProduct: Double?
    public let deviationLossProductExact: Rational?
    /// Whether the equilibrium risk-dominates (or ties with) the other strict pure equilibrium; nil when
    /// risk dominance does not apply to it (mixed equilibria, games other than 2 x 2 with two strict
    /// pure equilibria).
    public let isRiskDominant: Bool?

    /// Whether no pure outcome Pareto-dominates the equilibrium.
    public var isParetoOptimalAmongOutcomes: Bool { dominatingOutcomes.isEmpty }

    /// `player`'s security level (see `rowSecurityLevel`).
    public func securityLevel(of player: Player) -> Double {
        player == .row ? rowSecurityLevel : columnSecurityLevel
    }

    public init(
        isParetoOptimalAmongEquilibria: Bool, dominatingOutcomes: [PureOutcome],
        welfare: Double, welfareExact: Rational?, hasMaximalWelfare: Bool,
        rowSecurityLevel: Double, rowSecurityLevelExact: Rational?,
        columnSecurityLevel: Double, columnSecurityLevelExact: Rational?, isMaxminSafe: Bool,
        deviationLossProduct: Double?, deviationLossProductExact: Rational?, isRiskDominant: Bool?
    ) {
        self.isParetoOptimalAmongEquilibria = isParetoOptimalAmongEquilibria
        self.dominatingOutcomes = dominatingOutcomes
        self.welfare = welfare
        self.welfareExact = welfareExact
        self.hasMaximalWelfare = hasMaximalWelfare
        self.rowSecurityLevel = rowSecurityLevel
        self.rowSecurityLevelExact = rowSecurityLevelExact
        self.columnSecurityLevel = columnSecurityLevel
        self.columnSecurityLevelExact = columnSecurityLevelExact
        self.isMaxminSafe = isMaxminSafe
        self.deviationLossProduct = deviationLossProduct
        self.deviationLossProductExact = deviationLossProductExact
        self.isRiskDominant = isRiskDominant
    }
}
