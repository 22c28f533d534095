import Testing
import Optimization

/// The certificate is checked on hand-made solutions, so that it is tested without any solver.
@Suite("LinearProgram.certificate")
struct LPCertificateTests {
    /// max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18, x, y ≥ 0; optimum 36 at (2, 6) with row
    /// duals (0, 3/2, 1) and reduced costs (0, 0).
    static let program = LPValidationTests.valid

    static func solution(primal: [Double], duals: [Double], reduced: [Double] = [0, 0]) -> LPSolution {
        LPSolution(
            status: .optimal, objectiveValue: program.objectiveValue(at: primal), primalValues: primal,
            rowActivities: program.rowActivities(at: primal), rowDuals: duals, reducedCosts: reduced,
            rowBasis: [.basic, .atUpper, .atUpper], columnBasis: [.basic, .basic], iterations: 0)
    }

    @Test("the textbook optimum is certified")
    func optimum() throws {
        let certificate = try #require(Self.program.certificate(for: Self.solution(primal: [2, 6], duals: [0, 1.5, 1])))
        #expect(certificate.primalInfeasibility == 0)
        #expect(certificate.dualInfeasibility == 0)
        #expect(certificate.primalObjective == 36)
        #expect(certificate.dualObjective == 36)
        #expect(certificate.dualityGap == 0)
        #expect(certificate.reducedCostMismatch == 0)
        #expect(certificate.certifiesOptimality(tolerance: 1e-12))
    }

    @Test("a feasible but suboptimal point leaves a positive gap")
    func suboptimal() throws {
        let certificate = try #require(Self.program.certificate(for: Self.solution(primal: [4, 3], duals: [0, 1.5, 1])))
        #expect(certificate.primalInfeasibility == 0)
        #expect(certificate.dualityGap == 36 - 27)
        #expect(!certificate.certifiesOptimality(tolerance: 1e-6))
    }

    @Test("an infeasible point is measured by its largest violation")
    func primalInfeasible() throws {
        let certificate = try #require(Self.program.certificate(for: Self.solution(primal: [5, 6], duals: [0, 1.5, 1])))
        #expect(certificate.primalInfeasibility == 9)  // 3·5 + 2·6 = 27 > 18 (and x = 5 > 4 by 1)
        #expect(!certificate.certifiesOptimality(tolerance: 1e-6))
    }

    @Test("a dual of the wrong sign is dual infeasibility")
    func dualInfeasible() throws {
        // For a maximization, a row with only an upper bound needs a dual ≥ 0.
        let certificate = try #require(Self.program.certificate(for: Self.solution(primal: [2, 6], duals: [-1, 1.5, 1], reduced: [1, 0])))
        #expect(certificate.dualInfeasibility == 1)
        #expect(!certificate.certifiesOptimality(tolerance: 1e-6))
    }

    @Test("a wrong reported reduced cost is flagged")
    func reducedCostMismatch() throws {
        let certificate = try #require(Self.program.certificate(for: Self.solution(primal: [2, 6], duals: [0, 1.5, 1], reduced: [0, 0.25])))
        #expect(certificate.reducedCostMismatch == 0.25)
    }

    @Test("bounds of every kind enter the dual bound")
    func everyBoundKind() throws {
        // min x1 − x2 + x3 + x5 + 10, x1 free, x2 ≤ 3, x3 ∈ [1, 2], x4 = 5, x5 ≥ −1,
        // rows: x1 + x4 ≥ 2, x1 + x2 ∈ [−10, 10], x2 + x3 + x5 free. Optimum 4 at (−3, 3, 1, 5, −1),
        // row duals (1, 0, 0), reduced costs (0, −1, 1, −1, 1).
        var program = LinearProgram(objectiveConstant: 10)
        program.addVariable(objective: 1, bounds: .free)
        program.addVariable(objective: -1, bounds: .upper(3))
        program.addVariable(objective: 1, bounds: .double(1, 2))
        program.addVariable(objective: 0, bounds: .fixed(5))
        program.addVariable(objective: 1, bounds: .lower(-1))
        program.addConstraint([.init(0, 1), .init(3, 1)], bounds: .lower(2))
        program.addConstraint([.init(0, 1), .init(1, 1)], bounds: .double(-10, 10))
        program.addConstraint([.init(1, 1), .init(2, 1), .init(4, 1)], bounds: .free)
        let x: [Double] = [-3, 3, 1, 5, -1]
        let solution = LPSolution(
            status: .optimal, objectiveValue: 4, primalValues: x, rowActivities: program.rowActivities(at: x),
            rowDuals: [1, 0, 0], reducedCosts: [0, -1, 1, -1, 1], rowBasis: [.atLower, .basic, .basic],
            columnBasis: [.basic, .atUpper, .atLower, .fixed, .atLower], iterations: 0)
        let certificate = try #require(program.certificate(for: solution))
        #expect(certificate.primalObjective == 4)
        #expect(certificate.dualObjective == 4)
        #expect(certificate.certifiesOptimality(tolerance: 1e-12))
        #expect(certificate.reducedCostMismatch == 0)
        // A dual on the free row can pair with no bound.
        var wrong = solution
        wrong.rowDuals[2] = 0.5
        #expect(try #require(program.certificate(for: wrong)).dualInfeasibility == 0.5)
    }

    @Test("a solution without values has no certificate")
    func noValues() {
        #expect(Self.program.certificate(for: LPSolution(status: .infeasible)) == nil)
    }
}
