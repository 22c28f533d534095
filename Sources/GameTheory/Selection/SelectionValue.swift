/// A payoff-valued quantity used by selection: exact when the game and the equilibria are exact,
/// otherwise a `Double` compared with a tolerance.
struct SelectionValue: Sendable, Hashable {
    let approximate: Double
    let exact: Rational?

    init(exact: Rational) {
        self.exact = exact
        self.approximate = exact.doubleValue
    }

    init(approximate: Double) {
        self.exact = nil
        self.approximate = approximate
    }

    static let zero = SelectionValue(exact: .zero)

    static func + (a: SelectionValue, b: SelectionValue) -> SelectionValue {
        if let x = a.exact, let y = b.exact { return SelectionValue(exact: x + y) }
        return SelectionValue(approximate: a.approximate + b.approximate)
    }

    static func - (a: SelectionValue, b: SelectionValue) -> SelectionValue {
        if let x = a.exact, let y = b.exact { return SelectionValue(exact: x - y) }
        return SelectionValue(approximate: a.approximate - b.approximate)
    }

    static func * (a: SelectionValue, b: SelectionValue) -> SelectionValue {
        if let x = a.exact, let y = b.exact { return SelectionValue(exact: x * y) }
        return SelectionValue(approximate: a.approximate * b.approximate)
    }

    /// The exact text (`"3/2"`) when exact, else the shortest `Double` text.
    var text: String { exact?.description ?? "\(approximate)" }
}

/// Compares selection values: exactly when both are exact, else within an absolute tolerance.
struct SelectionComparator: Sendable {
    /// Absolute tolerance for payoff-sized quantities (payoffs, welfare, security levels).
    let payoffTolerance: Double

    /// The comparator for `game`: payoff tolerance
    /// `EquilibriumSelection.relativeTolerance * (1 + max |payoff|)`.
    init(game: BimatrixGame) {
        let scale = (game.rowPayoffs.elements + game.columnPayoffs.elements).map(abs).max() ?? 0
        payoffTolerance = EquilibriumSelection.relativeTolerance * (1 + scale)
    }

    /// -1, 0 or 1: exact when both values are, else equal within `tolerance`.
    func compare(_ a: SelectionValue, _ b: SelectionValue, tolerance: Double) -> Int {
        if let x = a.exact, let y = b.exact { return x < y ? -1 : (y < x ? 1 : 0) }
        let d = a.approximate - b.approximate
        if abs(d) <= tolerance { return 0 }
        return d < 0 ? -1 : 1
    }

    /// Compares payoff-sized quantities (payoffs, welfare, security levels).
    func compare(_ a: SelectionValue, _ b: SelectionValue) -> Int {
        compare(a, b, tolerance: payoffTolerance)
    }

    /// Lexicographic comparison of two probability vectors of the same length: -1, 0 or 1.
    /// Probabilities are compared within `EquilibriumSelection.relativeTolerance` unless exact.
    func compare(probabilities x: [Double], exact xe: [Rational]?, _ y: [Double], exact ye: [Rational]?) -> Int {
        for k in x.indices {
            let a = xe.map { SelectionValue(exact: $0[k]) } ?? SelectionValue(approximate: x[k])
            let b = ye.map { SelectionValue(exact: $0[k]) } ?? SelectionValue(approximate: y[k])
            let c = compare(a, b, tolerance: EquilibriumSelection.relativeTolerance)
            if c != 0 { return c }
        }
        return 0
    }
}
