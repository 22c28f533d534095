import GameTheory
import Optimization
import Testing
@testable import Simulation

/// The merge as a game: the 2 x 2 contest game, the merge-game policy built from MPC costs, and the
/// agreement of two cars that compute it on their own.
@Suite("Merge game")
struct MergeGameTests {
    static let gameRules: [ContestRule] = [.payoffDominant, .welfare, .riskDominant]

    /// Chicken: going first costs 10, second 30, both going a crash, both yielding a delay.
    static let chicken = ContestCosts(first: 10, second: 30, bothGo: 10_010, bothYield: 51)

    @Test("a symmetric contest is a game of chicken: two pure equilibria and one mixed", arguments: gameRules)
    func symmetricChicken(rule: ContestRule) {
        let game = ContestGame(row: Self.chicken, column: Self.chicken)
        for priority in [Player.row, .column] {
            let resolution = game.resolve(rule: rule, priority: priority)
            #expect(resolution.equilibria.count == 3)
            #expect(resolution.equilibria.filter(\.isPure).count == 2)
            // Nothing but the tie-break separates the two pure equilibria: the priority player goes.
            #expect(resolution.goes(priority) && !resolution.goes(priority.opponent), "\(rule) \(priority)")
            for equilibrium in resolution.equilibria {
                #expect(equilibrium.regret(of: .row, in: game.game) <= 1e-9)
                #expect(equilibrium.regret(of: .column, in: game.game) <= 1e-9)
            }
        }
    }

    @Test("welfare lets go first the contender whose yielding costs more; risk dominance compares the deviation losses")
    func asymmetricRules() {
        // Yielding costs the row player 40 more than going, the column player 15 more.
        let row = ContestCosts(first: 5, second: 45, bothGo: 10_005, bothYield: 86)
        let column = ContestCosts(first: 20, second: 35, bothGo: 10_020, bothYield: 51)
        let game = ContestGame(row: row, column: column)
        let welfare = game.resolve(rule: .welfare, priority: .column)
        #expect(welfare.rowGoes && !welfare.columnGoes)   // 5 + 35 < 45 + 20
        // Harsanyi–Selten: (go, yield) has losses (86 − 5)·(10020 − 35), (yield, go) (10005 − 45)·(51 − 20).
        let risk = game.resolve(rule: .riskDominant, priority: .column)
        let goYieldProduct: Double = (86.0 - 5) * (10_020.0 - 35)
        let yieldGoProduct: Double = (10_005.0 - 45) * (51.0 - 20)
        #expect(risk.rowGoes == (goYieldProduct > yieldGoProduct))
        #expect(risk.summary.contains("chose (go,yield) by risk-dominant"))
    }

    func contender(_ id: Int, station: Double, speed: Double = 25, desired: Double = 30) -> MergeContender {
        MergeContender(id: AgentID(index: id), station: station, speed: speed, arrival: 0, desiredSpeed: desired)
    }

    /// The policy one car builds for itself (its own cost model and caches).
    func policy(_ rule: ContestRule) -> any MergeOrderPolicy {
        rule.makeMergePolicy(settings: CarControllerConfig(), dt: 0.1, tuning: .standard, mainYieldExtra: { _ in 3 })
    }

    @Test("two cars in a symmetric conflict each build the same chicken game and pick the same order; names do not matter",
          arguments: gameRules)
    func symmetricMergeAgreement(rule: ContestRule) throws {
        let gamePolicy = try #require(policy(rule) as? MergeGamePolicy)
        let game = gamePolicy.game(ramp: contender(1, station: 180), main: contender(2, station: 180), previous: nil)
        #expect(game.rowCosts == game.columnCosts)
        let resolution = game.resolve(rule: rule, priority: .column)
        #expect(resolution.equilibria.filter(\.isPure).count == 2)

        // Car 1 (ramp) and car 2 (main) decide on their own, each with its own policy.
        let rampView = policy(rule).order(ramp: contender(1, station: 180), main: contender(2, station: 180), previous: nil)
        let mainView = policy(rule).order(ramp: contender(1, station: 180), main: contender(2, station: 180), previous: nil)
        #expect(rampView == mainView)
        #expect(!rampView.rampFirst)   // the priority road goes first
        // Swapping the names (ids) changes nothing.
        let swapped = policy(rule).order(ramp: contender(2, station: 180), main: contender(1, station: 180), previous: nil)
        #expect(swapped.rampFirst == rampView.rampFirst)
    }

    @Test("in a tie the car ahead goes first, whichever lane it is in")
    func aheadHasPriority() {
        let rampAhead = policy(.payoffDominant).order(ramp: contender(1, station: 200), main: contender(2, station: 190),
                                                      previous: nil)
        #expect(rampAhead.rampFirst)
        let mainAhead = policy(.payoffDominant).order(ramp: contender(1, station: 190), main: contender(2, station: 200),
                                                      previous: nil)
        #expect(!mainAhead.rampFirst)
    }

    @Test("seeded random pairs: both cars agree, the welfare order has the least total cost, costs form a chicken game")
    func randomPairs() throws {
        var random = SplitMix64(seed: 77)
        for trial in 0..<40 {
            let ramp = contender(1, station: 150 + 60 * SplitMix64.unit(random.next()), speed: 15 + 12 * SplitMix64.unit(random.next()),
                                 desired: 25 + 6 * SplitMix64.unit(random.next()))
            let main = contender(2, station: 150 + 60 * SplitMix64.unit(random.next()), speed: 15 + 12 * SplitMix64.unit(random.next()),
                                 desired: 25 + 6 * SplitMix64.unit(random.next()))
            let previous: Bool? = trial % 3 == 0 ? nil : trial % 3 == 1
            for rule in Self.gameRules {
                let one = policy(rule).order(ramp: ramp, main: main, previous: previous)
                let two = policy(rule).order(ramp: ramp, main: main, previous: previous)
                #expect(one == two, "trial \(trial) \(rule)")
            }
            let model = try #require(policy(.welfare) as? MergeGamePolicy)
            let game = model.game(ramp: ramp, main: main, previous: previous)
            // Without a previous order (no switching cost) the costs have the chicken structure.
            for costs in [game.rowCosts, game.columnCosts] where previous == nil {
                #expect(costs.first >= 0 && costs.second >= costs.first && costs.bothYield > costs.second
                        && costs.bothGo > costs.bothYield, "trial \(trial)")
            }
            let rampFirstTotal = game.rowCosts.first + game.columnCosts.second
            let mainFirstTotal = game.rowCosts.second + game.columnCosts.first
            let order = model.order(ramp: ramp, main: main, previous: previous)
            if abs(rampFirstTotal - mainFirstTotal) > 1e-6 * (1 + rampFirstTotal) {
                #expect(order.rampFirst == (rampFirstTotal < mainFirstTotal), "trial \(trial)")
            }
        }
    }

    @Test("fcfs is not a game: it keeps the ticket order")
    func fcfsPolicy() {
        let order = policy(.firstComeFirstServed).order(
            ramp: MergeContender(id: AgentID(index: 1), station: 0, speed: 20, arrival: 3),
            main: MergeContender(id: AgentID(index: 2), station: 0, speed: 20, arrival: 4), previous: nil)
        #expect(order.rampFirst && order.reason.hasPrefix("ticket"))
    }
}
