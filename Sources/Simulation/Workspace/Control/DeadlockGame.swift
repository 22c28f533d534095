import GameTheory

/// The deadlock between two robots that block each other, as the shared 2 x 2 ``ContestGame``
/// {go (proceed), yield}.
///
/// Both robots build the *same* game from the two bids (each robot's own estimates, fixed when
/// the contest starts and broadcast in its intent), with the lower id as the row player, and
/// resolve it with the scenario's rule and the tie-break favouring the row player (the lower id)
/// — so both agree without another round of messages.
///
/// Costs [s] of a robot with bid (T, r) — T its time to goal when it proceeds, r its time to back
/// off out of the other's way (``DeadlockBid``):
///
/// |            | other proceeds   | other yields                |
/// |------------|------------------|-----------------------------|
/// | proceed    | T + stuck        | T + proceedDelay            |
/// | yield      | T + 2r + pass    | T + 2r + bothYieldDelay     |
///
/// (yielding costs the way out, the wait while the other passes and the way back; both
/// proceeding leaves both stuck; see ``RobotTuning`` for the constants). When both retreat costs
/// are below `(stuck − pass) / 2`, this is a game of chicken with two pure equilibria — one
/// yields, the other proceeds — and a mixed one; welfare and risk dominance make the robot with
/// the cheaper retreat yield; payoff dominance cannot tell the two pure equilibria apart (each
/// robot prefers the one where it proceeds), so the priority — the lower id — proceeds. A robot
/// that found no place to back off to bids ``DeadlockBid/unableToYield``, which makes proceeding
/// its dominant strategy.
///
/// With `fcfs` (the baseline without a game) the robot with the cheaper retreat yields (ties:
/// the higher id).
public enum DeadlockGame {
    /// The rule used unless the scenario says otherwise.
    public static let defaultRule = ContestRule.welfare

    /// The outcome for one robot.
    struct Outcome: Sendable {
        /// Whether the robot asking proceeds (else it yields).
        var proceeds: Bool
        /// For events.csv: costs, equilibria and the chosen one.
        var detail: String
    }

    /// The contest costs [s] of a robot with `bid`.
    static func costs(_ bid: DeadlockBid, tuning: RobotTuning) -> ContestCosts {
        let t = bid.proceedTime, r = bid.retreatTime
        return ContestCosts(first: t + tuning.proceedDelay, second: t + 2 * r + tuning.passTime,
                            bothGo: t + tuning.stuckPenalty, bothYield: t + 2 * r + tuning.bothYieldDelay)
    }

    /// The game between `me` (bid `mine`) and `other` (bid `theirs`), resolved with `rule`; the
    /// outcome is `me`'s.
    static func resolve(me: AgentID, mine: DeadlockBid, other: AgentID, theirs: DeadlockBid, rule: ContestRule,
                        tuning: RobotTuning, names: AgentDirectory) -> Outcome {
        let meIsRow = me < other
        let (rowBid, columnBid) = meIsRow ? (mine, theirs) : (theirs, mine)
        let (rowID, columnID) = meIsRow ? (me, other) : (other, me)
        let header = "vs \(names[other]) (row \(names[rowID]), column \(names[columnID])): "
        let rowGoes: Bool
        let text: String
        if rule == .firstComeFirstServed {
            rowGoes = rowBid.retreatTime >= columnBid.retreatTime
            text = "fcfs baseline, no game: retreat row \(DecimalText.render(rowBid.retreatTime)) s, column "
                + "\(DecimalText.render(columnBid.retreatTime)) s, the cheaper retreat yields"
        } else {
            let game = ContestGame(row: costs(rowBid, tuning: tuning), column: costs(columnBid, tuning: tuning))
            let resolution = game.resolve(rule: rule, priority: .row)
            rowGoes = resolution.rowGoes
            text = resolution.summary
        }
        let proceeds = meIsRow ? rowGoes : !rowGoes
        return Outcome(proceeds: proceeds, detail: header + text + "; \(names[me]) \(proceeds ? "proceeds" : "yields")")
    }
}
