import Optimization
@testable import GLPK

/// The project's seeded generator (SplitMix64), so every random input is reproducible from its seed.
typealias SeededGenerator = SplitMix64

/// Every combination of method and presolve, with GLPK's default pricing and ratio test.
let methodAndPresolveSettings: [GLPKSolver.Settings] = GLPKSolver.Settings.Method.allCases.flatMap { method in
    [false, true].map { GLPKSolver.Settings(method: method, presolve: $0) }
}

/// Absolute comparison of arrays, elementwise.
func isClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

/// Textbook programs with known optima, shared by the example tests.
enum TextbookPrograms {
    /// max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18, x, y ≥ 0.
    /// Optimum 36 at (2, 6); row duals (0, 3/2, 1).
    static var wyndor: LinearProgram {
        var program = LinearProgram(sense: .maximize)
        program.addVariable(objective: 3)
        program.addVariable(objective: 5)
        program.addConstraint([.init(0, 1)], bounds: .upper(4))
        program.addConstraint([.init(1, 2)], bounds: .upper(12))
        program.addConstraint([.init(0, 3), .init(1, 2)], bounds: .upper(18))
        return program
    }

    /// GLPK manual's example: max 10x₁ + 6x₂ + 4x₃ s.t. x₁ + x₂ + x₃ ≤ 100,
    /// 10x₁ + 4x₂ + 5x₃ ≤ 600, 2x₁ + 2x₂ + 6x₃ ≤ 300, x ≥ 0.
    /// Optimum 2200/3 at (100/3, 200/3, 0); row duals (10/3, 2/3, 0); reduced costs (0, 0, −8/3).
    static var glpkManual: LinearProgram {
        var program = LinearProgram(sense: .maximize)
        for objective in [10.0, 6, 4] { program.addVariable(objective: objective) }
        program.addConstraint(.init(dense: [1, 1, 1], bounds: .upper(100)))
        program.addConstraint(.init(dense: [10, 4, 5], bounds: .upper(600)))
        program.addConstraint(.init(dense: [2, 2, 6], bounds: .upper(300)))
        return program
    }

    /// min 2x + 3y s.t. x + y ≥ 4, x + 3y ≥ 6, x, y ≥ 0. Optimum 9 at (3, 1); row duals (3/2, 1/2).
    static var covering: LinearProgram {
        var program = LinearProgram()
        program.addVariable(objective: 2)
        program.addVariable(objective: 3)
        program.addConstraint(.init(dense: [1, 1], bounds: .lower(4)))
        program.addConstraint(.init(dense: [1, 3], bounds: .lower(6)))
        return program
    }

    /// min x + 2y + 3z s.t. x + y + z = 1, x − y = 0, x, y, z ≥ 0.
    /// Optimum 3/2 at (1/2, 1/2, 0); row duals (3/2, −1/2); reduced costs (0, 0, 3/2).
    static var equalities: LinearProgram {
        var program = LinearProgram()
        for objective in [1.0, 2, 3] { program.addVariable(objective: objective) }
        program.addConstraint(.init(dense: [1, 1, 1], bounds: .fixed(1)))
        program.addConstraint(.init(dense: [1, -1, 0], bounds: .double(0, 0)))
        return program
    }

    /// Bounds of every kind: min x₁ − x₂ + x₃ + x₅ + 10 with x₁ free, x₂ ≤ 3, x₃ ∈ [1, 2], x₄ = 5,
    /// x₅ ≥ −1; rows x₁ + x₄ ≥ 2, x₁ + x₂ ∈ [−10, 10], x₂ + x₃ + x₅ free.
    /// Optimum 4 at (−3, 3, 1, 5, −1); row duals (1, 0, 0); reduced costs (0, −1, 1, −1, 1).
    static var everyBound: LinearProgram {
        var program = LinearProgram(objectiveConstant: 10)
        program.addVariable(objective: 1, bounds: .free)
        program.addVariable(objective: -1, bounds: .upper(3))
        program.addVariable(objective: 1, bounds: .double(1, 2))
        program.addVariable(objective: 0, bounds: .fixed(5))
        program.addVariable(objective: 1, bounds: .lower(-1))
        program.addConstraint([.init(0, 1), .init(3, 1)], bounds: .lower(2))
        program.addConstraint([.init(0, 1), .init(1, 1)], bounds: .double(-10, 10))
        program.addConstraint([.init(1, 1), .init(2, 1), .init(4, 1)], bounds: .free)
        return program
    }

    /// x + y ≤ 1 and x + y ≥ 3 with x, y ≥ 0: infeasible.
    static var infeasible: LinearProgram {
        var program = LinearProgram()
        program.addVariable(objective: 1)
        program.addVariable(objective: 1)
        program.addConstraint(.init(dense: [1, 1], bounds: .upper(1)))
        program.addConstraint(.init(dense: [1, 1], bounds: .lower(3)))
        return program
    }

    /// max x + y s.t. x − y ≤ 1, x, y ≥ 0: unbounded along (1, 1).
    static var unbounded: LinearProgram {
        var program = LinearProgram(sense: .maximize)
        program.addVariable(objective: 1)
        program.addVariable(objective: 1)
        program.addConstraint(.init(dense: [1, -1], bounds: .upper(1)))
        return program
    }

    /// max x s.t. y ≤ −1, x, y ≥ 0: infeasible, and its dual is infeasible too.
    static var primalAndDualInfeasible: LinearProgram {
        var program = LinearProgram(sense: .maximize)
        program.addVariable(objective: 1)
        program.addVariable(objective: 0)
        program.addConstraint([.init(1, 1)], bounds: .upper(-1))
        return program
    }
}
