/// A linear program as a plain value: no solver state, no C pointers.
///
///     minimize / maximize   Σⱼ cⱼ xⱼ + c₀
///     subject to            lᵢ ≤ Σⱼ aᵢⱼ xⱼ ≤ uᵢ    for every constraint row i
///                           lⱼ ≤ xⱼ ≤ uⱼ           for every variable (column) j
///
/// Columns and rows are numbered from 0 in the order they were added. The constraint matrix is
/// stored sparsely, row by row, as `(column, coefficient)` entries; absent entries are zero.
/// Nothing is checked while building; `validate()` checks the whole program (every LP solver calls
/// it before touching its own data structures).
///
/// Units are whatever the caller's model uses; the program itself is dimensionless.
public struct LinearProgram: Sendable, Hashable {
    /// Whether the objective is minimized or maximized.
    public enum Sense: Sendable, Hashable {
        case minimize
        case maximize
    }

    /// Direction of optimization.
    public var sense: Sense
    /// The constant c₀ added to the objective (it changes the optimal value, not the optimal point).
    public var objectiveConstant: Double
    /// The variables (columns), each with its objective coefficient and bounds.
    public var variables: [Variable]
    /// The constraint rows, each with sparse coefficients and bounds on its activity Σⱼ aᵢⱼ xⱼ.
    public var constraints: [Constraint]

    /// Creates a program; with the defaults, an empty minimization.
    public init(
        sense: Sense = .minimize,
        objectiveConstant: Double = 0,
        variables: [Variable] = [],
        constraints: [Constraint] = []
    ) {
        self.sense = sense
        self.objectiveConstant = objectiveConstant
        self.variables = variables
        self.constraints = constraints
    }

    /// Number of variables (columns).
    public var columnCount: Int { variables.count }
    /// Number of constraints (rows).
    public var rowCount: Int { constraints.count }
    /// Number of stored constraint-matrix entries (including explicit zeros).
    public var entryCount: Int { constraints.reduce(0) { $0 + $1.entries.count } }

    /// The objective coefficients cⱼ, in column order.
    public var objectiveCoefficients: [Double] { variables.map(\.objective) }

    /// Appends a variable and returns its column index.
    @discardableResult
    public mutating func addVariable(
        objective: Double = 0, bounds: Bounds = .lower(0), name: String? = nil
    ) -> Int {
        variables.append(Variable(objective: objective, bounds: bounds, name: name))
        return variables.count - 1
    }

    /// Appends a constraint row `bounds.lower ≤ Σ coefficient · x[column] ≤ bounds.upper` and
    /// returns its row index.
    @discardableResult
    public mutating func addConstraint(
        _ entries: [Entry], bounds: Bounds, name: String? = nil
    ) -> Int {
        constraints.append(Constraint(entries: entries, bounds: bounds, name: name))
        return constraints.count - 1
    }

    /// Appends `constraint` and returns its row index.
    @discardableResult
    public mutating func addConstraint(_ constraint: Constraint) -> Int {
        constraints.append(constraint)
        return constraints.count - 1
    }

    /// The objective Σⱼ cⱼ xⱼ + c₀ at `point` (one value per column).
    ///
    /// - Precondition: `point.count == columnCount`.
    public func objectiveValue(at point: [Double]) -> Double {
        precondition(point.count == columnCount, "point has \(point.count) values for \(columnCount) columns")
        var total = objectiveConstant
        for (variable, value) in zip(variables, point) { total += variable.objective * value }
        return total
    }

    /// The row activities Σⱼ aᵢⱼ xⱼ at `point`, one per constraint.
    ///
    /// - Precondition: `point.count == columnCount` and every entry's column is in range.
    /// - Complexity: O(number of entries).
    public func rowActivities(at point: [Double]) -> [Double] {
        precondition(point.count == columnCount, "point has \(point.count) values for \(columnCount) columns")
        return constraints.map { row in
            row.entries.reduce(0) { $0 + $1.coefficient * point[$1.column] }
        }
    }
}
