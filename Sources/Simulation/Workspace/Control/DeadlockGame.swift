import GameTheory

/// The deadlock between two robots that block each other, as a 2 x 2 game {proceed, yield}.
///
/// Both robots build the *same* game from the two bids (each robot's own estimates, fixed when
/// the contest starts and broadcast in its intent), with the lower id as the row player, solve it by
/// support enumeration and select one equilibrium with the scenario's rule and a tie-break
/// favouring the lower id — so both agree without another round of messages.
///
/// Costs [s] of a robot with bid (T, r) — T its time to goal when it proceeds, r its time to back
/// off out of the other's way — against the other's (T', r'); payoffs are minus the costs:
///
/// |            | other proceeds            | other yields           |
/// |------------|---------------------------|------------------------|
/// | proceed    | T + stuck                 | T + proceedDelay       |
/// | yield      | T + 2r + passTime         | T + 2r + bothYieldDelay |
///
/// (Yielding costs the way out, the wait while the other passes and the way back.) When both
/// retreat costs are below `(stuck − passTime) / 2`, this is a game of chicken with two pure
/// equilibria — one yields, the other proceeds — and a mixed one; welfare and risk dominance both
/// pick the robot with the cheaper retreat to yield.
public enum DeadlockGame {
    /// The selection rule used unless the scenario says otherwise.
    public static let defaultRule = SelectionRule.welfare

    /// The outcome for one robot.
    struct Outcome: Sendable {
        /// Whether the robot asking proceeds (else it yields).
        var proceeds: Bool
        /// For events.csv: payoffs, equilibria and the chosen one.
        var detail: String
    }

    /// The game between `me` (bid `mine`) and `other` (bid `theirs`), solved and selected with
    /// `rule`; the outcome is `me`'s.
    static func resolve(me: AgentID, mine: DeadlockBid, other: AgentID, theirs: DeadlockBid, rule: SelectionRule,
                        tuning: RobotTuning, names: AgentDirectory) -> Outcome {
        let meIsRow = me < other
        let (rowBid, columnBid) = meIsRow ? (mine, theirs) : (theirs, mine)
        let (rowID, columnID) = meIsRow ? (me, other) : (other, me)
        func costs(_ bid: DeadlockBid) -> [[Double]] {
            let t = bid.proceedTime, r = bid.retreatTime
            return [[t + tuning.stuckPenalty, t + tuning.proceedDelay],
                    [t + 2 * r + tuning.passTime, t + 2 * r + tuning.bothYieldDelay]]
        }
        let rowCosts = costs(rowBid), columnCosts = costs(columnBid)
        // Row player's payoff A[i][j] (row plays i, column plays j); the column player's B[i][j]
        // is its cost with its own choice j against the row's i.
        let a = Matrix([[-rowCosts[0][0], -rowCosts[0][1]], [-rowCosts[1][0], -rowCosts[1][1]]])
        let b = Matrix([[-columnCosts[0][0], -columnCosts[1][0]], [-columnCosts[0][1], -columnCosts[1][1]]])
        let game = BimatrixGame(approximateRowPayoffs: a, columnPayoffs: b, rowLabels: ["proceed", "yield"],
                                columnLabels: ["proceed", "yield"])
        let report = (try? GameSolver().solve(game, method: .support))
        let equilibria = report?.equilibria ?? []
        let tieBreak = TieBreak.favouringLower(rowIdentity: rowID, columnIdentity: columnID)
        let outcome = try? EquilibriumSelection.select(rule, among: equilibria, in: game, tieBreak: tieBreak)
        var rowProceeds: Bool
        if let chosen = outcome?.chosen {
            let profile = equilibria[chosen]
            // Pure: who proceeds. Mixed: the robot more likely to proceed does (ties: the row).
            rowProceeds = profile.row[0] >= profile.column[0]
        } else {
            rowProceeds = rowBid.retreatTime >= columnBid.retreatTime
        }
        let iProceed = meIsRow ? rowProceeds : !rowProceeds
        func render(_ m: Matrix<Double>) -> String {
            "[[\(DecimalText.render(m[0, 0], 1)) \(DecimalText.render(m[0, 1], 1))] [\(DecimalText.render(m[1, 0], 1)) \(DecimalText.render(m[1, 1], 1))]]"
        }
        func profileText(_ e: Equilibrium) -> String {
            "(\(DecimalText.render(e.row[0], 3)) \(DecimalText.render(e.column[0], 3)))"
        }
        let list = equilibria.map(profileText).joined(separator: " ")
        let chosenText = outcome?.chosen.map { profileText(equilibria[$0]) } ?? "none"
        let detail = "vs \(names[other]): row \(names[rowID]) column \(names[columnID]); A \(render(a)) B \(render(b)); "
            + "equilibria P(proceed) row/column \(list); \(rule.rawValue) chose \(chosenText): "
            + "\(names[me]) \(iProceed ? "proceeds" : "yields")"
        return Outcome(proceeds: iProceed, detail: detail)
    }
}
