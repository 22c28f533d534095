import BigInt
import Testing
@testable import GameTheory

/// Fraction-free elimination, overflow fallbacks, integer scaling of payoffs and exact points.
@Suite struct ExactArithmeticTests {
    /// Plain rational Gauss-Jordan, for comparison.
    static func rationalSolve(_ m: [[Int]], _ b: [Int]) -> [Rational]? {
        let k = m.count
        var rows = (0..<k).map { r in m[r].map { Rational($0) } + [Rational(b[r])] }
        for c in 0..<k {
            guard let p = (c..<k).first(where: { !rows[$0][c].isZero }) else { return nil }
            rows.swapAt(c, p)
            let pivot = rows[c][c]
            rows[c] = rows[c].map { $0 / pivot }
            for r in 0..<k where r != c { let f = rows[r][c]; rows[r] = zip(rows[r], rows[c]).map { $0 - f * $1 } }
        }
        return rows.map { $0[k] }
    }

    @Test(arguments: 1...40)
    func bareissAgreesWithRationalElimination(_ seed: Int) {
        var rng = EngineRandom(seed: UInt64(seed))
        let k = 1 + seed % 6
        let m = (0..<k).map { _ in (0..<k).map { _ in Int.random(in: seed % 3 == 0 ? 0...1 : -9...9, using: &rng) } }
        let b = (0..<k).map { _ in Int.random(in: -5...5, using: &rng) }
        let expected = Self.rationalSolve(m, b)
        switch Bareiss.solve(m.flatMap { $0 }, size: k, rhs: b) {
        case let .unique(n, d):
            #expect(d > 0, "seed \(seed)")
            #expect(expected == n.map { Rational(BigInt($0), BigInt(d)) }, "seed \(seed)")
        case .singular:
            #expect(expected == nil, "seed \(seed)")
        case .overflow:
            Issue.record("unexpected overflow, seed \(seed)")
        }
    }

    @Test func intOverflowIsReportedAndBigIntGivesTheAnswer() {
        let huge = Int.max / 3
        let m = [huge, 1, 2, huge - 5]
        guard case .overflow = Bareiss.solve(m, size: 2, rhs: [1, 1]) else {
            Issue.record("expected overflow"); return
        }
        guard case let .unique(n, d) = Bareiss.solve(m.map { BigInt($0) }, size: 2, rhs: [1, 1]) else {
            Issue.record("expected a solution"); return
        }
        // Check M x = 1 exactly.
        let x = n.map { Rational($0, d) }
        #expect(Rational(BigInt(huge)) * x[0] + x[1] == 1)
        #expect(2 * x[0] + Rational(BigInt(huge - 5)) * x[1] == 1)
    }

    @Test func rankOfDependentRows() {
        #expect(Bareiss.rank([1, 2, 3, 2, 4, 6], rows: 2, columns: 3) == 1)
        #expect(Bareiss.rank([0, 0, 1, 0, 1, 0, 1, 0, 0], rows: 3, columns: 3) == 3)
        #expect(Bareiss.rank([0, 1, 0, 2], rows: 2, columns: 2) == 1)
        #expect(Bareiss.rank([BigInt(0), 0, 0, 0], rows: 2, columns: 2) == 0)
    }

    @Test func payoffsBecomePositiveIntegersByAPositiveAffineMap() {
        let m = Matrix([[Rational(-1, 2), Rational(1, 3)], [Rational(2), Rational(-1, 2)]])
        let p = PositiveIntegerPayoffs(m)
        // L = 6, min = -1/2: (a + 1/2)·6 + 1.
        #expect(p.big == [1, 6, 16, 1])
        #expect(p.small == [1, 6, 16, 1])
        #expect(p.isExactlyRepresentable)
        #expect(p.transposed().big == [1, 16, 6, 1])
        let huge = PositiveIntegerPayoffs(Matrix([[Rational(BigInt(1) << 70), 0]]))
        #expect(huge.small == nil && !huge.isExactlyRepresentable && huge.big == [(BigInt(1) << 70) + 1, 1])
        #expect(normalizedApproximatePayoffs(Matrix([[2.0, 4.0], [3.0, 2.0]])) == [1, 2, 1.5, 1])
        #expect(normalizedApproximatePayoffs(Matrix([[7.0, 7.0]])) == [1, 1])
    }

    @Test func exactPointsAreInLowestTerms() {
        let a = ExactPoint(numerators: [2, 0, 4], denominator: 6)
        let b = ExactPoint(numerators: [1, 0, 2], denominator: 3)
        #expect(a == b && a.denominator == 3)
        #expect(a.normalizedStrategy == [Rational(1, 3), 0, Rational(2, 3)])
    }

    @Test func exactBasisCheckReadsExactLabels() {
        // Row player's polytope of the degenerate 3x2 game: top has two best responses.
        let game = ClassicGames.named("von-stengel-degenerate")!
        let polytope = BestResponsePolytope(of: .row, in: game)
        guard case let .vertex(v) = ExactBasisCheck.check(polytope, support: [0], tight: [0]) else {
            Issue.record("expected a vertex"); return
        }
        #expect(v.tightOpponent.members == [0, 1])     // both columns are best responses to top
        #expect(v.zeroOwn.members == [1, 2])
        #expect(v.labelCount == 4)                      // more than 3 = m labels: degenerate
        guard case .infeasible = ExactBasisCheck.check(polytope, support: [2], tight: [1]) else {
            Issue.record("bottom makes left the best response, not right"); return
        }
    }
}
