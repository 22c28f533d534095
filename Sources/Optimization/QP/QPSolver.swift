/// A dense solver for small strictly convex quadratic programs (see ``QuadraticProgram``), built
/// for model predictive control: OSQP's lifecycle with an exact active-set method.
///
/// Lifecycle:
/// 1. **Set up once** with ``init(program:settings:)``: sizes are fixed, buffers are allocated and
///    `H = LLᵀ` is factorised.
/// 2. **Update** the data each control step: ``updateGradient(_:)``,
///    ``updateConstraintBounds(lower:upper:)``, ``updateVariableBounds(lower:upper:)``,
///    ``updateConstraintMatrix(_:)``, or everything at once with ``update(_:)``. `H` may change
///    too (``updateHessian(_:)``); it is refactorised only when it actually differs.
/// 3. **Warm-start** by passing a guessed active set, typically the previous solution's
///    ``QPSolution/activeSet`` shifted along the horizon.
/// 4. **Solve** with ``solve(warmStart:)``; the status says whether the program was solved or
///    is infeasible, and ``QPSolution/residuals`` measures the accuracy reached.
///
/// Algorithm: the Goldfarb–Idnani dual active-set method (see `GoldfarbIdnaniKernel`), with
/// a final polish that recomputes the point from the active set. It is exact up to rounding: the
/// reported KKT residuals are typically 1e-12 or smaller relative to the data's scale (at most
/// 3e-12 over the 10,000 car-following programs of the benchmark). A warm start that ends in a
/// numerical failure is retried cold, so a guess costs time, never correctness.
///
/// Value semantics: copies are independent (the workspace is copied on the first write after a
/// copy). A solve allocates nothing as long as the caller does not keep the previous
/// ``QPSolution`` alive across the call (its arrays are reused). Not thread-safe for concurrent
/// mutation, like any value; give each agent its own solver.
///
/// Invalid data: dimension mismatches are programmer errors (preconditions); non-finite numbers
/// and a non-positive-definite Hessian throw ``QPDataError`` and leave the solver unchanged; any
/// finite data, even nonsensical, yields a status rather than a trap.
public struct QPSolver: Sendable {
    /// n.
    public let variableCount: Int
    /// m.
    public let constraintCount: Int
    /// Tolerances and limits; may be changed between solves.
    public var settings: QPSettings
    private var workspace: DenseQPWorkspace
    private var solution: QPSolution

    /// Sets up the solver for `program`'s sizes and factorises its Hessian.
    /// - Throws: ``QPDataError`` for non-finite data or a Hessian that is not symmetric positive
    ///   definite.
    /// - Complexity: O(n³ + m·n).
    public init(program: QuadraticProgram, settings: QPSettings = QPSettings()) throws(QPDataError) {
        program.checkDimensions()
        try program.validate()
        let n = program.variableCount, m = program.constraintCount
        let workspace = DenseQPWorkspace(variableCount: n, constraintCount: m)
        if let pivot = workspace.installHessian(program.hessian) {
            throw .hessianNotPositiveDefinite(pivot: pivot)
        }
        variableCount = n
        constraintCount = m
        self.settings = settings
        self.workspace = workspace
        solution = QPSolution(
            status: .numericalFailure, iterations: 0, objective: .nan,
            x: Array(repeating: 0, count: n), constraintMultipliers: Array(repeating: 0, count: m),
            boundMultipliers: Array(repeating: 0, count: n),
            activeSet: QPActiveSet(constraintCount: m, variableCount: n),
            residuals: QPResiduals(primalInfeasibility: .nan, dualResidual: .nan, complementarity: .nan))
        load(program)
        DenseQPWorkspace.load(program.constraintMatrix, into: workspace.matrix)
        workspace.refreshRowNorms()
    }

    /// The data being solved (the last successful update), copied out of the solver's workspace.
    /// The solver keeps no reference to the caller's arrays, so a caller that rewrites its own
    /// program in place between solves allocates nothing. - Complexity: O(n² + m·n), allocates.
    public var program: QuadraticProgram {
        let n = variableCount, m = constraintCount, w = workspace
        func array(_ pointer: UnsafeMutablePointer<Double>, _ count: Int) -> [Double] {
            Array(UnsafeBufferPointer(start: pointer, count: count))
        }
        return QuadraticProgram(
            hessian: array(w.hessian, n * n), gradient: array(w.gradient, n),
            constraintMatrix: array(w.matrix, m * n),
            constraintLower: array(w.rowLower, m), constraintUpper: array(w.rowUpper, m),
            variableLower: array(w.variableLower, n), variableUpper: array(w.variableUpper, n))
    }

    // MARK: - Updates

    /// Replaces all data (same sizes). `H` is checked and refactorised, and `C` checked and
    /// reloaded, only when they differ from the current ones, so an MPC step that changes only
    /// `g` and the bounds costs O(n² + m·n) comparisons and no factorisation.
    /// - Throws: ``QPDataError``; the solver then keeps its previous data.
    /// - Complexity: O(n² + m·n), plus O(n³) when `H` changed.
    public mutating func update(_ newProgram: QuadraticProgram) throws(QPDataError) {
        requireSameSizes(newProgram)
        let hessianChanged = !workspace.hessianEquals(newProgram.hessian)
        let matrixChanged = !workspace.matrixEquals(newProgram.constraintMatrix)
        if hessianChanged {
            try QuadraticProgram.requireFinite(newProgram.hessian, .hessian)
            try QuadraticProgram.requireSymmetric(newProgram.hessian, order: variableCount)
        }
        if matrixChanged { try QuadraticProgram.requireFinite(newProgram.constraintMatrix, .constraintMatrix) }
        try QuadraticProgram.requireFinite(newProgram.gradient, .gradient)
        try QuadraticProgram.requireNotNaN(newProgram.constraintLower, .constraintLower)
        try QuadraticProgram.requireNotNaN(newProgram.constraintUpper, .constraintUpper)
        try QuadraticProgram.requireNotNaN(newProgram.variableLower, .variableLower)
        try QuadraticProgram.requireNotNaN(newProgram.variableUpper, .variableUpper)
        makeUnique()
        if hessianChanged, let pivot = workspace.installHessian(newProgram.hessian) {
            throw .hessianNotPositiveDefinite(pivot: pivot)
        }
        load(newProgram)
        if matrixChanged {
            DenseQPWorkspace.load(newProgram.constraintMatrix, into: workspace.matrix)
            workspace.refreshRowNorms()
        }
    }

    /// Replaces `g` (length n). - Throws: ``QPDataError/nonFinite(field:index:)``.
    public mutating func updateGradient(_ gradient: [Double]) throws(QPDataError) {
        precondition(gradient.count == variableCount, "gradient must have \(variableCount) entries")
        try QuadraticProgram.requireFinite(gradient, .gradient)
        makeUnique()
        DenseQPWorkspace.load(gradient, into: workspace.gradient)
    }

    /// Replaces `l` and `u` (length m each; infinities allowed, NaN not).
    public mutating func updateConstraintBounds(lower: [Double], upper: [Double]) throws(QPDataError) {
        precondition(lower.count == constraintCount && upper.count == constraintCount,
                     "constraint bounds must have \(constraintCount) entries")
        try QuadraticProgram.requireNotNaN(lower, .constraintLower)
        try QuadraticProgram.requireNotNaN(upper, .constraintUpper)
        makeUnique()
        DenseQPWorkspace.load(lower, into: workspace.rowLower)
        DenseQPWorkspace.load(upper, into: workspace.rowUpper)
    }

    /// Replaces `lb` and `ub` (length n each; infinities allowed, NaN not).
    public mutating func updateVariableBounds(lower: [Double], upper: [Double]) throws(QPDataError) {
        precondition(lower.count == variableCount && upper.count == variableCount,
                     "variable bounds must have \(variableCount) entries")
        try QuadraticProgram.requireNotNaN(lower, .variableLower)
        try QuadraticProgram.requireNotNaN(upper, .variableUpper)
        makeUnique()
        DenseQPWorkspace.load(lower, into: workspace.variableLower)
        DenseQPWorkspace.load(upper, into: workspace.variableUpper)
    }

    /// Replaces `C` (m×n, row-major, finite).
    public mutating func updateConstraintMatrix(_ matrix: [Double]) throws(QPDataError) {
        try updateConstraintRows(0..<constraintCount, from: matrix)
    }

    /// Replaces the rows `rows` of `C` by those of `matrix` (the whole m×n row-major matrix; the
    /// other rows are not read): for a caller whose changes are confined to some rows, e.g. a
    /// receding-horizon controller whose fixed rows never change.
    /// - Throws: ``QPDataError/nonFinite(field:index:)`` (index into `matrix`) for a non-finite
    ///   entry of those rows; nothing is changed then.
    /// - Complexity: O(|rows|·n).
    public mutating func updateConstraintRows(_ rows: Range<Int>, from matrix: [Double]) throws(QPDataError) {
        precondition(matrix.count == constraintCount * variableCount,
                     "constraint matrix must have \(constraintCount)×\(variableCount) entries")
        precondition(rows.lowerBound >= 0 && rows.upperBound <= constraintCount, "rows out of range")
        let n = variableCount, span = (rows.lowerBound * n)..<(rows.upperBound * n)
        if let index = matrix[span].firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(field: .constraintMatrix, index: index)
        }
        makeUnique()
        matrix.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress, !span.isEmpty else { return }
            (workspace.matrix + span.lowerBound).update(from: base + span.lowerBound, count: span.count)
        }
        workspace.refreshRowNorms(rows)
    }

    /// Replaces `H` (n×n, row-major, symmetric positive definite) and refactorises it if changed.
    /// - Throws: ``QPDataError``; the previous Hessian then stays in force.
    /// - Complexity: O(n³) when `H` changed, O(n²) otherwise.
    public mutating func updateHessian(_ hessian: [Double]) throws(QPDataError) {
        precondition(hessian.count == variableCount * variableCount,
                     "hessian must have \(variableCount)×\(variableCount) entries")
        try QuadraticProgram.requireFinite(hessian, .hessian)
        try QuadraticProgram.requireSymmetric(hessian, order: variableCount)
        makeUnique()
        if workspace.hessianEquals(hessian) { return }
        if let pivot = workspace.installHessian(hessian) { throw .hessianNotPositiveDefinite(pivot: pivot) }
    }

    // MARK: - Solve

    /// Solves the current program.
    ///
    /// - Parameter warmStart: a guessed active set (sizes m and n), e.g. the previous solution's
    ///   active set shifted by one step; nil for a cold start from the unconstrained minimiser.
    ///   A wrong guess costs time, never correctness.
    /// - Returns: the status, point, multipliers, active set and KKT residuals. Never traps on
    ///   finite data.
    /// - Complexity: O(n² + m·n) per iteration; iterations ≈ active-set changes.
    public mutating func solve(warmStart: QPActiveSet? = nil) -> QPSolution {
        makeUnique()
        let n = variableCount, m = constraintCount
        if let guess = warmStart {
            precondition(guess.constraints.count == m && guess.variables.count == n,
                         "warm-start active set must have \(m) constraint and \(n) variable entries")
            for k in 0..<m { workspace.guess[k] = Self.stateCode(guess.constraints[k]) }
            for k in 0..<n { workspace.guess[m + k] = Self.stateCode(guess.variables[k]) }
        }
        var kernel = GoldfarbIdnaniKernel(workspace: workspace, settings: settings)
        var (status, iterations) = Self.run(&kernel, warm: warmStart != nil)
        if warmStart != nil && status == .numericalFailure {
            // A guess must never cost correctness: retry from the unconstrained minimiser.
            let previous = iterations
            (status, iterations) = Self.run(&kernel, warm: false)
            iterations += previous
        }
        kernel.writeMultipliers(constraints: workspace.constraintMultipliers, bounds: workspace.boundMultipliers)
        let (objective, residuals) = kernel.measure(
            constraints: workspace.constraintMultipliers, bounds: workspace.boundMultipliers,
            rowValuesAreCurrent: status == .solved)
        var finalStatus = status
        if objective.isNaN || residuals.maximum.isNaN { finalStatus = .numericalFailure }

        solution.status = finalStatus
        solution.iterations = iterations
        solution.objective = objective
        solution.residuals = residuals
        let ws = workspace
        solution.x.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: ws.x, count: n) }
        solution.boundMultipliers.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: ws.boundMultipliers, count: n) }
        if m > 0 {
            solution.constraintMultipliers.withUnsafeMutableBufferPointer {
                $0.baseAddress!.update(from: ws.constraintMultipliers, count: m)
            }
        }
        for k in 0..<m { solution.activeSet.constraints[k] = kernel.activeSide(k) }
        for k in 0..<n { solution.activeSet.variables[k] = kernel.activeSide(m + k) }
        return solution
    }

    // MARK: - Helpers

    private static func run(_ kernel: inout GoldfarbIdnaniKernel, warm: Bool) -> (QPStatus, Int) {
        if let early = kernel.start(warm: warm) { return (early, 0) }
        return kernel.iterate()
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&workspace) { workspace = workspace.copy() }
    }

    private func requireSameSizes(_ other: QuadraticProgram) {
        other.checkDimensions()
        precondition(other.variableCount == variableCount && other.constraintCount == constraintCount,
                     "program sizes are fixed at setup: expected n = \(variableCount), m = \(constraintCount)")
    }

    /// Copies g, l, u, lb, ub of `data` into the workspace (H and C are handled by the callers).
    private func load(_ data: QuadraticProgram) {
        DenseQPWorkspace.load(data.gradient, into: workspace.gradient)
        DenseQPWorkspace.load(data.constraintLower, into: workspace.rowLower)
        DenseQPWorkspace.load(data.constraintUpper, into: workspace.rowUpper)
        DenseQPWorkspace.load(data.variableLower, into: workspace.variableLower)
        DenseQPWorkspace.load(data.variableUpper, into: workspace.variableUpper)
    }

    private static func stateCode(_ side: QPActiveSet.Side) -> Int {
        switch side {
        case .inactive, .equality: return GoldfarbIdnaniKernel.State.inactive
        case .lower: return GoldfarbIdnaniKernel.State.lower
        case .upper: return GoldfarbIdnaniKernel.State.upper
        }
    }
}
