import Optimization
import Testing

/// Tiny programs whose solutions are known by hand or published.
@Suite("QP known solutions")
struct QPKnownSolutionTests {
    @Test("unconstrained: x = −H⁻¹g, no iterations")
    func unconstrained() throws {
        // H = [[4, 1], [1, 3]], g = [1, 2]: H⁻¹g = [1/11, 7/11].
        let program = QuadraticProgram(hessian: [4, 1, 1, 3], gradient: [1, 2])
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(solution.iterations == 0)
        #expect(maxAbsDifference(solution.x, [-1.0 / 11, -7.0 / 11]) <= 1e-15)
        // ½xᵀHx + gᵀx at the minimiser is −½gᵀH⁻¹g = −½(1/11 + 14/11).
        #expect(abs(solution.objective - (-15.0 / 22)) <= 1e-15)
        #expect(solution.residuals.maximum <= 1e-14)
    }

    @Test("one active upper bound, with its multiplier")
    func oneActiveBound() throws {
        // min ½‖x‖² − x₁ − x₂ with x₁ ≤ 0.5: x = (0.5, 1), z₁ = 0.5 (x₁ − 1 + z₁ = 0).
        let program = QuadraticProgram(
            hessian: [1, 0, 0, 1], gradient: [-1, -1],
            variableLower: [-.infinity, -.infinity], variableUpper: [0.5, .infinity])
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, [0.5, 1]) <= 1e-15)
        #expect(maxAbsDifference(solution.boundMultipliers, [0.5, 0]) <= 1e-15)
        #expect(solution.activeSet.variables == [.upper, .inactive])
        #expect(solution.iterations == 1)
    }

    @Test("equality-constrained: projection onto a plane")
    func equalityConstrained() throws {
        // min ½‖x‖² s.t. x₁ + x₂ + x₃ = 3: x = (1, 1, 1), y = −1.
        let program = QuadraticProgram(
            hessian: [1, 0, 0, 0, 1, 0, 0, 0, 1], gradient: [0, 0, 0],
            constraintMatrix: [1, 1, 1], constraintLower: [3], constraintUpper: [3])
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, [1, 1, 1]) <= 1e-15)
        #expect(abs(solution.constraintMultipliers[0] + 1) <= 1e-15)
        #expect(solution.activeSet.constraints == [.equality])
        #expect(solution.iterations == 0)
    }

    @Test("Nocedal & Wright, Numerical Optimization, Example 16.4: x* = (1.4, 1.7)")
    func nocedalWrightExample() throws {
        // min (x₁ − 1)² + (x₂ − 2.5)² s.t. x₁ − 2x₂ + 2 ≥ 0, −x₁ − 2x₂ + 6 ≥ 0, −x₁ + 2x₂ + 2 ≥ 0, x ≥ 0.
        // Only the first constraint binds, with multiplier 0.8.
        let program = QuadraticProgram(
            hessian: [2, 0, 0, 2], gradient: [-2, -5],
            constraintMatrix: [1, -2, -1, -2, -1, 2],
            constraintLower: [-2, -6, -2], constraintUpper: [.infinity, .infinity, .infinity],
            variableLower: [0, 0], variableUpper: [.infinity, .infinity])
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, [1.4, 1.7]) <= 1e-15)
        #expect(maxAbsDifference(solution.constraintMultipliers, [-0.8, 0, 0]) <= 1e-15)
        #expect(abs(solution.objective - (-6.45)) <= 1e-14)  // 0.05 − 7.25 without the constant
    }

    @Test("R quadprog's solve.QP example: x = (10, 22, 44)/21, value −50/21")
    func quadprogExample() throws {
        // Dmat = I, dvec = (0, 5, 0), constraints Aᵀb ≥ b₀ with the columns of Amat as rows.
        let program = QuadraticProgram(
            hessian: [1, 0, 0, 0, 1, 0, 0, 0, 1], gradient: [0, -5, 0],
            constraintMatrix: [-4, -3, 0, 2, 1, 0, 0, -2, 1],
            constraintLower: [-8, 2, 0], constraintUpper: [.infinity, .infinity, .infinity])
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, [10.0 / 21, 22.0 / 21, 44.0 / 21]) <= 1e-14)
        #expect(abs(solution.objective - (-50.0 / 21)) <= 1e-14)
        // quadprog's Lagrangian multipliers (0, 5/21, 44/21) on lower sides: y = −λ.
        #expect(maxAbsDifference(solution.constraintMultipliers, [0, -5.0 / 21, -44.0 / 21]) <= 1e-14)
        #expect(solution.residuals.maximum <= 1e-14)
    }

    @Test("a fixed variable (lb == ub) and a free row (both bounds infinite)")
    func fixedVariableAndFreeRow() throws {
        // min ½‖x‖² − 2x₁ − 2x₂ with x₂ fixed at −1 and a row with no bounds: x = (2, −1).
        let program = QuadraticProgram(
            hessian: [1, 0, 0, 1], gradient: [-2, -2],
            constraintMatrix: [1, 1], constraintLower: [-.infinity], constraintUpper: [.infinity],
            variableLower: [-.infinity, -1], variableUpper: [.infinity, -1])
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, [2, -1]) <= 1e-15)
        #expect(maxAbsDifference(solution.boundMultipliers, [0, 3]) <= 1e-15)
        #expect(solution.activeSet.variables == [.inactive, .equality])
        #expect(solution.activeSet.constraints == [.inactive])
    }

    @Test("a constraint that is a combination of active ones is handled (dependent normals)")
    func dependentConstraints() throws {
        // x₁ ≥ 1, x₂ ≥ 1 and x₁ + x₂ ≥ 2 all bind at x = (1, 1) for min ½‖x‖².
        let program = QuadraticProgram(
            hessian: [1, 0, 0, 1], gradient: [0, 0],
            constraintMatrix: [1, 0, 0, 1, 1, 1, 1, 1],
            constraintLower: [1, 1, 2, 2], constraintUpper: [.infinity, .infinity, .infinity, .infinity])
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(maxAbsDifference(solution.x, [1, 1]) <= 1e-15)
        #expect(recomputedResiduals(solution, of: program).maximum <= 1e-14)
    }

    @Test("a warm-start guess with nearly parallel constraints gives the cold answer")
    func nearlyParallelGuess() throws {
        // x₁ ≥ 1 and x₁ + 1e-10·x₂ ≥ 1.001 for min ½‖x‖²: only the second binds, x ≈ (1.001, 1e-13).
        let program = QuadraticProgram(
            hessian: [1, 0, 0, 1], gradient: [0, 0],
            constraintMatrix: [1, 0, 1, 1e-10], constraintLower: [1, 1.001], constraintUpper: [.infinity, .infinity])
        var solver = try QPSolver(program: program)
        let cold = solver.solve()
        #expect(cold.status == .solved)
        #expect(abs(cold.x[0] - 1.001) <= 1e-12)
        let warm = solver.solve(warmStart: QPActiveSet(constraints: [.lower, .lower], variables: [.inactive, .inactive]))
        #expect(warm.status == .solved)
        #expect(maxAbsDifference(warm.x, cold.x) <= 1e-12)
        #expect(recomputedResiduals(warm, of: program).maximum <= 1e-12)
    }
}
