import Testing
import BigInt
@testable import GameTheory

/// The exact building blocks of the zero-sum confirmation, each against an independent method.
@Suite("Zero-sum exact arithmetic")
struct ZeroSumExactArithmeticTests {
    /// Multi-modular solutions equal fraction-free BigInt elimination (normalized to the same
    /// denominator), for random matrices with entries up to 2⁴⁰ and sizes 1...16.
    @Test("modular solve agrees with Bareiss", arguments: 0..<6)
    func modularAgreesWithBareiss(batch: Int) throws {
        for seed in UInt64(batch * 10)..<UInt64(batch * 10 + 10) {
            var random = ZeroSumRandom(seed: seed)
            let k = Int.random(in: 1...16, using: &random)
            let magnitude = [100, 1 << 20, 1 << 40][Int(seed % 3)]
            let matrix = (0..<(k * k)).map { _ in Int.random(in: -magnitude...magnitude, using: &random) }
            let solution = try #require(ZeroSumModularSolver.solve(matrix, size: k), "seed \(seed)")
            #expect(solution.determinant > 0, "seed \(seed)")
            let big = matrix.map { BigInt($0) }
            let transposed = (0..<(k * k)).map { big[($0 % k) * k + $0 / k] }
            let ones = [BigInt](repeating: 1, count: k)
            guard case .unique(let z, let zDenominator) = Bareiss.solve(big, size: k, rhs: ones),
                case .unique(let w, let wDenominator) = Bareiss.solve(transposed, size: k, rhs: ones)
            else { Issue.record("seed \(seed): Bareiss found no unique solution"); continue }
            for i in 0..<k {
                #expect(Rational(solution.z[i], solution.determinant) == Rational(z[i], zDenominator), "seed \(seed)")
                #expect(Rational(solution.w[i], solution.determinant) == Rational(w[i], wDenominator), "seed \(seed)")
            }
            // Both are |det K|: Bareiss' denominator is the determinant made positive.
            #expect(solution.determinant == zDenominator, "seed \(seed)")
        }
    }

    @Test("singular matrices are reported as such")
    func singular() {
        #expect(ZeroSumModularSolver.solve([1, 2, 2, 4], size: 2) == nil)
        #expect(ZeroSumModularSolver.solve([0], size: 1) == nil)
        // A determinant divisible by the largest listed prime is not mistaken for singular.
        let p = Int(ZeroSumModularSolver.primes[0])
        let solution = ZeroSumModularSolver.solve([p, 0, 0, 1], size: 2)
        #expect(solution?.determinant == BigInt(p))
        #expect(solution?.z == [1, BigInt(p)])
    }

    @Test("the prime list holds distinct primes between 2³⁰ and 2³¹")
    func primes() {
        let primes = ZeroSumModularSolver.primes
        #expect(Set(primes).count == primes.count)
        #expect(primes.allSatisfy { $0 > 1 << 30 && $0 < 1 << 31 })
        #expect(primes[0] == 2_147_483_647)  // 2³¹ − 1 is prime
        #expect(!ZeroSumModularSolver.isPrime(2_147_483_649))  // 3 · 715 827 883
        #expect(ZeroSumModularSolver.isPrime(2) && ZeroSumModularSolver.isPrime(7) && !ZeroSumModularSolver.isPrime(1))
        #expect(!ZeroSumModularSolver.isPrime(2_047))  // 23 · 89, a strong pseudoprime to base 2
    }

    @Test("integer payoffs: M = (A − min)·L + 1, with fast and general paths")
    func integerPayoffs() {
        let integers = ZeroSumIntegerPayoffs(Matrix([[Rational(-3), Rational(5)], [Rational(0), Rational(-3)]]))
        #expect(integers.small == [1, 9, 4, 1])
        #expect(integers.big == [1, 9, 4, 1])
        let halves = ZeroSumIntegerPayoffs(Matrix([[ZeroSumFixtures.q(1, 2), ZeroSumFixtures.q(-1, 3)]]))
        // L = 6: (1/2 + 1/3)·6 + 1 = 6, (−1/3 + 1/3)·6 + 1 = 1.
        #expect(halves.small == [6, 1])
        let huge = ZeroSumIntegerPayoffs(Matrix([[Rational(BigInt(1) << 70), Rational(0)]]))
        #expect(huge.small == nil)
        #expect(huge.big == [(BigInt(1) << 70) + 1, 1])
        func small(_ value: Rational) -> Int? { ZeroSumIntegerPayoffs.smallInteger(value, nearestDouble: value.doubleValue) }
        #expect(small(Rational(-42)) == -42)
        #expect(small(Rational(0)) == 0)
        #expect(small(ZeroSumFixtures.q(1, 2)) == nil)
        #expect(small(Rational(BigInt(1) << 53)) == nil)
        #expect(small(Rational(-((BigInt(1) << 53) - 1))) == -((1 << 53) - 1))
        // Entries between 2⁵³ and 2⁶² take the general path and still give Int entries of M.
        let large = ZeroSumIntegerPayoffs(Matrix([[Rational(BigInt(1) << 60), Rational(-1)]]))
        #expect(large.small == [(1 << 60) + 2, 1])
    }

    @Test("the constant-sum check agrees with BimatrixGame.constantSum")
    func constantSumCheck() {
        typealias F = ZeroSumFixtures
        let zeroSum = F.game([[1, -2], [3, 0]])
        let constantSum = BimatrixGame(rowPayoffs: Matrix([[F.q(1), F.q(2)]]), columnPayoffs: Matrix([[F.q(4), F.q(3)]]))
        let general = BimatrixGame(rowPayoffs: Matrix([[F.q(1), F.q(2)]]), columnPayoffs: Matrix([[F.q(4), F.q(4)]]))
        let fractional = BimatrixGame(rowPayoffs: Matrix([[F.q(1, 2), F.q(1)]]), columnPayoffs: Matrix([[F.q(1, 2), F.q(0)]]))
        let huge = BimatrixGame(
            rowPayoffs: Matrix([[Rational(BigInt(1) << 80), F.q(0)]]),
            columnPayoffs: Matrix([[Rational(-(BigInt(1) << 80)), F.q(0)]]))
        for game in [zeroSum, constantSum, general, fractional, huge] {
            #expect(ZeroSumConstantSumCheck.holds(for: game) == (game.constantSum != nil))
        }
        #expect(ZeroSumConstantSumCheck.holds(for: fractional))
        #expect(!ZeroSumConstantSumCheck.holds(for: general))
    }

    @Test("bracket weights are fixed-point probabilities, never all zero")
    func weights() {
        #expect(ZeroSumValueBracket.weights([0.5, 0.5]) == [1 << 51, 1 << 51])
        #expect(ZeroSumValueBracket.weights([1, -1e-17, 0]) == [1 << 52, 0, 0])
        #expect(ZeroSumValueBracket.weights([0, 0]) == [1, 1])
    }
}
