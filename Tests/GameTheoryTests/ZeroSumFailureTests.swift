import Testing
import Optimization
@testable import GameTheory

/// How `ZeroSumSolver` treats LP answers it cannot trust (canned answers, no GLPK).
@Suite("ZeroSumSolver failure handling")
struct ZeroSumFailureTests {
    static let pennies = ZeroSumFixtures.game([[1, -1], [-1, 1]])

    @Test("an LP that stops without an optimum is an error carrying its status")
    func lpFailure() {
        let solver = ZeroSumSolver(lpSolver: CannedLPSolver { _ in LPSolution(status: .failed(reason: "iteration limit reached")) })
        #expect(throws: ZeroSumError.lpNotSolved(.failed(reason: "iteration limit reached"))) {
            try solver.solve(Self.pennies)
        }
    }

    @Test("an 'optimal' answer with no strategy weights is an error")
    func emptyOptimum() {
        let solver = ZeroSumSolver(lpSolver: CannedLPSolver { program in
            LPSolution(
                status: .optimal, objectiveValue: 0, primalValues: [0, 0], rowActivities: [0, 0], rowDuals: [0, 0],
                reducedCosts: [1, 1], rowBasis: [.basic, .basic], columnBasis: [.atLower, .atLower], iterations: 0)
        })
        #expect(throws: ZeroSumError.self) { try solver.solve(Self.pennies) }
    }

    @Test("strategies that fail the certificate are rejected, not returned")
    func wrongStrategies() {
        // Claims the pure profile (row 1, column 1) is optimal in matching pennies: gap 2.
        let solver = ZeroSumSolver(lpSolver: CannedLPSolver { _ in
            LPSolution(
                status: .optimal, objectiveValue: 0.5, primalValues: [0.5, 0], rowActivities: [1, 0.5],
                rowDuals: [0.5, 0], reducedCosts: [0, 0], rowBasis: [.atUpper, .basic],
                columnBasis: [.basic, .atLower], iterations: 1)
        })
        #expect(throws: ZeroSumError.certificateFailed(gap: 2, allowance: 2e-6)) { try solver.solve(Self.pennies) }
    }

    @Test("errors explain themselves")
    func messages() {
        #expect(ZeroSumError.notConstantSum.description.contains("not zero-sum or constant-sum"))
        #expect(ZeroSumError.lpNotSolved(.failed(reason: "x")).description == "the zero-sum LP was not solved: failed (x)")
    }
}
