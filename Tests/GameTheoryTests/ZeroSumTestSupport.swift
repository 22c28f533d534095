import BigInt
import Optimization
@testable import GameTheory

/// Helpers of the zero-sum tests (ZeroSum*.swift).
enum ZeroSumFixtures {
    /// The exact zero-sum game with row payoffs `a` (B = −A).
    static func game(_ a: [[Int]]) -> BimatrixGame {
        .zeroSum(Matrix(a.map { $0.map { Rational($0) } }))
    }

    static func q(_ numerator: Int, _ denominator: Int = 1) -> Rational {
        Rational(BigInt(numerator), BigInt(denominator))
    }

    /// A seeded random zero-sum game with integer payoffs in −100...100.
    static func randomGame(rows m: Int, columns n: Int, seed: UInt64) -> BimatrixGame {
        var random = ZeroSumRandom(seed: seed)
        return game((0..<m).map { _ in (0..<n).map { _ in Int.random(in: -100...100, using: &random) } })
    }

    /// Checks the exact certificate independently of the solver, in rationals:
    /// x, y ≥ 0 sum to 1 and minⱼ (xᵀA)ⱼ == maxᵢ (A y)ᵢ == value.
    static func exactCertificateHolds(_ payoffs: Matrix<Rational>, row x: [Rational], column y: [Rational], value: Rational) -> Bool {
        guard x.count == payoffs.rows, y.count == payoffs.columns,
            x.allSatisfy({ $0 >= .zero }), y.allSatisfy({ $0 >= .zero }),
            x.reduce(.zero, +) == .one, y.reduce(.zero, +) == .one
        else { return false }
        let guaranteed = (0..<payoffs.columns).map { j in
            (0..<payoffs.rows).reduce(Rational.zero) { $0 + x[$1] * payoffs[$1, j] }
        }.min()!
        let conceded = (0..<payoffs.rows).map { i in
            (0..<payoffs.columns).reduce(Rational.zero) { $0 + payoffs[i, $1] * y[$1] }
        }.max()!
        return guaranteed == value && conceded == value
    }
}

/// The project's seeded generator (SplitMix64), so every random input is reproducible from its seed.
typealias ZeroSumRandom = SplitMix64

/// An LP solver that returns a fixed answer, to test how `ZeroSumSolver` handles bad ones.
struct CannedLPSolver: LPSolving {
    let answer: @Sendable (LinearProgram) -> LPSolution
    func solve(_ program: LinearProgram) throws -> LPSolution { answer(program) }
}
