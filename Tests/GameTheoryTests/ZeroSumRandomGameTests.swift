import Testing
import GLPK
import Optimization
@testable import GameTheory

/// Seeded random games: every answer must pass the exact certificate, checked independently.
@Suite("ZeroSumSolver on seeded random games")
struct ZeroSumRandomGameTests {
    typealias F = ZeroSumFixtures

    /// Sizes 2...8 × 2...8, payoffs in −100...100; 60 seeds per batch.
    @Test("the exact value satisfies the exact certificate", arguments: 0..<4)
    func exactCertificate(batch: UInt64) throws {
        let solver = ZeroSumSolver(lpSolver: GLPKSolver())
        for seed in (batch * 60)..<((batch + 1) * 60) {
            var random = ZeroSumRandom(seed: seed)
            let game = F.randomGame(rows: Int.random(in: 2...8, using: &random), columns: Int.random(in: 2...8, using: &random), seed: seed)
            let solution = try solver.solve(game)
            let value = try #require(solution.exactValue, "seed \(seed): not confirmed exactly")
            let x = try #require(solution.exactRowStrategy), y = try #require(solution.exactColumnStrategy)
            #expect(F.exactCertificateHolds(game.exactRowPayoffs!, row: x, column: y, value: value), "seed \(seed)")
            #expect(abs(solution.value - value.doubleValue) <= 1e-9, "seed \(seed)")
            #expect(solution.certificateGap <= 1e-9, "seed \(seed)")
        }
    }

    /// With exact confirmation switched off, the bracket must contain the exact value.
    @Test("the exact bracket contains the exact value and is tight")
    func bracketContainsValue() throws {
        let exact = ZeroSumSolver(lpSolver: GLPKSolver())
        let bracketing = ZeroSumSolver(lpSolver: GLPKSolver(), exactSupportLimit: 0)
        for seed in UInt64(500)..<560 {
            let game = F.randomGame(rows: 2 + Int(seed % 7), columns: 2 + Int(seed / 7 % 7), seed: seed)
            let value = try #require(try exact.solve(game).exactValue, "seed \(seed)")
            let solution = try bracketing.solve(game)
            #expect(solution.confirmation == .bracketed, "seed \(seed)")
            #expect(solution.exactValue == nil && solution.exactRowStrategy == nil, "seed \(seed)")
            let bounds = try #require(solution.valueBounds, "seed \(seed)")
            #expect(bounds.lower <= value && value <= bounds.upper, "seed \(seed)")
            #expect((bounds.upper - bounds.lower).doubleValue <= 1e-9, "seed \(seed)")
        }
    }

    /// Larger supports than `exactSupportLimit` use the bracket by default.
    @Test("a 60 × 60 game with a small limit is bracketed around its LP value")
    func largeGameBracket() throws {
        let game = F.randomGame(rows: 60, columns: 60, seed: 42)
        let solution = try ZeroSumSolver(lpSolver: GLPKSolver(), exactSupportLimit: 10).solve(game)
        let bounds = try #require(solution.valueBounds)
        #expect(solution.confirmation == .bracketed)
        #expect(bounds.lower <= bounds.upper)
        #expect(bounds.lower.doubleValue <= solution.value + 1e-9 && solution.value - 1e-9 <= bounds.upper.doubleValue)
        #expect((bounds.upper - bounds.lower).doubleValue <= 1e-9)
        let confirmed = try ZeroSumSolver(lpSolver: GLPKSolver()).solve(game)
        let value = try #require(confirmed.exactValue)
        #expect(bounds.lower <= value && value <= bounds.upper)
    }

    /// Positive affine changes of A move the value the same way and keep the strategies;
    /// exchanging the players (A ↦ −Aᵀ) negates the value.
    @Test("value under affine changes and exchanged roles")
    func invariances() throws {
        let solver = ZeroSumSolver(lpSolver: GLPKSolver())
        for seed in UInt64(900)..<930 {
            let game = F.randomGame(rows: 2 + Int(seed % 5), columns: 3 + Int(seed % 4), seed: seed)
            let a = game.exactRowPayoffs!
            let value = try #require(try solver.solve(game).exactValue)
            let affine = try solver.solve(.zeroSum(a.map { $0 * F.q(3, 2) - 7 }))
            #expect(affine.exactValue == value * F.q(3, 2) - 7, "seed \(seed)")
            let swapped = try solver.solve(.zeroSum(a.transposed().map { -$0 }))
            #expect(swapped.exactValue == -value, "seed \(seed)")
        }
    }
}
