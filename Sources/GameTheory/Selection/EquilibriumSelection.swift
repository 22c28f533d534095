/// Equilibrium selection: which of several equilibria to expect, and a deterministic pick among ties.
///
/// ```swift
/// let outcome = try EquilibriumSelection.select(.risk, among: report.equilibria, in: report.game,
///                                               tieBreak: .favouringLower(rowIdentity: 3, columnIdentity: 7))
/// let profile = outcome.chosen.map { report.equilibria[$0] }
/// ```
///
/// The rules are documented on `SelectionRule`, the tie-break on `TieBreak`. Selection reads only the
/// payoffs and probabilities given; it does not check that the profiles are equilibria.
///
/// Arithmetic is exact when the game and every equilibrium are exact. Otherwise quantities are
/// `Double`s and two of them count as equal when they differ by at most
/// `relativeTolerance * (1 + max |payoff of the game|)` (products of deviation losses: that times
/// `(1 + max |payoff|)` again; probabilities: `relativeTolerance`).
///
/// Results depend only on the *set* of equilibria and on the tie-break's priority player: giving the
/// equilibria in another order, or the swapped game (`swappingPlayers()`) with the swapped equilibria and
/// the swapped tie-break, selects the same profiles.
///
/// - Complexity: O(k² + k·m·n) for k equilibria of an m x n game.
public enum EquilibriumSelection {
    /// Relative tolerance for comparing floating-point payoffs (see the type's documentation).
    public static let relativeTolerance = 1e-9

    /// Applies `rule` to `equilibria` of `game` and breaks ties with `tieBreak`.
    ///
    /// An empty list selects nothing (`chosen == nil`) with a note saying so.
    /// - Throws: `SelectionError.notApplicable` for `.risk` outside 2 x 2 games with two strict pure
    ///   equilibria (even with no equilibria given), or when those two are not among `equilibria`.
    /// - Precondition: every equilibrium has the game's shape.
    public static func select(
        _ rule: SelectionRule, among equilibria: [Equilibrium], in game: BimatrixGame,
        tieBreak: TieBreak = .default
    ) throws(SelectionError) -> SelectionOutcome {
        try select(rule, among: equilibria, in: game, tieBreak: tieBreak, numbering: { $0 + 1 })
    }

    /// `select` with the number each equilibrium has in the notes (`numbering(k)` for index `k`; only
    /// selected equilibria are named in notes).
    static func select(
        _ rule: SelectionRule, among equilibria: [Equilibrium], in game: BimatrixGame,
        tieBreak: TieBreak, numbering: (Int) -> Int
    ) throws(SelectionError) -> SelectionOutcome {
        let analysis = SelectionAnalysis(equilibria: equilibria, game: game)
        if rule == .risk, let reason = analysis.risk.reason {
            throw .notApplicable(rule: .risk, reason: reason)
        }
        let marks = self.marks(analysis)
        guard !equilibria.isEmpty else {
            return SelectionOutcome(rule: rule, tieBreak: tieBreak, selected: [], chosen: nil, marks: [],
                                    notes: ["no equilibria to select from"])
        }
        let selected: [Int]
        switch rule {
        case .pareto: selected = analysis.paretoOptimal
        case .welfare: selected = analysis.welfareMaximal
        case .risk: selected = analysis.risk.dominant
        case .maxmin: selected = analysis.maxminSafe
        }
        let (chosen, criterion) = breakTie(among: selected, analysis, tieBreak)
        var notes = [ruleNote(rule, selected: selected, analysis, numbering)]
        if selected.count > 1 {
            notes.append("tie broken \(tieBreak): \(describe(chosen, analysis, numbering)) (\(criterion))")
        }
        for k in selected {
            let dominating = marks[k].dominatingOutcomes
            guard !dominating.isEmpty else { continue }
            notes.append(outcomeNote(k, dominating, analysis, numbering))
        }
        return SelectionOutcome(rule: rule, tieBreak: tieBreak, selected: selected, chosen: chosen,
                                marks: marks, notes: notes)
    }

    /// The facts about each equilibrium that the rules use (Pareto optimality among the equilibria and
    /// among the pure outcomes, welfare, security levels, risk dominance), whatever the rule.
    /// - Precondition: every equilibrium has the game's shape.
    public static func marks(of equilibria: [Equilibrium], in game: BimatrixGame) -> [EquilibriumMarks] {
        marks(SelectionAnalysis(equilibria: equilibria, game: game))
    }

    // MARK: - Internals

    static func marks(_ analysis: SelectionAnalysis) -> [EquilibriumMarks] {
        let pareto = Set(analysis.paretoOptimal)
        let welfare = Set(analysis.welfareMaximal)
        let maxmin = Set(analysis.maxminSafe)
        let risk = Set(analysis.risk.dominant)
        return (0..<analysis.count).map { k in
            let product = analysis.risk.product(of: k)
            return EquilibriumMarks(
                isParetoOptimalAmongEquilibria: pareto.contains(k),
                dominatingOutcomes: analysis.dominatingOutcomes(of: k),
                welfare: analysis.welfare[k].approximate, welfareExact: analysis.welfare[k].exact,
                hasMaximalWelfare: welfare.contains(k),
                rowSecurityLevel: analysis.rowSecurity[k].approximate,
                rowSecurityLevelExact: analysis.rowSecurity[k].exact,
                columnSecurityLevel: analysis.columnSecurity[k].approximate,
                columnSecurityLevelExact: analysis.columnSecurity[k].exact,
                isMaxminSafe: maxmin.contains(k),
                deviationLossProduct: product?.approximate, deviationLossProductExact: product?.exact,
                isRiskDominant: product == nil ? nil : risk.contains(k))
        }
    }

    /// The documented tie-break (see `TieBreak`): successive filters, each keeping the candidates that
    /// are best on one criterion, so the result never depends on the order of the candidates.
    static func breakTie(among candidates: [Int], _ analysis: SelectionAnalysis, _ tieBreak: TieBreak)
        -> (Int?, String) {
        guard candidates.count > 1 else { return (candidates.first, "no tie") }
        let first = tieBreak.priority, second = first.opponent
        var remaining = candidates
        remaining = SelectionAnalysis.argmax(analysis.rowPayoff.indices.map { analysis.payoff($0, of: first) },
                                             among: remaining, analysis.comparator)
        if remaining.count == 1 { return (remaining[0], "higher payoff for the \(first) player") }
        remaining = SelectionAnalysis.argmax(analysis.rowPayoff.indices.map { analysis.payoff($0, of: second) },
                                             among: remaining, analysis.comparator)
        if remaining.count == 1 { return (remaining[0], "equal payoffs for the \(first) player, "
                                          + "higher payoff for the \(second) player") }
        for player in [first, second] {
            let count = analysis.game.strategyCount(of: player)
            for s in 0..<count {
                let probabilities = analysis.equilibria.map { e -> SelectionValue in
                    if let exact = player == .row ? e.rowExact : e.columnExact, analysis.rowPayoff[0].exact != nil {
                        return SelectionValue(exact: exact[s])
                    }
                    return SelectionValue(approximate: e.strategy(of: player)[s])
                }
                remaining = SelectionAnalysis.argmax(probabilities, among: remaining, analysis.comparator,
                                                     tolerance: relativeTolerance)
                if remaining.count == 1 {
                    return (remaining[0], "equal payoffs; more weight on the earlier strategies of the "
                                + "\(player) player")
                }
            }
        }
        return (remaining.min(), "duplicate profiles; the first is kept")
    }

    static func ruleNote(_ rule: SelectionRule, selected: [Int], _ analysis: SelectionAnalysis,
                         _ numbering: (Int) -> Int) -> String {
        let total = "the \(analysis.count) equilibria"
        let who = list(selected.map(numbering))
        let verb = selected.count == 1 ? "is" : "are"
        let only = analysis.count == 1
        switch rule {
        case .pareto:
            if only { return "\(rule.title): equilibrium \(numbering(0)) is the only equilibrium" }
            return "\(rule.title): \(who) \(verb) Pareto-optimal among \(total)"
        case .welfare:
            let w = analysis.welfare[selected[0]].text
            if only {
                return "\(rule.title): equilibrium \(numbering(0)) is the only equilibrium (sum of payoffs \(w))"
            }
            return "\(rule.title): \(who) \(selected.count == 1 ? "has" : "have") the largest sum of payoffs, "
                + "\(w), among \(total)"
        case .maxmin:
            let k = selected[0]
            let guarantee = "the equilibrium strategies guarantee \(analysis.rowSecurity[k].text) to the row player "
                + "and \(analysis.columnSecurity[k].text) to the column player"
            if only { return "\(rule.title): equilibrium \(numbering(0)) is the only equilibrium; \(guarantee)" }
            return "\(rule.title): \(who) \(verb) safest among \(total): \(guarantee)"
        case .risk:
            guard let (c1, c2) = analysis.risk.candidates else { return "\(rule.title): not applicable" }
            let d1 = describe(c1.outcome, analysis.game), d2 = describe(c2.outcome, analysis.game)
            let p1 = c1.product.text, p2 = c2.product.text
            if c1.indices == selected { return "\(rule.title): \(d1) risk-dominates \(d2): "
                + "products of deviation losses \(p1) > \(p2)" }
            if c2.indices == selected { return "\(rule.title): \(d2) risk-dominates \(d1): "
                + "products of deviation losses \(p2) > \(p1)" }
            return "\(rule.title): neither \(d1) nor \(d2) risk-dominates the other: "
                + "products of deviation losses are equal (\(p1))"
        }
    }

    static func outcomeNote(_ k: Int, _ dominating: [PureOutcome], _ analysis: SelectionAnalysis,
                            _ numbering: (Int) -> Int) -> String {
        let game = analysis.game
        let shown = dominating.prefix(3).map { o in
            "(\(game.rowLabels[o.row]), \(game.columnLabels[o.column])) gives "
                + "(\(value(game.exactRowPayoffs?[o.row, o.column], game.rowPayoffs[o.row, o.column])), "
                + "\(value(game.exactColumnPayoffs?[o.row, o.column], game.columnPayoffs[o.row, o.column])))"
        }
        let more = dominating.count > 3 ? " and \(dominating.count - 3) more outcomes do too" : ""
        return "\(describe(k, analysis, numbering)) with payoffs (\(analysis.rowPayoff[k].text), "
            + "\(analysis.columnPayoff[k].text)) is not Pareto-optimal among all outcomes: "
            + shown.joined(separator: ", ") + more
    }

    private static func value(_ exact: Rational?, _ approximate: Double) -> String {
        exact?.description ?? "\(approximate)"
    }

    /// "equilibrium 2 (Hare, Hare)" for a pure profile, "equilibrium 3 (mixed)" otherwise.
    static func describe(_ k: Int?, _ analysis: SelectionAnalysis, _ numbering: (Int) -> Int) -> String {
        guard let k else { return "none" }
        let e = analysis.equilibria[k]
        let game = analysis.game
        for i in 0..<game.rows {
            for j in 0..<game.columns where RiskDominanceAnalysis.isPure(e, row: i, column: j) {
                return "equilibrium \(numbering(k)) (\(game.rowLabels[i]), \(game.columnLabels[j]))"
            }
        }
        return "equilibrium \(numbering(k)) (mixed)"
    }

    static func describe(_ outcome: PureOutcome, _ game: BimatrixGame) -> String {
        "(\(game.rowLabels[outcome.row]), \(game.columnLabels[outcome.column]))"
    }

    /// "equilibrium 1", "equilibria 1 and 2", "equilibria 1, 2 and 3".
    static func list(_ numbers: [Int]) -> String {
        let numbers = numbers.map(String.init)
        switch numbers.count {
        case 0: return "no equilibrium"
        case 1: return "equilibrium \(numbers[0])"
        default: return "equilibria " + numbers.dropLast().joined(separator: ", ") + " and " + numbers.last!
        }
    }
}
