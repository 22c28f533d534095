import GameTheory

/// The merge as a game: a ramp car (row player) and a main-lane car (column player) contest one
/// gap; each chooses {go first, yield}. Payoffs are negated predicted MPC costs
/// (``MergeCostModel``):
///
/// | | main goes | main yields |
/// |---|---|---|
/// | **ramp goes** | both: own *first* cost + `conflictPenalty` | ramp *first*, main *second* |
/// | **ramp yields** | ramp *second*, main *first* | both: *second* + (*second* − *first*) + `hesitationCost` |
///
/// Both going is a collision course (the penalty dwarfs any plan's cost); both yielding delays
/// both again by what yielding costs, plus a small hesitation cost, since the conflict is still
/// open at the next decision. So the game is a game of chicken with two strict pure equilibria
/// (one car goes, the other yields) and one mixed; the scenario's rule (``ContestRule``)
/// selects among the pure ones (see ``ContestGame``), ties broken in favour of the main-lane car
/// (the priority road), a role both cars agree on — never their names.
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
    /// Added to the cost of both going [cost units].
    static let conflictPenalty = 1e6
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
        var rampCosts = Self.costs(r), mainCosts = Self.costs(m)
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
        let resolution = game(ramp: ramp, main: main, previous: previous).resolve(rule: rule, priority: .column)
        let order = MergeOrder(rampFirst: resolution.rowGoes && !resolution.columnGoes, reason: resolution.summary)
        if memo.count >= 256 { memo.removeAll(keepingCapacity: true) }
        memo[question] = order
        return order
    }

    static func costs(_ c: (first: Double, second: Double)) -> ContestCosts {
        ContestCosts(first: c.first, second: c.second, bothGo: c.first + conflictPenalty,
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
