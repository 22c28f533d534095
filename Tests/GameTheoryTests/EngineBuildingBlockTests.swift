import Testing
@testable import GameTheory

/// The enumeration's small pieces, each on its own: support order, label sets, the vertex search of
/// one polytope, the join, and the ordering of equilibria.
@Suite struct EngineBuildingBlockTests {
    @Test func supportsComeBySizeThenLexicographically() {
        var all: [[Int]] = []
        var current: [Int] = []
        while let next = SupportQueue.successor(of: current, in: 4, maxSupport: 3) {
            all.append(next)
            current = next
        }
        #expect(all.count == 4 + 6 + 4)
        #expect(all.prefix(6) == [[0], [1], [2], [3], [0, 1], [0, 2]])
        #expect(all.last == [1, 2, 3])
        let queue = SupportQueue(sizes: [(2, 1), (1, 1)], accepts: { p, s in !(p == 0 && s == [0]) })
        var items: [String] = []
        while let item = queue.next() { items.append("\(item.polytope):\(item.support)") }
        #expect(items == ["0:[1]", "1:[0]"])
    }

    @Test func strategySetsCoverAndComplement() {
        let all = StrategySet.all(70)
        var a = StrategySet([0, 5, 69], count: 70)
        #expect(a.count == 3 && a.contains(69) && !a.contains(68))
        let b = a.complement(in: all)
        #expect(b.count == 67 && a.unionCovers(b, all))
        a.remove(5)
        #expect(!a.unionCovers(b, all) && a.members == [0, 69])
    }

    @Test func basisCountIsVandermonde() {
        #expect(VertexEnumeration.basisCount(own: 3, opponent: 3) == 19)   // 9 + 9 + 1
        #expect(VertexEnumeration.basisCount(own: 16, opponent: 16) == 601_080_389)
        #expect(binomialCount(200, 100) == Int.max / 4)
    }

    /// Vertices of the row player's polytope of battle of the sexes, with B shifted to C = B + 1:
    /// P = {x ≥ 0 : 3x₁ + x₂ ≤ 1, x₁ + 4x₂ ≤ 1}, vertices (1/3, 0), (0, 1/4), (3/11, 2/11).
    @Test func vertexSearchFindsEveryVertexWithItsLabels() {
        let game = ClassicGames.named("battle-of-the-sexes")!
        let polytope = BestResponsePolytope(of: .row, in: game)
        #expect(polytope.doubles == [3, 1, 1, 4])
        let control = SearchControl(cancellation: nil, timeBudgetSeconds: nil)
        let result = VertexEnumeration.run([polytope], mode: .collect, threads: 1, control: control, tolerance: 1e-9)
        let vertices = result.vertices[0]
        #expect(vertices.map(\.basis.support) == [[0], [1], [0, 1]])
        #expect(vertices.map(\.basis.tight) == [[0], [1], [0, 1]])
        #expect(vertices.allSatisfy { $0.labelCount == 2 })
        #expect(!result.foundDegenerate)
        #expect(control.checked == VertexEnumeration.basisCount(own: 2, opponent: 2))
        // Certified vertices get their exact point on demand:
        guard case let .vertex(v) = ExactBasisCheck.check(polytope, support: [0, 1], tight: [0, 1]) else {
            Issue.record("expected a vertex"); return
        }
        #expect(v.exact == ExactPoint(numerators: [3, 2], denominator: 11))
    }

    @Test func degenerateVertexIsFoundOnceAndFlagged() {
        let game = ClassicGames.named("von-stengel-degenerate")!
        let polytope = BestResponsePolytope(of: .row, in: game)
        let control = SearchControl(cancellation: nil, timeBudgetSeconds: nil)
        let result = VertexEnumeration.run([polytope], mode: .collect, threads: 2, control: control, tolerance: 1e-9)
        #expect(result.foundDegenerate)
        let top = result.vertices[0].filter { $0.zeroOwn.members == [1, 2] }
        #expect(top.count == 1 && top[0].labelCount == 4)
        let detect = VertexEnumeration.run([polytope], mode: .detectDegeneracy, threads: 1,
                                           control: SearchControl(cancellation: nil, timeBudgetSeconds: nil),
                                           tolerance: 1e-9)
        #expect(detect.foundDegenerate && detect.vertices[0].isEmpty)
    }

    @Test func joinPairsMatchingSupportPairs() {
        let game = ClassicGames.named("battle-of-the-sexes")!
        let control = SearchControl(cancellation: nil, timeBudgetSeconds: nil)
        let polytopes = [BestResponsePolytope(of: .row, in: game), BestResponsePolytope(of: .column, in: game)]
        let v = VertexEnumeration.run(polytopes, mode: .collect, threads: 1, control: control, tolerance: 1e-9).vertices
        let pairs = VertexJoin.completelyLabelledPairs(rowVertices: v[0], columnVertices: v[1], rows: 2, columns: 2)
        #expect(pairs.count == 3)
        for (p, q) in pairs {
            // x with support I and tight J meets y with support J and tight I.
            #expect(v[0][p].basis.support == v[1][q].basis.tight && v[0][p].basis.tight == v[1][q].basis.support)
        }
    }

    @Test func orderingIsBySupportSizeThenSupports() {
        let game = ClassicGames.named("coordination-3x3")!
        let e = { (x: [Rational], y: [Rational]) in Equilibrium(exactRow: x, exactColumn: y, in: game) }
        let h = Rational(1, 2)
        let a = e([1, 0, 0], [1, 0, 0]), b = e([0, 0, 1], [0, 0, 1]), c = e([h, h, 0], [h, h, 0]), d = e([0, h, h], [0, h, h])
        #expect(EquilibriumOrdering.sorted([d, c, b, a]) == [a, b, c, d])
        #expect(!EquilibriumOrdering.precedes(a, a))
    }

    @Test func cancellationFlagIsSticky() {
        let flag = CancellationFlag()
        #expect(!flag.isCancelled)
        flag.cancel()
        #expect(flag.isCancelled)
        let control = SearchControl(cancellation: flag, timeBudgetSeconds: nil)
        #expect(control.shouldStop() && control.wasInterrupted)
        let early = SearchControl(cancellation: nil, timeBudgetSeconds: nil)
        early.finishEarly()
        #expect(early.shouldStop() && !early.wasInterrupted)
    }
}
