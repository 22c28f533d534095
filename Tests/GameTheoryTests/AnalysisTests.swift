import Testing
@testable import GameTheory

/// Best responses, regret, pure equilibria and iterated dominance.
@Suite struct AnalysisTests {
    @Test func bestResponsesAreExactAndIncludeTies() {
        let game = ClassicGames.named("matching-pennies")!
        #expect(game.bestResponses(of: .row, to: [Rational(1, 2), Rational(1, 2)] as [Rational]) == [0, 1])
        #expect(game.bestResponses(of: .row, to: [Rational(2, 3), Rational(1, 3)] as [Rational]) == [0])
        #expect(game.bestResponses(of: .column, to: [Rational(2, 3), Rational(1, 3)] as [Rational]) == [1])
        #expect(game.bestResponses(of: .row, to: [0.5, 0.5]) == [0, 1])
        #expect(game.bestResponses(of: .row, to: [0.25, 0.75]) == [1])
    }

    @Test func regretIsZeroAtEquilibriaAndPositiveElsewhere() {
        let game = ClassicGames.named("battle-of-the-sexes")!
        let mixed = Equilibrium(exactRow: [Rational(3, 5), Rational(2, 5)], exactColumn: [Rational(2, 5), Rational(3, 5)], in: game)
        #expect(mixed.exactRegret(of: .row, in: game) == 0 && mixed.exactRegret(of: .column, in: game) == 0)
        #expect(mixed.isNashEquilibrium(in: game))
        let off = Equilibrium(pureRow: 0, pureColumn: 1, in: game)
        #expect(off.exactRegret(of: .row, in: game) == 2)       // football vs football pays 2, opera 0
        #expect(off.exactRegret(of: .column, in: game) == 2)
        #expect(abs(off.regret(of: .row, in: game) - 2) < 1e-12)
        #expect(!off.isNashEquilibrium(in: game))
        let approximate = Equilibrium(row: [0.6, 0.4], column: [0.4, 0.6], in: game)
        #expect(approximate.exactRegret(of: .row, in: game) == nil)
        #expect(approximate.isNashEquilibrium(in: game))
    }

    @Test func pureEquilibriaOfClassicGames() {
        func cells(_ id: String) -> [[Int]] {
            let game = ClassicGames.named(id)!
            let report = PureEquilibria.find(in: game)
            #expect(report.algorithm == "pure" && report.isComplete && report.isDegenerate == nil)
            return report.equilibria.map { [$0.support(of: .row)[0], $0.support(of: .column)[0]] }
        }
        #expect(cells("prisoners-dilemma") == [[1, 1]])
        #expect(cells("matching-pennies") == [])
        #expect(cells("battle-of-the-sexes") == [[0, 0], [1, 1]])
        #expect(cells("coordination-3x3") == [[0, 0], [1, 1], [2, 2]])
        #expect(cells("colonel-blotto") == [[5, 5]])
        #expect(cells("one-row") == [[0, 1]])
    }

    @Test(arguments: 1...25)
    func pureEquilibriaAreThePureProfilesOfTheFullEnumeration(_ seed: Int) {
        let game = EngineFixtures.randomGame(rows: 4, columns: 5, in: seed % 2 == 0 ? 0...2 : -9...9, seed: UInt64(seed))
        let pure = PureEquilibria.find(in: game).equilibria
        let fromAll = EquilibriumEnumerator().allEquilibria(of: game).equilibria.filter(\.isPure)
        #expect(Set(pure.map { $0.rowExact! + $0.columnExact! }) == Set(fromAll.map { $0.rowExact! + $0.columnExact! }),
                "seed \(seed)")
        let approximate = BimatrixGame(approximateRowPayoffs: game.rowPayoffs, columnPayoffs: game.columnPayoffs)
        #expect(PureEquilibria.find(in: approximate).equilibria.map(\.row) == pure.map(\.row), "seed \(seed)")
    }

    @Test func pureEquilibriaScaleToLargeGames() {
        let game = EngineFixtures.randomGame(rows: 200, columns: 150, in: -1000...1000, seed: 5)
        let report = PureEquilibria.find(in: game)
        for e in report.equilibria {
            #expect(e.exactRegret(of: .row, in: game) == 0 && e.exactRegret(of: .column, in: game) == 0)
        }
    }

    @Test func dominanceReductionMapsAndSteps() {
        let game = ClassicGames.named("prisoners-dilemma")!
        let r = DominanceElimination.reduce(game)
        #expect(r.steps == [DominanceStep(player: .row, eliminated: 0, dominatedBy: 1),
                            DominanceStep(player: .column, eliminated: 0, dominatedBy: 1)])
        #expect(r.rowMap == [1] && r.columnMap == [1])
        #expect(r.game.rows == 1 && r.game.rowLabels == ["defect"])
        let none = DominanceElimination.reduce(ClassicGames.named("matching-pennies")!)
        #expect(none.steps.isEmpty && none.rowMap == [0, 1] && none.game == ClassicGames.named("matching-pennies")!)
    }

    @Test func weakDominanceIsNotEliminated() {
        let game = EngineFixtures.game([[1, 1], [1, 0]], [[1, 1], [1, 1]])
        #expect(DominanceElimination.reduce(game).steps.isEmpty)
    }

    @Test(arguments: 1...25)
    func dominanceNeverRemovesAnEquilibrium(_ seed: Int) {
        let game = EngineFixtures.randomGame(rows: 5, columns: 4, in: -9...9, seed: UInt64(100 + seed))
        let reduced = EquilibriumEnumerator(options: .init(eliminateDominated: true)).allEquilibria(of: game)
        let full = EquilibriumEnumerator(options: .init(eliminateDominated: false)).allEquilibria(of: game)
        #expect(reduced.equilibria == full.equilibria, "seed \(seed)")
        #expect(reduced.isDegenerate == full.isDegenerate, "seed \(seed)")
        for step in reduced.eliminated {
            #expect(reduced.equilibria.allSatisfy { $0.strategy(of: step.player)[step.eliminated] == 0 }, "seed \(seed)")
        }
    }
}
