extension LinearProgram {
    /// Where in a program a bound lives: on a variable (column) or on a constraint row.
    public enum BoundOwner: Sendable, Hashable, CustomStringConvertible {
        case column(Int)
        case row(Int)

        public var description: String {
            switch self {
            case .column(let index): "column \(index)"
            case .row(let index): "row \(index)"
            }
        }
    }

    /// Why a program is not a valid input for an LP solver. Every case names the offending entry.
    public enum ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The objective coefficient of `column` is NaN or ±∞.
        case nonFiniteObjectiveCoefficient(column: Int, value: Double)
        /// The objective constant is NaN or ±∞.
        case nonFiniteObjectiveConstant(Double)
        /// A bound value is NaN or ±∞ (omit the side instead, e.g. `.lower(x)` rather than `.double(x, .infinity)`).
        case nonFiniteBound(BoundOwner, value: Double)
        /// A `.double(lower, upper)` bound with lower > upper.
        case invertedBounds(BoundOwner, lower: Double, upper: Double)
        /// Entry number `position` of `row` names a column outside `0..<columnCount`.
        case columnOutOfRange(row: Int, position: Int, column: Int, columnCount: Int)
        /// The coefficient at (`row`, `column`) is NaN or ±∞.
        case nonFiniteCoefficient(row: Int, column: Int, value: Double)
        /// `row` lists `column` more than once.
        case duplicateEntry(row: Int, column: Int)

        public var description: String {
            switch self {
            case .nonFiniteObjectiveCoefficient(let column, let value):
                "objective coefficient of column \(column) is not finite (\(value))"
            case .nonFiniteObjectiveConstant(let value):
                "objective constant is not finite (\(value))"
            case .nonFiniteBound(let owner, let value):
                "bound of \(owner) is not finite (\(value)); omit an infinite side instead"
            case .invertedBounds(let owner, let lower, let upper):
                "bounds of \(owner) are inverted: lower \(lower) > upper \(upper)"
            case .columnOutOfRange(let row, let position, let column, let columnCount):
                "row \(row), entry \(position): column \(column) is outside 0..<\(columnCount)"
            case .nonFiniteCoefficient(let row, let column, let value):
                "coefficient at row \(row), column \(column) is not finite (\(value))"
            case .duplicateEntry(let row, let column):
                "row \(row) lists column \(column) more than once"
            }
        }
    }

    /// Checks that the program is a valid solver input and throws the first problem found.
    ///
    /// Checked: every objective coefficient, the objective constant, every bound value and every
    /// matrix coefficient is finite; no `.double` bound has lower > upper; every entry's column is
    /// in `0..<columnCount`; no row lists a column twice. Names are not checked (solvers ignore
    /// them). Objects are checked in this order: objective, columns, rows (bounds, then entries).
    ///
    /// - Complexity: O(columns + rows + entries) time, O(columns) extra memory.
    public func validate() throws(ValidationError) {
        guard objectiveConstant.isFinite else { throw .nonFiniteObjectiveConstant(objectiveConstant) }
        for (column, variable) in variables.enumerated() {
            guard variable.objective.isFinite else {
                throw .nonFiniteObjectiveCoefficient(column: column, value: variable.objective)
            }
            try Self.check(variable.bounds, of: .column(column))
        }
        // lastRowSeen[j] == i + 1 when row i already listed column j (0 means never): one array
        // reused across rows keeps the duplicate check linear without clearing between rows.
        var lastRowSeen = [Int](repeating: 0, count: columnCount)
        for (row, constraint) in constraints.enumerated() {
            try Self.check(constraint.bounds, of: .row(row))
            for (position, entry) in constraint.entries.enumerated() {
                guard entry.column >= 0, entry.column < columnCount else {
                    throw .columnOutOfRange(
                        row: row, position: position, column: entry.column, columnCount: columnCount)
                }
                guard entry.coefficient.isFinite else {
                    throw .nonFiniteCoefficient(row: row, column: entry.column, value: entry.coefficient)
                }
                guard lastRowSeen[entry.column] != row + 1 else {
                    throw .duplicateEntry(row: row, column: entry.column)
                }
                lastRowSeen[entry.column] = row + 1
            }
        }
    }

    private static func check(_ bounds: Bounds, of owner: BoundOwner) throws(ValidationError) {
        for value in bounds.storedValues where !value.isFinite {
            throw .nonFiniteBound(owner, value: value)
        }
        if case .double(let lower, let upper) = bounds, lower > upper {
            throw .invertedBounds(owner, lower: lower, upper: upper)
        }
    }
}
