import Testing
@testable import GameTheory

/// Equilibrium selection on classic games whose answers are known, plus the invariances the simulator
/// relies on (order of the equilibria, swapped presentation).
@Suite("Equilibrium selection")
struct SelectionTests {
    // MARK: Fixtures (equilibria written out, so these tests do not depend on a solver)

    static func game(_ a: [[Int]], _ b: [[Int]], rows: [String], columns: [String]) -> BimatrixGame {
        BimatrixGame(rowPayoffs: Matrix(a.map { $0.map { Rational($0) } }),
                     columnPayoffs: Matrix(b.map { $0.map { Rational($0) } }), rowLabels: rows, columnLabels: columns)
    }

    static func profile(_ x: [Rational], _ y: [Rational], _ game: BimatrixGame) -> Equilibrium {
        Equilibrium(exactRow: x, exactColumn: y, in: game)
    }

    static let stagHunt = game([[4, 0], [3, 3]], [[4, 3], [0, 3]], rows: ["Stag", "Hare"], columns: ["Stag", "Hare"])
    static let stagHuntEquilibria = [
        profile([1, 0], [1, 0], stagHunt),
        profile([0, 1], [0, 1], stagHunt),
        profile([Rational(3, 4), Rational(1, 4)], [Rational(3, 4), Rational(1, 4)], stagHunt),
    ]

    static let battle = game([[3, 0], [0, 2]], [[2, 0], [0, 3]], rows: ["Opera", "Football"],
                             columns: ["Opera", "Football"])
    static let battleEquilibria = [
        profile([1, 0], [1, 0], battle),
        profile([0, 1], [0, 1], battle),
        profile([Rational(3, 5), Rational(2, 5)], [Rational(2, 5), Rational(3, 5)], battle),
    ]

    static let prisoners = game([[3, 0], [5, 1]], [[3, 5], [0, 1]], rows: ["C", "D"], columns: ["C", "D"])
    static let prisonersEquilibria = [profile([0, 1], [0, 1], prisoners)]

    static let chicken = game([[0, -1], [1, -10]], [[0, 1], [-1, -10]], rows: ["Swerve", "Straight"],
                              columns: ["Swerve", "Straight"])
    static let chickenEquilibria = [
        profile([0, 1], [1, 0], chicken),
        profile([1, 0], [0, 1], chicken),
        profile([Rational(9, 10), Rational(1, 10)], [Rational(9, 10), Rational(1, 10)], chicken),
    ]

    static let pennies = game([[1, -1], [-1, 1]], [[-1, 1], [1, -1]], rows: ["H", "T"], columns: ["H", "T"])
    static let penniesEquilibria = [profile([Rational(1, 2), Rational(1, 2)], [Rational(1, 2), Rational(1, 2)], pennies)]

    static let rps = game([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], [[0, 1, -1], [-1, 0, 1], [1, -1, 0]],
                          rows: ["R", "P", "S"], columns: ["R", "P", "S"])

    // MARK: Stag hunt: payoff dominance and risk dominance disagree

    @Test func stagHuntPayoffDominantIsStagStag() throws {
        let outcome = try EquilibriumSelection.select(.pareto, among: Self.stagHuntEquilibria, in: Self.stagHunt)
        #expect(outcome.selected == [0])
        #expect(outcome.chosen == 0)
        #expect(outcome.notes.first == "payoff dominance (Pareto): equilibrium 1 is Pareto-optimal among the 3 equilibria")
    }

    @Test func stagHuntRiskDominantIsHareHare() throws {
        let outcome = try EquilibriumSelection.select(.risk, among: Self.stagHuntEquilibria, in: Self.stagHunt)
        #expect(outcome.selected == [1])
        #expect(outcome.chosen == 1)
        #expect(outcome.marks.map(\.deviationLossProductExact) == [1, 9, nil])
        #expect(outcome.marks.map(\.isRiskDominant) == [false, true, nil])
        #expect(outcome.notes == [
            "risk dominance (Harsanyi-Selten): (Hare, Hare) risk-dominates (Stag, Stag): products of deviation losses 9 > 1",
            "equilibrium 2 (Hare, Hare) with payoffs (3, 3) is not Pareto-optimal among all outcomes: (Stag, Stag) gives (4, 4)",
        ])
    }

    @Test func stagHuntWelfareAndMaxmin() throws {
        let welfare = try EquilibriumSelection.select(.welfare, among: Self.stagHuntEquilibria, in: Self.stagHunt)
        #expect(welfare.selected == [0])
        #expect(welfare.marks.map(\.welfareExact) == [8, 6, 6])
        let maxmin = try EquilibriumSelection.select(.maxmin, among: Self.stagHuntEquilibria, in: Self.stagHunt)
        #expect(maxmin.selected == [1])
        #expect(maxmin.marks.map(\.rowSecurityLevelExact) == [0, 3, Rational(3, 4)])
        #expect(maxmin.marks.map(\.columnSecurityLevelExact) == [0, 3, Rational(3, 4)])
        #expect(maxmin.notes.first?.contains("guarantee 3 to the row player and 3 to the column player") == true)
    }

    // MARK: Battle of the sexes: two Pareto-optimal pure equilibria, deterministic tie-break

    @Test func battleOfTheSexesHasTwoParetoOptimalEquilibria() throws {
        let outcome = try EquilibriumSelection.select(.pareto, among: Self.battleEquilibria, in: Self.battle)
        #expect(outcome.selected == [0, 1])
        #expect(outcome.marks.map(\.isParetoOptimalAmongEquilibria) == [true, true, false])
        #expect(outcome.marks.map(\.isParetoOptimalAmongOutcomes) == [true, true, false])
        #expect(outcome.chosen == 0)  // favouring the row player: (Opera, Opera) pays it 3
        #expect(outcome.notes.contains("tie broken favouring the row player: equilibrium 1 (Opera, Opera) "
                                       + "(higher payoff for the row player)"))
    }

    @Test(arguments: [Player.row, .column])
    func battleOfTheSexesTieBreakIgnoresOrderOfEquilibria(priority: Player) throws {
        let expected = priority == .row ? Self.battleEquilibria[0] : Self.battleEquilibria[1]
        for permutation in Self.permutations(of: Array(Self.battleEquilibria.indices)) {
            let list = permutation.map { Self.battleEquilibria[$0] }
            for rule in [SelectionRule.pareto, .welfare, .risk] {
                let outcome = try EquilibriumSelection.select(rule, among: list, in: Self.battle,
                                                              tieBreak: TieBreak(favouring: priority))
                #expect(outcome.chosen.map { list[$0] } == expected, "rule \(rule), order \(permutation)")
            }
        }
    }

    @Test func battleOfTheSexesRiskIsATie() throws {
        let outcome = try EquilibriumSelection.select(.risk, among: Self.battleEquilibria, in: Self.battle,
                                                      tieBreak: TieBreak(favouring: .column))
        #expect(outcome.selected == [0, 1])
        #expect(outcome.chosen == 1)
        #expect(outcome.notes.first?.contains("products of deviation losses are equal (6)") == true)
    }

    @Test func swappedPresentationSelectsTheSameProfile() throws {
        // Agent X is the row player of `battle`; agent Y sees the swapped game and is its row player.
        // X has the lower id, so X has priority in both presentations.
        let swappedGame = Self.battle.swappingPlayers()
        let swappedList = Self.battleEquilibria.reversed().map { Self.swapped($0, in: swappedGame) }
        for rule in [SelectionRule.pareto, .welfare, .risk, .maxmin] {
            let x = try EquilibriumSelection.select(rule, among: Self.battleEquilibria, in: Self.battle,
                                                    tieBreak: .favouringLower(rowIdentity: 1, columnIdentity: 2))
            let y = try EquilibriumSelection.select(rule, among: swappedList, in: swappedGame,
                                                    tieBreak: .favouringLower(rowIdentity: 2, columnIdentity: 1))
            let chosenX = try #require(x.chosen.map { Self.battleEquilibria[$0] })
            let chosenY = try #require(y.chosen.map { swappedList[$0] })
            #expect(Self.swapped(chosenX, in: swappedGame) == chosenY, "rule \(rule)")
        }
    }

    // MARK: Prisoner's dilemma: the unique equilibrium is Pareto-dominated by an outcome

    @Test func prisonersDilemmaEquilibriumIsNotParetoOptimalAmongOutcomes() throws {
        let outcome = try EquilibriumSelection.select(.pareto, among: Self.prisonersEquilibria, in: Self.prisoners)
        #expect(outcome.selected == [0])
        #expect(outcome.marks[0].isParetoOptimalAmongEquilibria)
        #expect(!outcome.marks[0].isParetoOptimalAmongOutcomes)
        #expect(outcome.marks[0].dominatingOutcomes == [PureOutcome(row: 0, column: 0)])
        #expect(outcome.notes == [
            "payoff dominance (Pareto): equilibrium 1 is the only equilibrium",
            "equilibrium 1 (D, D) with payoffs (1, 1) is not Pareto-optimal among all outcomes: (C, C) gives (3, 3)",
        ])
    }

    @Test func prisonersDilemmaRiskIsNotApplicable() {
        #expect(throws: SelectionError.notApplicable(
            rule: .risk, reason: "it compares two strict pure equilibria, and this 2x2 game has only one "
                + "strict pure equilibrium")) {
            try EquilibriumSelection.select(.risk, among: Self.prisonersEquilibria, in: Self.prisoners)
        }
    }

    // MARK: Risk dominance: applicability, anti-diagonal, invariances

    @Test func riskIsNotApplicableOutsideTwoByTwo() {
        let equilibria = [Self.profile(Array(repeating: Rational(1, 3), count: 3),
                                       Array(repeating: Rational(1, 3), count: 3), Self.rps)]
        do {
            _ = try EquilibriumSelection.select(.risk, among: equilibria, in: Self.rps)
            Issue.record("expected notApplicable")
        } catch {
            #expect(error.description == "risk dominance (Harsanyi-Selten) is not applicable: it compares the two "
                    + "strict pure equilibria of a 2x2 game, and this game is 3x3")
        }
        // The other rules still work and marks say risk does not apply.
        #expect((try? EquilibriumSelection.select(.pareto, among: equilibria, in: Self.rps))?.chosen == 0)
        #expect(EquilibriumSelection.marks(of: equilibria, in: Self.rps)[0].isRiskDominant == nil)
    }

    @Test func riskIsNotApplicableWithoutStrictPureEquilibria() {
        #expect(throws: SelectionError.self) {
            try EquilibriumSelection.select(.risk, among: Self.penniesEquilibria, in: Self.pennies)
        }
    }

    @Test func riskNeedsBothStrictEquilibriaInTheList() {
        #expect(throws: SelectionError.notApplicable(
            rule: .risk, reason: "the equilibria given do not include the strict pure equilibrium (Hare, Hare)")) {
            try EquilibriumSelection.select(.risk, among: [Self.stagHuntEquilibria[0]], in: Self.stagHunt)
        }
    }

    @Test func chickenRiskOnTheAntiDiagonalIsATie() throws {
        let outcome = try EquilibriumSelection.select(.risk, among: Self.chickenEquilibria, in: Self.chicken)
        #expect(outcome.marks.map(\.deviationLossProductExact) == [9, 9, nil])
        #expect(outcome.selected == [0, 1])
        #expect(outcome.chosen == 0)  // (Straight, Swerve) pays the row player 1
    }

    @Test func riskDominanceIsInvariantUnderPositiveAffineChanges() throws {
        // Row payoffs times 2 plus 5, column payoffs times 3 minus 1: Hare still risk-dominates.
        let a = Self.stagHunt.exactRowPayoffs!.map { $0 * 2 + 5 }
        let b = Self.stagHunt.exactColumnPayoffs!.map { $0 * 3 - 1 }
        let game = BimatrixGame(rowPayoffs: a, columnPayoffs: b)
        let equilibria = Self.stagHuntEquilibria.map { Self.profile($0.rowExact!, $0.columnExact!, game) }
        #expect(try EquilibriumSelection.select(.risk, among: equilibria, in: game).selected == [1])
    }

    @Test func emptyListSelectsNothing() throws {
        for rule in SelectionRule.allCases {
            let outcome = try EquilibriumSelection.select(rule, among: [], in: Self.stagHunt)
            #expect(outcome.chosen == nil)
            #expect(outcome.selected.isEmpty)
            #expect(outcome.notes == ["no equilibria to select from"])
        }
    }

    // MARK: Tie-break details

    @Test func equalPayoffsAreBrokenByStrategyOrder() throws {
        // Pure coordination: (1, 1) at (a, a) and at (b, b). Favouring either player picks (a, a).
        let game = Self.game([[1, 0], [0, 1]], [[1, 0], [0, 1]], rows: ["a", "b"], columns: ["a", "b"])
        let list = [Self.profile([0, 1], [0, 1], game), Self.profile([1, 0], [1, 0], game)]
        for priority in Player.allCases {
            let outcome = try EquilibriumSelection.select(.welfare, among: list, in: game,
                                                          tieBreak: TieBreak(favouring: priority))
            #expect(outcome.selected == [0, 1])
            #expect(outcome.chosen == 1)
        }
    }

    @Test func favouringLowerIdentity() {
        #expect(TieBreak.favouringLower(rowIdentity: "car-2", columnIdentity: "car-10").priority == .column)
        #expect(TieBreak.favouringLower(rowIdentity: 3, columnIdentity: 7).priority == .row)
        #expect(TieBreak(favouring: .row).swappingPlayers() == TieBreak(favouring: .column))
    }

    @Test func approximateGameSelectsLikeTheExactOne() throws {
        // Stag hunt in floating point with noise far below the tolerance.
        let game = BimatrixGame(approximateRowPayoffs: Matrix([[4, 1e-13], [3, 3]]),
                                columnPayoffs: Matrix([[4, 3], [0, 3 + 1e-13]]),
                                rowLabels: ["Stag", "Hare"], columnLabels: ["Stag", "Hare"])
        let list = [Equilibrium(row: [1, 0], column: [1, 0], in: game),
                    Equilibrium(row: [0, 1], column: [0, 1], in: game),
                    Equilibrium(row: [0.75, 0.25], column: [0.75, 0.25], in: game)]
        #expect(try EquilibriumSelection.select(.pareto, among: list, in: game).selected == [0])
        #expect(try EquilibriumSelection.select(.risk, among: list, in: game).selected == [1])
        #expect(try EquilibriumSelection.select(.maxmin, among: list, in: game).selected == [1])
        let noisyTie = BimatrixGame(approximateRowPayoffs: Matrix([[3, 0], [0, 2 + 1e-12]]),
                                    columnPayoffs: Matrix([[2, 0], [0, 3]]))
        let tied = [Equilibrium(row: [1, 0], column: [1, 0], in: noisyTie),
                    Equilibrium(row: [0, 1], column: [0, 1], in: noisyTie)]
        #expect(try EquilibriumSelection.select(.welfare, among: tied, in: noisyTie).selected == [0, 1])
    }

    // MARK: Reports

    @Test func reportSelectionMarksOrKeepsOnlyTheSelected() throws {
        let list = [Self.battleEquilibria[2], Self.battleEquilibria[0], Self.battleEquilibria[1]]
        let report = EquilibriumReport(game: Self.battle, algorithm: "support-enumeration", equilibria: list)
        let kept = try report.selecting(.pareto, keepingAll: true)
        #expect(kept.report.equilibria == list)
        #expect(kept.options.selected == [1, 2])
        #expect(kept.options.selectionLegend == "payoff dominance (Pareto)")
        #expect(kept.report.notes == [
            "payoff dominance (Pareto): equilibria 2 and 3 are Pareto-optimal among the 3 equilibria",
            "tie broken favouring the row player: equilibrium 2 (Opera, Opera) (higher payoff for the row player)",
        ])
        let only = try report.selecting(.pareto, tieBreak: TieBreak(favouring: .column), keepingAll: false)
        #expect(only.report.equilibria == [list[1], list[2]])
        #expect(only.options.selected == [0, 1])
        #expect(only.outcome.selected == [1, 2])
        #expect(only.outcome.chosen == 2)
        #expect(only.report.notes == [
            "payoff dominance (Pareto): equilibria 1 and 2 are Pareto-optimal among the 3 equilibria",
            "tie broken favouring the column player: equilibrium 2 (Football, Football) "
                + "(higher payoff for the column player)",
        ])
        #expect(throws: SelectionError.self) {
            try EquilibriumReport(game: Self.rps, algorithm: "lp", equilibria: []).selecting(.risk, keepingAll: false)
        }
    }

    // MARK: Properties over seeded random games

    /// For random exact games and random lists of profiles (pure equilibria always included, so risk
    /// dominance applies when it can): shuffling the list, or presenting the swapped game with the
    /// swapped tie-break, selects the same profiles.
    @Test(arguments: 0..<40)
    func selectionIsPresentationIndependent(seed: UInt64) throws {
        var rng = SelectionRNG(seed: seed)
        let rows = Int.random(in: 2...3, using: &rng), columns = Int.random(in: 2...3, using: &rng)
        let entry = { (rng: inout SelectionRNG) in Rational(Int.random(in: -3...3, using: &rng)) }
        let game = BimatrixGame(rowPayoffs: Matrix(rows: rows, columns: columns) { _, _ in entry(&rng) },
                                columnPayoffs: Matrix(rows: rows, columns: columns) { _, _ in entry(&rng) })
        var list: [Equilibrium] = []
        for i in 0..<rows { for j in 0..<columns { list.append(Equilibrium(pureRow: i, pureColumn: j, in: game)) } }
        list.shuffle(using: &rng)
        list = Array(list.prefix(Int.random(in: 1...list.count, using: &rng)))
        list.append(Self.profile(Self.randomDistribution(rows, &rng), Self.randomDistribution(columns, &rng), game))
        let swappedGame = game.swappingPlayers()
        for rule in SelectionRule.allCases {
            for priority in Player.allCases {
                let tieBreak = TieBreak(favouring: priority)
                let outcome: SelectionOutcome
                do {
                    outcome = try EquilibriumSelection.select(rule, among: list, in: game, tieBreak: tieBreak)
                } catch {
                    #expect(rule == .risk, "seed \(seed): \(error)")
                    continue
                }
                let shuffled = list.shuffled(using: &rng)
                let again = try EquilibriumSelection.select(rule, among: shuffled, in: game, tieBreak: tieBreak)
                #expect(Set(again.selected.map { shuffled[$0] }) == Set(outcome.selected.map { list[$0] }),
                        "seed \(seed) rule \(rule)")
                #expect(again.chosen.map { shuffled[$0] } == outcome.chosen.map { list[$0] }, "seed \(seed) rule \(rule)")
                let swappedList = shuffled.map { Self.swapped($0, in: swappedGame) }
                let mirrored = try EquilibriumSelection.select(rule, among: swappedList, in: swappedGame,
                                                               tieBreak: tieBreak.swappingPlayers())
                #expect(Set(mirrored.selected.map { swappedList[$0] })
                        == Set(outcome.selected.map { Self.swapped(list[$0], in: swappedGame) }),
                        "seed \(seed) rule \(rule)")
                #expect(mirrored.chosen.map { swappedList[$0] } == outcome.chosen.map { Self.swapped(list[$0], in: swappedGame) },
                        "seed \(seed) rule \(rule) priority \(priority)")
                #expect(outcome.chosen.map(outcome.selected.contains) == true)
            }
        }
    }

    // MARK: With the engine: the catalogue and independently enumerated presentations

    /// The classics of the catalogue, enumerated by `EquilibriumEnumerator`: the known answers.
    @Test func catalogueGamesSelectTheKnownEquilibria() throws {
        func pure(_ id: String, _ rule: SelectionRule, _ priority: Player = .row) throws -> [String] {
            let game = try #require(ClassicGames.named(id))
            let report = EquilibriumEnumerator().allEquilibria(of: game)
            let outcome = try EquilibriumSelection.select(rule, among: report.equilibria, in: game,
                                                          tieBreak: TieBreak(favouring: priority))
            return outcome.selected.map { k in
                let e = report.equilibria[k]
                guard e.isPure else { return "mixed" }
                return game.rowLabels[e.support(of: .row)[0]] + "/" + game.columnLabels[e.support(of: .column)[0]]
            } + ["chosen " + (outcome.chosen.map { k in
                let e = report.equilibria[k]
                return e.isPure ? game.rowLabels[e.support(of: .row)[0]] : "mixed"
            } ?? "none")]
        }
        #expect(try pure("stag-hunt", .pareto) == ["stag/stag", "chosen stag"])
        #expect(try pure("stag-hunt", .risk) == ["hare/hare", "chosen hare"])
        #expect(try pure("stag-hunt", .maxmin) == ["hare/hare", "chosen hare"])
        #expect(try pure("battle-of-the-sexes", .pareto) == ["opera/opera", "football/football", "chosen opera"])
        #expect(try pure("battle-of-the-sexes", .pareto, .column) == ["opera/opera", "football/football",
                                                                      "chosen football"])
        #expect(try pure("prisoners-dilemma", .pareto) == ["defect/defect", "chosen defect"])
        #expect(try pure("chicken", .welfare) == ["swerve/straight", "straight/swerve", "chosen straight"])
        let pd = try #require(ClassicGames.named("prisoners-dilemma"))
        let marks = EquilibriumSelection.marks(of: EquilibriumEnumerator().allEquilibria(of: pd).equilibria, in: pd)
        #expect(marks.map(\.dominatingOutcomes) == [[PureOutcome(row: 0, column: 0)]])
    }

    /// What the simulator does: two agents each enumerate the game from their own viewpoint (one of
    /// them the swapped game) and select with the same canonical priority; they pick the same profile.
    @Test(arguments: 0..<25)
    func agentsWithSwappedViewpointsAgree(seed: UInt64) throws {
        var rng = SelectionRNG(seed: seed &+ 1000)
        let rows = Int.random(in: 2...3, using: &rng), columns = Int.random(in: 2...3, using: &rng)
        let entry = { (rng: inout SelectionRNG) in Rational(Int.random(in: -2...2, using: &rng)) }
        let game = BimatrixGame(rowPayoffs: Matrix(rows: rows, columns: columns) { _, _ in entry(&rng) },
                                columnPayoffs: Matrix(rows: rows, columns: columns) { _, _ in entry(&rng) })
        let swapped = game.swappingPlayers()
        let mine = EquilibriumEnumerator().allEquilibria(of: game).equilibria
        let theirs = EquilibriumEnumerator().allEquilibria(of: swapped).equilibria
        let agentX = "car-1", agentY = "car-2"  // X is the row player of `game`, Y of `swapped`
        for rule in SelectionRule.allCases {
            let x = try? EquilibriumSelection.select(rule, among: mine, in: game,
                                                     tieBreak: .favouringLower(rowIdentity: agentX, columnIdentity: agentY))
            let y = try? EquilibriumSelection.select(rule, among: theirs, in: swapped,
                                                     tieBreak: .favouringLower(rowIdentity: agentY, columnIdentity: agentX))
            #expect((x == nil) == (y == nil), "seed \(seed) rule \(rule)")
            guard let x, let y, let cx = x.chosen, let cy = y.chosen else { continue }
            #expect(Self.swapped(mine[cx], in: swapped) == theirs[cy], "seed \(seed) rule \(rule)")
        }
    }

    // MARK: Helpers

    static func swapped(_ e: Equilibrium, in swappedGame: BimatrixGame) -> Equilibrium {
        if let x = e.rowExact, let y = e.columnExact { return Equilibrium(exactRow: y, exactColumn: x, in: swappedGame) }
        return Equilibrium(row: e.column, column: e.row, in: swappedGame)
    }

    fileprivate static func randomDistribution(_ count: Int, _ rng: inout SelectionRNG) -> [Rational] {
        let weights = (0..<count).map { _ in Int.random(in: 0...4, using: &rng) }
        let total = weights.reduce(0, +)
        if total == 0 { return (0..<count).map { $0 == 0 ? 1 : 0 } }
        return weights.map { Rational($0) / Rational(total) }
    }

    static func permutations(of items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { k in
            var rest = items
            let head = rest.remove(at: k)
            return permutations(of: rest).map { [head] + $0 }
        }
    }
}

/// A small seeded generator (SelectionRNG) so failures name a reproducible seed.
private struct SelectionRNG: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49B8_133E_B111
        return z ^ (z >> 31)
    }
}
