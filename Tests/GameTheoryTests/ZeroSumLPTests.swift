import Testing
import Optimization
@testable import GameTheory

/// The zero-sum LP as a value, tested before any solver runs.
@Suite("ZeroSumLP model")
struct ZeroSumLPTests {
    @Test("matching pennies: normalized payoffs, bounds and objective")
    func matchingPennies() throws {
        let model = ZeroSumLP(rowPayoffs: Matrix([[1.0, -1], [-1, 1]]))
        #expect(model.rows == 2 && model.columns == 2)
        #expect(model.lowestPayoff == -1 && model.payoffRange == 2)
        let program = model.program
        try program.validate()
        #expect(program.sense == .maximize)
        #expect(program.variables.allSatisfy { $0.objective == 1 && $0.bounds == .lower(0) })
        #expect(program.constraints.map(\.bounds) == [.upper(1), .upper(1)])
        #expect(program.constraints.map { $0.entries.map(\.coefficient) } == [[2, 1], [1, 2]])
        #expect(program.constraints.allSatisfy { $0.entries.map(\.column) == [0, 1] })
        // The optimum y = (1/3, 1/3) has Σy = 2/3, i.e. v′ = 3/2, v = −1 + 2 · (3/2 − 1) = 0.
        #expect(model.value(fromObjective: 2.0 / 3) == 0)
    }

    /// The known optimum of rock-paper-scissors, written by hand as an LP solution, is certified
    /// by the LP's own duality certificate: the formulation (not a solver) is what is tested.
    @Test("rock-paper-scissors: the hand-made optimum is LP-optimal and maps back to value 0")
    func rockPaperScissors() throws {
        let model = ZeroSumLP(rowPayoffs: Matrix([[0.0, -1, 1], [1, 0, -1], [-1, 1, 0]]))
        // A′ = 1 + (A + 1)/2: every row sums to 4.5, so y = u = (2/9, 2/9, 2/9) with Σ = 2/3.
        let third = 2.0 / 9
        let y = [third, third, third]
        let solution = LPSolution(
            status: .optimal, objectiveValue: 3 * third, primalValues: y,
            rowActivities: model.program.rowActivities(at: y), rowDuals: y, reducedCosts: [0, 0, 0],
            rowBasis: [.atUpper, .atUpper, .atUpper], columnBasis: [.basic, .basic, .basic], iterations: 0)
        let certificate = try #require(model.program.certificate(for: solution))
        #expect(certificate.certifiesOptimality(tolerance: 1e-12))
        #expect(abs(model.value(fromObjective: solution.objectiveValue)) < 1e-12)
        let strategies = try #require(model.strategies(from: solution))
        #expect(strategies.row.allSatisfy { abs($0 - 1.0 / 3) < 1e-15 })
        #expect(strategies.column.allSatisfy { abs($0 - 1.0 / 3) < 1e-15 })
    }

    @Test("a constant matrix maps to all ones and its value back to the constant")
    func constantMatrix() {
        let model = ZeroSumLP(rowPayoffs: Matrix(rows: 2, columns: 3) { _, _ in 7.0 })
        #expect(model.payoffRange == 1)
        #expect(model.program.constraints.allSatisfy { $0.entries.allSatisfy { $0.coefficient == 1 } })
        #expect(model.value(fromObjective: 1) == 7)
    }

    @Test("normalized coefficients lie in [1, 2] with both ends reached")
    func coefficientRange() {
        let model = ZeroSumLP(rowPayoffs: Matrix([[1e6, -3], [250, 4e5]]))
        let coefficients = model.program.constraints.flatMap { $0.entries.map(\.coefficient) }
        #expect(coefficients.min() == 1 && coefficients.max() == 2)
        #expect(coefficients.allSatisfy { (1...2).contains($0) })
    }

    @Test("strategies are clamped at 0 and normalized; missing values give nil")
    func strategies() throws {
        let model = ZeroSumLP(rowPayoffs: Matrix([[1.0, 0], [0, 1]]))
        let solution = LPSolution(
            status: .optimal, objectiveValue: 1, primalValues: [0.5, -1e-18], rowActivities: [1, 1],
            rowDuals: [0.25, 0.75], reducedCosts: [0, 0], rowBasis: [.atUpper, .basic],
            columnBasis: [.basic, .atLower], iterations: 1)
        let strategies = try #require(model.strategies(from: solution))
        #expect(strategies.column == [1, 0])
        #expect(strategies.row == [0.25, 0.75])
        #expect(model.strategies(from: LPSolution(status: .failed(reason: "test"))) == nil)
    }

    @Test("the Double certificate measures what strategies guarantee")
    func certificate() {
        let rps = Matrix([[0.0, -1, 1], [1, 0, -1], [-1, 1, 0]])
        let uniform = [1.0 / 3, 1.0 / 3, 1.0 / 3]
        let optimal = ZeroSumCertificate(payoffs: rps, row: uniform, column: uniform)
        #expect(abs(optimal.gap) < 1e-15)
        let pure = ZeroSumCertificate(payoffs: rps, row: [1, 0, 0], column: [0, 1, 0])
        #expect(pure.lowerGuarantee == -1)  // rock loses to paper
        #expect(pure.upperGuarantee == 1)  // paper loses to scissors
        #expect(pure.gap == 2)
    }
}
