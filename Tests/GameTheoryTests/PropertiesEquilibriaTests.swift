import Testing
import BigInt
@testable import GameTheory

/// Properties of `EquilibriumEnumerator` over seeded random games; every check names its seed.
@Suite struct PropertiesEquilibriaTests {
    static let shapes: [(Int, Int)] = [(1, 4), (4, 1), (2, 2), (2, 3), (3, 3), (3, 4), (4, 4), (5, 3), (5, 5), (6, 6)]

    /// Random games with payoffs in [-50, 50]: nearly always nondegenerate.
    static func wide(_ seed: UInt64) -> BimatrixGame {
        let (m, n) = shapes[Int(seed % UInt64(shapes.count))]
        return EngineFixtures.randomGame(rows: m, columns: n, in: -50...50, seed: seed)
    }

    @Test(arguments: 1...60)
    func everyProfileIsABestResponseExactly(_ seed: Int) {
        for game in [Self.wide(UInt64(seed)), EngineFixtures.randomGame(rows: 4, columns: 4, in: 0...2, seed: UInt64(seed))] {
            let report = EquilibriumEnumerator().allEquilibria(of: game)
            #expect(report.isComplete && !report.equilibria.isEmpty, "seed \(seed)")
            for e in report.equilibria {
                #expect(e.exactRegret(of: .row, in: game) == 0, "seed \(seed)")
                #expect(e.exactRegret(of: .column, in: game) == 0, "seed \(seed)")
                #expect(e.rowExact!.reduce(0, +) == 1 && e.columnExact!.reduce(0, +) == 1, "seed \(seed)")
            }
            #expect(Set(EngineFixtures.exactPairs(report)).count == report.equilibria.count, "duplicates, seed \(seed)")
        }
    }

    @Test(arguments: 1...60)
    func nondegenerateGamesHaveAnOddNumberOfEquilibria(_ seed: Int) {
        let report = EquilibriumEnumerator().allEquilibria(of: Self.wide(UInt64(seed)))
        if report.isDegenerate == false {
            #expect(report.equilibria.count % 2 == 1, "seed \(seed): \(report.equilibria.count) equilibria")
        }
    }

    @Test(arguments: 1...40)
    func agreesWithTheNaiveReferenceOnNondegenerateGames(_ seed: Int) {
        let (m, n) = [(2, 2), (2, 3), (3, 3), (3, 4), (4, 4), (4, 5), (5, 5)][seed % 7]
        let game = EngineFixtures.randomGame(rows: m, columns: n, in: -20...20, seed: UInt64(1000 + seed))
        let report = EquilibriumEnumerator(options: .init(eliminateDominated: seed % 2 == 0)).allEquilibria(of: game)
        guard report.isDegenerate == false else { return }
        #expect(Set(EngineFixtures.exactPairs(report)) == Set(NaiveSupportEnumeration.equilibria(game)), "seed \(seed)")
    }

    @Test(arguments: 1...40)
    func degenerateGamesGiveExtremeEquilibriaOnce(_ seed: Int) {
        let (m, n) = [(2, 2), (2, 3), (3, 3), (3, 4), (4, 4)][seed % 5]
        let game = EngineFixtures.randomGame(rows: m, columns: n, in: 0...2, seed: UInt64(2000 + seed))
        let report = EquilibriumEnumerator().allEquilibria(of: game)
        let ours = EngineFixtures.exactPairs(report)
        #expect(Set(ours).count == ours.count, "duplicates, seed \(seed)")
        for e in report.equilibria {
            #expect(e.isNashEquilibrium(in: game), "seed \(seed)")
        }
        // Every equilibrium the naive reference finds (unique solutions of square supports) is extreme.
        for naive in NaiveSupportEnumeration.equilibria(game) {
            #expect(ours.contains(naive), "seed \(seed): missing \(naive)")
        }
        // Same answer without the dominance pre-step (degeneracy is decided on the full game).
        let plain = EquilibriumEnumerator(options: .init(eliminateDominated: false)).allEquilibria(of: game)
        #expect(Set(EngineFixtures.exactPairs(plain)) == Set(ours), "seed \(seed)")
        #expect(plain.isDegenerate == report.isDegenerate, "seed \(seed)")
    }

    @Test(arguments: 1...30)
    func positiveAffineChangesLeaveEquilibriaUnchanged(_ seed: Int) {
        let game = seed % 3 == 0
            ? EngineFixtures.randomGame(rows: 3, columns: 4, in: 0...2, seed: UInt64(seed)) : Self.wide(UInt64(seed))
        let base = EquilibriumEnumerator().allEquilibria(of: game)
        let scale = Rational(seed % 5 + 1) / Rational(3), shift = Rational(seed * 7 - 40) / Rational(2)
        let player: Player = seed % 2 == 0 ? .row : .column
        let a = game.exactRowPayoffs!, b = game.exactColumnPayoffs!
        let changed = player == .row
            ? BimatrixGame(rowPayoffs: a.map { $0 * scale + shift }, columnPayoffs: b)
            : BimatrixGame(rowPayoffs: a, columnPayoffs: b.map { $0 * scale + shift })
        let other = EquilibriumEnumerator().allEquilibria(of: changed)
        #expect(other.equilibria.map(\.rowExact) == base.equilibria.map(\.rowExact), "seed \(seed)")
        #expect(other.equilibria.map(\.columnExact) == base.equilibria.map(\.columnExact), "seed \(seed)")
        #expect(other.isDegenerate == base.isDegenerate, "seed \(seed)")
    }

    @Test(arguments: 1...30)
    func permutingStrategiesPermutesEquilibria(_ seed: Int) {
        let game = seed % 3 == 0
            ? EngineFixtures.randomGame(rows: 4, columns: 3, in: 0...2, seed: UInt64(seed)) : Self.wide(UInt64(seed))
        var rng = EngineRandom(seed: UInt64(seed))
        let p = Array(0..<game.rows).shuffled(using: &rng), q = Array(0..<game.columns).shuffled(using: &rng)
        let permuted = game.restricted(rows: p, columns: q)
        let base = Set(EngineFixtures.exactPairs(EquilibriumEnumerator().allEquilibria(of: game)))
        let moved = EquilibriumEnumerator().allEquilibria(of: permuted).equilibria.map { e in
            var x = [Rational](repeating: 0, count: game.rows), y = [Rational](repeating: 0, count: game.columns)
            for (r, i) in p.enumerated() { x[i] = e.rowExact![r] }
            for (c, j) in q.enumerated() { y[j] = e.columnExact![c] }
            return EngineFixtures.key(x, y)
        }
        #expect(Set(moved) == base && moved.count == base.count, "seed \(seed)")
    }

    @Test(arguments: 1...30)
    func swappingPlayersSwapsEquilibria(_ seed: Int) {
        let game = seed % 3 == 0
            ? EngineFixtures.randomGame(rows: 3, columns: 4, in: 0...2, seed: UInt64(seed)) : Self.wide(UInt64(seed))
        let base = EquilibriumEnumerator().allEquilibria(of: game)
        let swapped = EquilibriumEnumerator().allEquilibria(of: game.swappingPlayers())
        #expect(Set(swapped.equilibria.map { EngineFixtures.key($0.columnExact!, $0.rowExact!) })
                == Set(EngineFixtures.exactPairs(base)), "seed \(seed)")
        #expect(Set(swapped.equilibria.map { [$0.columnPayoffExact!, $0.rowPayoffExact!] })
                == Set(base.equilibria.map { [$0.rowPayoffExact!, $0.columnPayoffExact!] }), "seed \(seed)")
        #expect(swapped.isDegenerate == base.isDegenerate, "seed \(seed)")
    }

    @Test(arguments: 1...12)
    func threadCountDoesNotChangeTheReport(_ seed: Int) {
        let game = seed % 2 == 0
            ? EngineFixtures.randomGame(rows: 7, columns: 7, in: -100...100, seed: UInt64(seed))
            : EngineFixtures.randomGame(rows: 7, columns: 7, in: 0...2, seed: UInt64(seed))
        let one = EquilibriumEnumerator(options: .init(threads: 1)).allEquilibria(of: game)
        let two = EquilibriumEnumerator(options: .init(threads: 2)).allEquilibria(of: game)
        let three = EquilibriumEnumerator(options: .init(threads: 3)).allEquilibria(of: game)
        #expect(one.equilibria == two.equilibria && two.equilibria == three.equilibria, "seed \(seed)")
        #expect(one.isDegenerate == two.isDegenerate && one.algorithm == two.algorithm, "seed \(seed)")
        #expect(one.eliminated == two.eliminated && one.notes == two.notes, "seed \(seed)")
    }

    @Test(arguments: 1...20)
    func reportsAreInTheDocumentedOrder(_ seed: Int) {
        let game = EngineFixtures.randomGame(rows: 4, columns: 4, in: seed % 2 == 0 ? 0...2 : -9...9, seed: UInt64(seed))
        let eqs = EquilibriumEnumerator().allEquilibria(of: game).equilibria
        for (a, b) in zip(eqs, eqs.dropFirst()) {
            #expect(EquilibriumOrdering.precedes(a, b), "seed \(seed)")
        }
    }

    @Test(arguments: 1...20)
    func approximateGamesMatchTheirExactTwins(_ seed: Int) {
        var rng = EngineRandom(seed: UInt64(seed))
        let (m, n) = [(2, 2), (3, 3), (4, 4), (5, 3), (3, 5)][seed % 5]
        let a = Matrix(rows: m, columns: n) { _, _ in Double.random(in: -1...1, using: &rng) }
        let b = Matrix(rows: m, columns: n) { _, _ in Double.random(in: -1...1, using: &rng) }
        let approximate = BimatrixGame(approximateRowPayoffs: a, columnPayoffs: b)
        let exact = BimatrixGame(rowPayoffs: a.map { Rational(exactly: $0) }, columnPayoffs: b.map { Rational(exactly: $0) })
        let f = EquilibriumEnumerator().allEquilibria(of: approximate)
        let e = EquilibriumEnumerator().allEquilibria(of: exact)
        #expect(f.equilibria.count == e.equilibria.count && f.isDegenerate == e.isDegenerate, "seed \(seed)")
        for (x, y) in zip(e.equilibria, f.equilibria) {
            #expect(zip(x.row + x.column, y.row + y.column).allSatisfy { abs($0 - $1) < 1e-7 }, "seed \(seed)")
            #expect(y.isNashEquilibrium(in: approximate), "seed \(seed)")
        }
    }
}
