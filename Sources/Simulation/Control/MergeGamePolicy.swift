import GameTheory

/// The merge as a game: a ramp car (row player) and a main-lane car (column player) contest one
/// gap; each chooses {go first, yield}. Payoffs are negated predicted MPC costs
/// (``MergeCostModel``):
///
/// | | main goes | main yields |
/// |---|---|---|
/// | **ramp goes** | both: own *first* cost + the conflict penalty | ramp *first*, main *second* |
/// | **ramp yields** | ramp *second*, main *first* | both: *second* + (*second* − *first*) + `hesitationCost` |
///
/// Both going is a collision course: the penalty is ``baseConflictPenalty`` plus ten times the
/// larger of the two cars' costs of yielding (*second* − *first*), so that going is never a
/// best response to going. Both yielding delays both again by what yielding costs, plus a small
/// hesitation cost, since the conflict is still open at the next decision. So the game is a game
/// of chicken with two strict pure equilibria (one car goes, the other yields) and one mixed;
/// the scenario's rule (``ContestRule``) selects among the pure ones (see ``ContestGame``).
///
/// Ties (payoff dominance often ties in chicken: each car prefers the equilibrium where it goes)
/// are broken in favour of the car that is ahead by more than ``aheadMargin`` (stations
/// projected onto the main lane), and otherwise of the main-lane car (the priority road): facts
/// both cars see alike — never their names. The rules differ as follows: welfare lets go first
/// the car whose yielding would cost more than the other's; risk dominance compares the
/// products of the deviation losses, which with a penalty far above the plans' costs orders the
/// pair much like welfare (they differ when the penalty is not far above: in dense, slow traffic);
/// payoff dominance is the tie-break wherever neither equilibrium is better for both.
///
/// Commitment: the outcome that reverses the pair's previous order costs both cars
/// ``ControllerTuning/mergeSwitchCost`` more (re-planning a merge that is under way), so an
/// order does not flip back and forth when the two orders cost nearly the same.
///
/// Chains (several ramp cars, a platoon): the merge is decided pair by pair, each ramp car with
/// each main-lane contender it senses, and ``MergeCoordinator`` makes the pairwise orders
/// consistent with the order of each lane. A larger game over all orders of k cars would have
/// k! strategies per player (and need every car to see the same set of cars); the pairwise
/// games keep the decision local, cheap (a 2 x 2 game per pair) and explainable.
final class MergeGamePolicy: MergeOrderPolicy {
    /// The part of the conflict penalty that does not depend on the costs [cost units].
    static let baseConflictPenalty = 1e4
    /// A car more than this far ahead of the other [m] has priority in ties.
    static let aheadMargin = 1.0
    /// Added to both cars' cost when both yield [cost units].
    static let hesitationCost = 1.0

    let rule: ContestRule
    let model: MergeCostModel
    let switchCost: Double
    /// Orders already decided for exactly these arguments (the tentative rounds and the Nash
    /// gap's best response ask again within a step); a pure cache, emptied when it grows.
    private var memo: [Question: MergeOrder] = [:]

    private struct Question: Hashable {
        var ramp: MergeContender
        var main: MergeContender
        var previous: Bool?
    }

    /// - Precondition: `rule` is a game rule.
    init(rule: ContestRule, model: MergeCostModel, switchCost: Double) {
        precondition(rule.selectionRule != nil, "fcfs is not a game rule")
        self.rule = rule
        self.model = model
        self.switchCost = switchCost
    }

    var name: String { rule.rawValue }

    /// The game of the pair as both cars build it.
    func game(ramp: MergeContender, main: MergeContender, previous: Bool?) -> ContestGame {
        let r = model.costs(of: ramp, against: main, isMain: false)
        let m = model.costs(of: main, against: ramp, isMain: true)
        let penalty = Self.baseConflictPenalty + 10 * Swift.max(0, r.second - r.first, m.second - m.first)
        var rampCosts = Self.costs(r, penalty: penalty), mainCosts = Self.costs(m, penalty: penalty)
        switch previous {
        case true?:   // the ramp car went first: (ramp yields, main goes) would reverse it
            rampCosts.second += switchCost
            mainCosts.first += switchCost
        case false?:  // the main-lane car went first: (ramp goes, main yields) would reverse it
            rampCosts.first += switchCost
            mainCosts.second += switchCost
        case nil:
            break
        }
        return ContestGame(row: rampCosts, column: mainCosts)
    }

    func order(ramp: MergeContender, main: MergeContender, previous: Bool?) -> MergeOrder {
        let question = Question(ramp: ramp, main: main, previous: previous)
        if let known = memo[question] { return known }
        let priority: Player = ramp.station > main.station + Self.aheadMargin ? .row : .column
        let resolution = game(ramp: ramp, main: main, previous: previous).resolve(rule: rule, priority: priority)
        let order = MergeOrder(rampFirst: resolution.rowGoes && !resolution.columnGoes, reason: resolution.summary)
        if memo.count >= 256 { memo.removeAll(keepingCapacity: true) }
        memo[question] = order
        return order
    }

    static func costs(_ c: (first: Double, second: Double), penalty: Double) -> ContestCosts {
        ContestCosts(first: c.first, second: c.second, bothGo: c.first + penalty,
                     bothYield: c.second + (c.second - c.first) + hesitationCost)
    }
}

extension ContestRule {
    /// The merge-order policy of a car with these settings.
    func makeMergePolicy(settings: CarControllerConfig, dt: Double, tuning: ControllerTuning,
                         mainYieldExtra: @escaping (Double) -> Double) -> any MergeOrderPolicy {
        guard selectionRule != nil else { return FirstComeFirstServed() }
        let model = MergeCostModel(settings: settings, dt: dt, tuning: tuning, mainYieldExtra: mainYieldExtra)
        return MergeGamePolicy(rule: self, model: model, switchCost: tuning.mergeSwitchCost)
    }
}
