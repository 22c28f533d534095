import Optimization
import Testing

/// Agreement with reference solutions computed by independent tools (cvxopt, confirmed by
/// quadprog); see QPReferenceFixtures.swift and Fixtures/generate_qp_references.py.
@Suite("QP reference solutions")
struct QPReferenceTests {
    @Test("matches the cvxopt reference to 1e-6 (point) and 1e-8 (objective)", arguments: QPReferenceFixtures.all)
    func matchesReference(reference: QPReferenceCase) throws {
        let program = reference.program
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, reference.referenceSolution) <= 1e-6)
        #expect(abs(solution.objective - reference.referenceObjective) <= 1e-8 * (1 + abs(reference.referenceObjective)))
        #expect(recomputedResiduals(solution, of: program).maximum <= 1e-8)
        // Our objective is no worse than the reference's (both are feasible to rounding).
        #expect(solution.objective <= program.objective(at: reference.referenceSolution) + 1e-9)
    }
}
