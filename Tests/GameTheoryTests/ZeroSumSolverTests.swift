import Testing
import BigInt
import GLPK
import Optimization
@testable import GameTheory

/// Small games with values known by hand, solved with GLPK and confirmed exactly.
@Suite("ZeroSumSolver on known games")
struct ZeroSumSolverTests {
    static let solver = ZeroSumSolver(lpSolver: GLPKSolver())
    typealias F = ZeroSumFixtures

    /// Solves `a` and checks value, exact strategies (when given) and both certificates.
    static func check(
        _ a: [[Int]], value: Rational, row: [Rational]? = nil, column: [Rational]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let game = F.game(a)
        let solution = try solver.solve(game)
        #expect(solution.confirmation == .exact, sourceLocation: sourceLocation)
        #expect(solution.exactValue == value, sourceLocation: sourceLocation)
        #expect(abs(solution.value - value.doubleValue) < 1e-12, sourceLocation: sourceLocation)
        if let row { #expect(solution.exactRowStrategy == row, sourceLocation: sourceLocation) }
        if let column { #expect(solution.exactColumnStrategy == column, sourceLocation: sourceLocation) }
        let x = try #require(solution.exactRowStrategy, sourceLocation: sourceLocation)
        let y = try #require(solution.exactColumnStrategy, sourceLocation: sourceLocation)
        #expect(F.exactCertificateHolds(game.exactRowPayoffs!, row: x, column: y, value: value), sourceLocation: sourceLocation)
        #expect(abs(solution.certificateGap) <= 1e-9, sourceLocation: sourceLocation)
        #expect(solution.valueBounds?.lower == value && solution.valueBounds?.upper == value, sourceLocation: sourceLocation)
        #expect(solution.lpStatus == .optimal, sourceLocation: sourceLocation)
        #expect(solution.rowStrategy == x.map(\.doubleValue), sourceLocation: sourceLocation)
    }

    @Test("matching pennies: value 0, 1/2 each")
    func matchingPennies() throws {
        try Self.check([[1, -1], [-1, 1]], value: 0, row: [F.q(1, 2), F.q(1, 2)], column: [F.q(1, 2), F.q(1, 2)])
    }

    @Test("rock-paper-scissors: value 0, 1/3 each")
    func rockPaperScissors() throws {
        let third = [F.q(1, 3), F.q(1, 3), F.q(1, 3)]
        try Self.check([[0, -1, 1], [1, 0, -1], [-1, 1, 0]], value: 0, row: third, column: third)
    }

    /// Row x = (p, 1 − p) against columns 5p − 2, 4 − 5p, p + 1: the lower envelope peaks at
    /// p = 3/5 with value 1; the column player mixes the first two columns half and half.
    @Test("a 2 × 3 game: value 1 at x = (3/5, 2/5), y = (1/2, 1/2, 0)")
    func twoByThree() throws {
        try Self.check([[3, -1, 2], [-2, 4, 1]], value: 1, row: [F.q(3, 5), F.q(2, 5)], column: [F.q(1, 2), F.q(1, 2), 0])
    }

    @Test("a saddle point: value 2 in pure strategies")
    func saddlePoint() throws {
        try Self.check([[4, 2, 5], [3, 1, 6], [7, 0, -1]], value: 2, row: [1, 0, 0], column: [0, 1, 0])
    }

    @Test("1 × n: the column player picks the row's worst column")
    func singleRow() throws {
        try Self.check([[3, -1, 2]], value: -1, row: [1], column: [0, 1, 0])
    }

    @Test("m × 1: the row player picks the best row")
    func singleColumn() throws {
        try Self.check([[3], [-1], [2]], value: 3, row: [1, 0, 0], column: [1])
    }

    @Test("1 × 1")
    func singleCell() throws {
        try Self.check([[-4]], value: -4, row: [1], column: [1])
    }

    @Test("all-zero and constant games: the value is the constant")
    func constantGames() throws {
        try Self.check([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], value: 0)
        try Self.check([[7, 7], [7, 7], [7, 7]], value: 7)
    }

    /// A = [[3, 1], [0, 2]], B = 5 − A: the row player's value is 3/2 at x = (1/2, 1/2),
    /// y = (1/4, 3/4), the same as in the zero-sum game (A, −A).
    @Test("a constant-sum game is solved with A; the value is the row player's")
    func constantSum() throws {
        let a: [[Int]] = [[3, 1], [0, 2]]
        let game = BimatrixGame(
            rowPayoffs: Matrix(a.map { $0.map { F.q($0) } }),
            columnPayoffs: Matrix(a.map { $0.map { F.q(5 - $0) } }))
        let solution = try Self.solver.solve(game)
        #expect(solution.exactValue == F.q(3, 2))
        #expect(solution.exactRowStrategy == [F.q(1, 2), F.q(1, 2)])
        #expect(solution.exactColumnStrategy == [F.q(1, 4), F.q(3, 4)])
    }

    @Test("fractional payoffs are confirmed exactly")
    func fractions() throws {
        // Matching pennies scaled by 1/3 and shifted by 1/2: value 1/2.
        let a = [[F.q(1, 3) + F.q(1, 2), F.q(-1, 3) + F.q(1, 2)], [F.q(-1, 3) + F.q(1, 2), F.q(1, 3) + F.q(1, 2)]]
        let solution = try Self.solver.solve(.zeroSum(Matrix(a)))
        #expect(solution.exactValue == F.q(1, 2))
        #expect(solution.exactRowStrategy == [F.q(1, 2), F.q(1, 2)])
    }

    @Test("payoffs beyond Int go through BigInt and stay exact")
    func hugePayoffs() throws {
        let big = Rational(BigInt(1) << 80)
        let a = [[big, -big, big], [-big, big, big + 1]]
        let solution = try Self.solver.solve(.zeroSum(Matrix(a)))
        #expect(solution.exactValue == 0)
        #expect(solution.exactColumnStrategy == [F.q(1, 2), F.q(1, 2), 0])
    }

    @Test("a floating-point game gets Double answers only")
    func floatingPoint() throws {
        let a = Matrix([[0.5, -1.25], [-0.75, 1.0]])
        let game = BimatrixGame(approximateRowPayoffs: a, columnPayoffs: a.map { -$0 })
        let solution = try Self.solver.solve(game)
        #expect(solution.confirmation == .floatingPoint)
        #expect(solution.exactValue == nil && solution.valueBounds == nil && solution.exactRowStrategy == nil)
        // x = (7/14, ...): 0.5p − 0.75(1 − p) = −1.25p + (1 − p) ⇒ p = 7/14 = 1/2, value −0.125.
        #expect(abs(solution.value + 0.125) < 1e-12)
        #expect(abs(solution.rowStrategy[0] - 0.5) < 1e-12)
        #expect(solution.certificateGap <= 1e-12)
    }

    @Test("a game that is not constant-sum is rejected with a typed error")
    func notConstantSum() {
        let game = BimatrixGame(
            rowPayoffs: Matrix([[F.q(3), F.q(0)], [F.q(5), F.q(1)]]),
            columnPayoffs: Matrix([[F.q(3), F.q(5)], [F.q(0), F.q(1)]]))
        #expect(throws: ZeroSumError.notConstantSum) { try Self.solver.solve(game) }
    }
}

/// Extreme payoffs: the largest a game allows, and (for the LP model, which takes any finite
/// matrix) payoffs whose range max − min overflows `Double`.
@Suite("ZeroSumSolver on extreme payoffs")
struct ZeroSumExtremePayoffTests {
    @Test("matching pennies at ±maximumPayoffMagnitude: value 0, strategies 1/2")
    func largestPayoffs() throws {
        let big = BimatrixGame.maximumPayoffMagnitude
        let a = Matrix([[big, -big], [-big, big]])
        let game = BimatrixGame(approximateRowPayoffs: a, columnPayoffs: a.map { -$0 })
        let solution = try ZeroSumSolver(lpSolver: GLPKSolver()).solve(game)
        #expect(abs(solution.value) <= 1e-6 * big)
        #expect(solution.rowStrategy.allSatisfy { abs($0 - 0.5) < 1e-9 })
        #expect(solution.columnStrategy.allSatisfy { abs($0 - 0.5) < 1e-9 })
        #expect(solution.certificateGap.isFinite)
    }

    @Test("the LP of extreme payoffs is valid and maps its optimum back to the value")
    func modelNearOverflow() throws {
        let model = ZeroSumLP(rowPayoffs: Matrix([[1.7e308, -1.7e308]]))
        try model.program.validate()
        #expect(model.payoffRange == .greatestFiniteMagnitude)
        #expect(model.program.constraints[0].entries.map(\.coefficient) == [2, 1])
        // Σy = 1 (v′ = 1) is the lowest payoff, Σy = 1/2 (v′ = 2) the highest.
        #expect(model.value(fromObjective: 1) == -1.7e308)
        #expect(model.value(fromObjective: 0.5) == 1.7e308)
    }
}
