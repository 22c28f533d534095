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

/// SplitMix64, so each random game is reproducible from its seed.
struct ZeroSumRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An LP solver that returns a fixed answer, to test how `ZeroSumSolver` handles bad ones.
struct CannedLPSolver: LPSolving {
    let answer: @Sendable (LinearProgram) -> LPSolution
    func solve(_ program: LinearProgram) throws -> LPSolution { answer(program) }
}
