import BigInt
import Testing
@testable import GameTheory

/// Shapes and payoffs at the edges: 1 x n, m x 1, 1 x 1, all-zero and constant games, huge and
/// fractional payoffs, approximate games, cancellation and time budgets.
@Suite struct EngineEdgeCaseTests {
    @Test func oneByOne() {
        let report = EquilibriumEnumerator().allEquilibria(of: EngineFixtures.game([[5]], [[-2]]))
        #expect(report.equilibria.map(\.rowExact) == [[1]])
        #expect(report.equilibria.first?.rowPayoffExact == 5 && report.equilibria.first?.columnPayoffExact == -2)
        #expect(report.isDegenerate == false)
    }

    @Test func oneByNWithATieIsDegenerateWithBothExtremeEquilibria() {
        let game = EngineFixtures.game([[0, 0, 0]], [[3, 1, 3]])
        let report = EquilibriumEnumerator().allEquilibria(of: game)
        #expect(report.isDegenerate == true)
        #expect(report.algorithm == "vertex-enumeration")
        #expect(report.equilibria.map(\.columnExact) == [[1, 0, 0], [0, 0, 1]])
        // Without dominance elimination the same extreme equilibria and the same verdict.
        let plain = EquilibriumEnumerator(options: .init(eliminateDominated: false)).allEquilibria(of: game)
        #expect(plain.equilibria == report.equilibria && plain.isDegenerate == true)
    }

    @Test func mByOneWithoutTies() {
        let game = EngineFixtures.game([[1], [7], [3], [-2]], [[0], [0], [0], [0]])
        for eliminate in [true, false] {
            let report = EquilibriumEnumerator(options: .init(eliminateDominated: eliminate)).allEquilibria(of: game)
            #expect(report.equilibria.map(\.rowExact) == [[0, 1, 0, 0]])
            #expect(report.isDegenerate == false)
        }
    }

    @Test func wideOneByN() {
        let n = 40
        let game = EngineFixtures.game([(0..<n).map { $0 % 3 }], [(0..<n).map { ($0 * 7) % n }])
        let report = EquilibriumEnumerator(options: .init(eliminateDominated: false)).allEquilibria(of: game)
        #expect(report.equilibria.count == 1)
        let best = (0..<n).max { ($0 * 7) % n < ($1 * 7) % n }!
        #expect(report.equilibria.first?.support(of: .column) == [best])
    }

    @Test(arguments: [(1, 1), (1, 3), (3, 1), (2, 2), (3, 4), (5, 5)])
    func allZeroGameHasEveryPureProfileAsExtremeEquilibrium(_ shape: (Int, Int)) {
        let (m, n) = shape
        let zero = [[Int]](repeating: [Int](repeating: 0, count: n), count: m)
        let report = EquilibriumEnumerator().allEquilibria(of: EngineFixtures.game(zero, zero))
        #expect(report.equilibria.count == m * n, "\(m)x\(n)")
        #expect(report.equilibria.allSatisfy { $0.isPure })
        #expect(report.isDegenerate == (m * n > 1), "\(m)x\(n)")
        #expect(report.eliminated.isEmpty)
    }

    @Test func constantGameAndLargerAllZeroGame() {
        let constant = EngineFixtures.game([[Int]](repeating: [4, 4, 4, 4, 4], count: 3),
                                           [[Int]](repeating: [-7, -7, -7, -7, -7], count: 3))
        let report = EquilibriumEnumerator().allEquilibria(of: constant)
        #expect(report.equilibria.count == 15 && report.isDegenerate == true)
        #expect(report.equilibria.allSatisfy { $0.rowPayoffExact == 4 && $0.columnPayoffExact == -7 })
        let zero = [[Int]](repeating: [Int](repeating: 0, count: 8), count: 8)
        #expect(EquilibriumEnumerator().allEquilibria(of: EngineFixtures.game(zero, zero)).equilibria.count == 64)
    }

    @Test func fullGameDegeneracyIsReportedWhenTheReductionIsNondegenerate() {
        // Row 2 is strictly dominated; against it the column player is indifferent (degenerate), but the
        // reduced 1 x 2 game is not.
        let game = EngineFixtures.game([[1, 1], [0, 0]], [[1, 2], [3, 3]])
        let report = EquilibriumEnumerator().allEquilibria(of: game)
        #expect(report.eliminated == [DominanceStep(player: .row, eliminated: 1, dominatedBy: 0),
                                      DominanceStep(player: .column, eliminated: 0, dominatedBy: 1)])
        #expect(report.isDegenerate == true)
        #expect(report.equilibria.map(\.columnExact) == [[0, 1]])
        let plain = EquilibriumEnumerator(options: .init(eliminateDominated: false)).allEquilibria(of: game)
        #expect(plain.equilibria == report.equilibria && plain.isDegenerate == true)
    }

    @Test func hugeAndFractionalPayoffsStayExact() {
        // Entries near 10^21 (beyond Int) and with coprime denominators: Int overflows, BigInt takes over.
        let big = BigInt(10).power(20)
        func q(_ n: Int, _ d: Int) -> Rational { Rational(BigInt(n), BigInt(d)) }
        let base = EngineFixtures.randomGame(rows: 4, columns: 4, in: -30...30, seed: 77)
        let a = base.exactRowPayoffs!.map { $0 * Rational(big) + q(1, 7) }
        let b = base.exactColumnPayoffs!.map { $0 / Rational(BigInt(13)) - q(5, 11) }
        let scaled = BimatrixGame(rowPayoffs: a, columnPayoffs: b)
        let expected = EquilibriumEnumerator().allEquilibria(of: base)
        let report = EquilibriumEnumerator().allEquilibria(of: scaled)
        #expect(report.equilibria.map(\.rowExact) == expected.equilibria.map(\.rowExact))
        #expect(report.equilibria.map(\.columnExact) == expected.equilibria.map(\.columnExact))
        for e in report.equilibria {
            #expect(e.exactRegret(of: .row, in: scaled) == 0 && e.exactRegret(of: .column, in: scaled) == 0)
        }
    }

    @Test func nonRepresentablePayoffsAreHandledExactly() {
        // Entries beyond 2^53 after scaling: the floating-point view is inexact, the answer is not.
        let game = BimatrixGame(
            rowPayoffs: Matrix([[Rational(BigInt(1) << 60), 0], [0, Rational((BigInt(1) << 60) + 1)]]),
            columnPayoffs: Matrix([[0, Rational((BigInt(1) << 61) + 3)], [Rational(BigInt(1) << 61), 0]]))
        let report = EquilibriumEnumerator().allEquilibria(of: game)
        #expect(report.equilibria.count == 1)
        let e = report.equilibria[0]
        #expect(e.exactRegret(of: .row, in: game) == 0 && e.exactRegret(of: .column, in: game) == 0)
    }

    @Test(arguments: ClassicGames.ids)
    func approximateGamesAgreeWithExactOnes(_ id: String) {
        let exact = ClassicGames.named(id)!
        let approximate = BimatrixGame(approximateRowPayoffs: exact.rowPayoffs, columnPayoffs: exact.columnPayoffs)
        let e = EquilibriumEnumerator().allEquilibria(of: exact)
        let f = EquilibriumEnumerator().allEquilibria(of: approximate)
        #expect(f.isDegenerate == e.isDegenerate, "\(id)")
        #expect(f.equilibria.count == e.equilibria.count, "\(id)")
        for (x, y) in zip(e.equilibria, f.equilibria) {
            #expect(zip(x.row + x.column, y.row + y.column).allSatisfy { abs($0 - $1) < 1e-9 }, "\(id)")
            #expect(abs(x.rowPayoff - y.rowPayoff) < 1e-9 && abs(x.columnPayoff - y.columnPayoff) < 1e-9, "\(id)")
            #expect(y.rowExact == nil)
        }
        #expect(f.notes.contains { $0.contains("tolerance") })
    }

    @Test func cancelledSixteenBySixteenReportsProgress() {
        let game = EngineFixtures.randomGame(rows: 16, columns: 16, in: -100...100, seed: 16)
        let flag = CancellationFlag()
        flag.cancel()
        let report = EquilibriumEnumerator(options: .init(cancellation: flag)).allEquilibria(of: game)
        #expect(report.isComplete == false)
        let note = report.progressNote ?? ""
        #expect(note.hasPrefix("checked ") && note.contains(" of 1202160778 support pairs"), "\(note)")
        #expect(report.isDegenerate == nil || report.isDegenerate == true)
    }

    @Test func timeBudgetStopsALongEnumeration() {
        let game = EngineFixtures.randomGame(rows: 16, columns: 16, in: -100...100, seed: 17)
        let clock = ContinuousClock()
        let start = clock.now
        let report = EquilibriumEnumerator(options: .init(eliminateDominated: false, timeBudgetSeconds: 0.3))
            .allEquilibria(of: game)
        #expect(clock.now - start < .seconds(20))
        #expect(report.isComplete == false)
        #expect(report.progressNote?.hasPrefix("checked ") == true)
        for e in report.equilibria {
            #expect(e.exactRegret(of: .row, in: game) == 0 && e.exactRegret(of: .column, in: game) == 0)
        }
    }
}
