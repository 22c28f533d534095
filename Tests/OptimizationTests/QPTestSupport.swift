import Optimization

/// The project's seeded generator (SplitMix64), so every random input is reproducible from its seed.
typealias QPTestRandom = SplitMix64

extension SplitMix64 {
    /// A uniform number in [lower, upper).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        Double.random(in: lower..<upper, using: &self)
    }
}

/// A random strictly convex QP together with a point known to satisfy all its constraints.
struct RandomQP {
    var program: QuadraticProgram
    var feasiblePoint: [Double]

    /// `H = MᵀM + εI` with uniform M, rows of C uniform in [−1, 1], and bounds drawn around
    /// `C x_f` for a random `x_f`: two-sided, one-sided, equality (at most n/3), tight
    /// (`l = (C x_f)_i`, so degenerate at `x_f`) and, every 7th row, an exact duplicate of the
    /// previous row. The unconstrained minimiser is pushed away from `x_f` so many constraints bind.
    init(seed: UInt64, variables n: Int, constraints m: Int, epsilon: Double = 0.05) {
        var random = QPTestRandom(seed: seed)
        let xf = (0..<n).map { _ in random.uniform(-1, 1) }
        let root = (0..<(n * n)).map { _ in random.uniform(-1, 1) }
        var hessian = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var sum = i == j ? epsilon : 0
                for k in 0..<n { sum += root[k * n + i] * root[k * n + j] }
                hessian[i * n + j] = sum
            }
        }
        let target = xf.map { $0 + random.uniform(-3, 3) }
        let gradient = (0..<n).map { i in
            var sum = 0.0
            for j in 0..<n { sum -= hessian[i * n + j] * target[j] }
            return sum
        }
        var matrix = [Double](repeating: 0, count: m * n)
        var lower = [Double](repeating: -.infinity, count: m)
        var upper = [Double](repeating: .infinity, count: m)
        var equalities = 0
        for i in 0..<m {
            if i % 7 == 6 {
                for j in 0..<n { matrix[i * n + j] = matrix[(i - 1) * n + j] }
            } else {
                for j in 0..<n { matrix[i * n + j] = random.uniform(-1, 1) }
            }
            var cx = 0.0
            for j in 0..<n { cx += matrix[i * n + j] * xf[j] }
            switch random.uniform(0, 1) {
            case ..<0.35:
                lower[i] = cx - random.uniform(0, 0.5); upper[i] = cx + random.uniform(0, 0.5)
            case ..<0.6: lower[i] = cx - random.uniform(0, 0.5)
            case ..<0.85: upper[i] = cx + random.uniform(0, 0.5)
            case ..<0.93: lower[i] = cx
            default:
                if equalities < n / 3 && i % 7 != 6 {
                    equalities += 1
                    lower[i] = cx; upper[i] = cx
                } else {
                    upper[i] = cx
                }
            }
        }
        let variableLower = xf.map { x in random.uniform(0, 1) < 0.2 ? -.infinity : x - random.uniform(0.1, 1) }
        let variableUpper = xf.map { x in random.uniform(0, 1) < 0.2 ? .infinity : x + random.uniform(0.1, 1) }
        program = QuadraticProgram(
            hessian: hessian, gradient: gradient, constraintMatrix: matrix,
            constraintLower: lower, constraintUpper: upper,
            variableLower: variableLower, variableUpper: variableUpper)
        feasiblePoint = xf
    }
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// Recomputed KKT residuals of a solution, from the program's data (not the solver's state).
func recomputedResiduals(_ solution: QPSolution, of program: QuadraticProgram) -> QPResiduals {
    program.residuals(
        x: solution.x, constraintMultipliers: solution.constraintMultipliers,
        boundMultipliers: solution.boundMultipliers)
}

/// One QP with a reference solution from an independent tool (see QPReferenceFixtures.swift).
struct QPReferenceCase: CustomStringConvertible, Sendable {
    var name: String
    var seed: Int
    var hessian: [Double]
    var gradient: [Double]
    var constraintMatrix: [Double]
    var constraintLower: [Double]
    var constraintUpper: [Double]
    var variableLower: [Double]
    var variableUpper: [Double]
    var referenceSolution: [Double]
    var referenceObjective: Double

    var program: QuadraticProgram {
        QuadraticProgram(
            hessian: hessian, gradient: gradient, constraintMatrix: constraintMatrix,
            constraintLower: constraintLower, constraintUpper: constraintUpper,
            variableLower: variableLower, variableUpper: variableUpper)
    }
    var description: String { "\(name) (seed \(seed), n = \(gradient.count), m = \(constraintLower.count))" }
}
