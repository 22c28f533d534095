/// A solver's answer to a `LinearProgram`: status, primal and dual values, and the basis.
///
/// Sign conventions (those of GLPK and most simplex codes), for row duals yᵢ and reduced
/// costs dⱼ:
///
///     dⱼ = cⱼ − Σᵢ aᵢⱼ yᵢ
///
/// yᵢ is the rate of change of the optimal objective per unit increase of row i's active bound,
/// and dⱼ the rate per unit increase of column j's active bound. At an optimum of a
/// *minimization*, a row or column at its lower bound has dual ≥ 0, one at its upper bound has
/// dual ≤ 0, and a basic or free one has dual 0; for a *maximization* the signs flip.
///
/// Arrays are indexed like the program's columns and rows. When `status` is `.optimal` they hold
/// the optimal basic solution; otherwise they hold the solver's last iterate (possibly empty when
/// it produced none) and carry no guarantee. `LinearProgram.certificate(for:)` checks a
/// solution independently of the solver.
public struct LPSolution: Sendable, Equatable {
    /// Outcome of the solve.
    public var status: LPStatus
    /// Objective value Σⱼ cⱼ xⱼ + c₀ at `primalValues` (includes the objective constant); NaN
    /// when the solver produced no iterate.
    public var objectiveValue: Double
    /// Variable values xⱼ, one per column.
    public var primalValues: [Double]
    /// Row activities Σⱼ aᵢⱼ xⱼ, one per row.
    public var rowActivities: [Double]
    /// Row duals yᵢ (shadow prices), one per row.
    public var rowDuals: [Double]
    /// Reduced costs dⱼ, one per column.
    public var reducedCosts: [Double]
    /// Basis status of each row's activity (a row whose activity is basic is not tight, unless
    /// degenerate; a non-basic row is held at one of its bounds).
    public var rowBasis: [LPBasisStatus]
    /// Basis status of each column.
    public var columnBasis: [LPBasisStatus]
    /// Simplex iterations spent (0 when unknown).
    public var iterations: Int

    public init(
        status: LPStatus,
        objectiveValue: Double,
        primalValues: [Double],
        rowActivities: [Double],
        rowDuals: [Double],
        reducedCosts: [Double],
        rowBasis: [LPBasisStatus],
        columnBasis: [LPBasisStatus],
        iterations: Int
    ) {
        self.status = status
        self.objectiveValue = objectiveValue
        self.primalValues = primalValues
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.rowBasis = rowBasis
        self.columnBasis = columnBasis
        self.iterations = iterations
    }

    /// A solution with a status and no values (for failures before any iterate exists).
    public init(status: LPStatus) {
        self.init(
            status: status, objectiveValue: .nan, primalValues: [], rowActivities: [], rowDuals: [],
            reducedCosts: [], rowBasis: [], columnBasis: [], iterations: 0)
    }

    /// Columns in the basis, in increasing order.
    public var basicColumns: [Int] { columnBasis.indices.filter { columnBasis[$0] == .basic } }
    /// Rows whose activity is non-basic, i.e. held at a bound (tight), in increasing order.
    public var nonbasicRows: [Int] { rowBasis.indices.filter { rowBasis[$0].isNonbasic } }
}
