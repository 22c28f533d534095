extension LinearProgram {
    /// One non-zero of the constraint matrix: the coefficient aᵢⱼ of column `column` in its row.
    public struct Entry: Sendable, Hashable {
        /// Column (variable) index, from 0.
        public var column: Int
        /// The coefficient aᵢⱼ; must be finite.
        public var coefficient: Double

        public init(column: Int, coefficient: Double) {
            self.column = column
            self.coefficient = coefficient
        }

        /// Shorthand: `.init(3, 2.5)` is coefficient 2.5 on column 3.
        public init(_ column: Int, _ coefficient: Double) {
            self.init(column: column, coefficient: coefficient)
        }
    }

    /// A variable (column): its objective coefficient cⱼ and bounds.
    public struct Variable: Sendable, Hashable {
        /// The objective coefficient cⱼ; must be finite.
        public var objective: Double
        /// Bounds on the variable's value.
        public var bounds: Bounds
        /// An optional name, for people only: solvers ignore it.
        public var name: String?

        public init(objective: Double = 0, bounds: Bounds = .lower(0), name: String? = nil) {
            self.objective = objective
            self.bounds = bounds
            self.name = name
        }
    }

    /// A constraint row: bounds on the activity Σⱼ aᵢⱼ xⱼ.
    ///
    /// Invariant checked by `validate()`: each column appears at most once in `entries`.
    public struct Constraint: Sendable, Hashable {
        /// The row's non-zeros, in any column order.
        public var entries: [Entry]
        /// Bounds on the row's activity.
        public var bounds: Bounds
        /// An optional name, for people only: solvers ignore it.
        public var name: String?

        public init(entries: [Entry], bounds: Bounds, name: String? = nil) {
            self.entries = entries
            self.bounds = bounds
            self.name = name
        }

        /// A row from dense coefficients: column j gets `coefficients[j]`; zeros are not stored.
        public init(dense coefficients: [Double], bounds: Bounds, name: String? = nil) {
            var entries: [Entry] = []
            for (column, value) in coefficients.enumerated() where value != 0 {
                entries.append(Entry(column: column, coefficient: value))
            }
            self.init(entries: entries, bounds: bounds, name: name)
        }
    }
}
