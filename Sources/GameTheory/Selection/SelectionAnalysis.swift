/// The quantities every selection rule reads, computed once for a list of equilibria of a game.
///
/// Exact arithmetic when the game and every equilibrium are exact; otherwise `Double` compared with the
/// tolerance of `SelectionComparator`. Everything here is defined on the *set* of equilibria (maxima,
/// dominance), so the order in which they are given never changes a result.
struct SelectionAnalysis {
    let game: BimatrixGame
    let equilibria: [Equilibrium]
    let comparator: SelectionComparator
    /// Largest absolute payoff of the game.
    let scale: Double
    let rowPayoff: [SelectionValue]
    let columnPayoff: [SelectionValue]
    let welfare: [SelectionValue]
    let rowSecurity: [SelectionValue]
    let columnSecurity: [SelectionValue]
    let risk: RiskDominanceAnalysis

    init(equilibria: [Equilibrium], game: BimatrixGame) {
        for e in equilibria {
            precondition(e.row.count == game.rows && e.column.count == game.columns,
                         "equilibrium shape does not match the game")
        }
        self.game = game
        self.equilibria = equilibria
        comparator = SelectionComparator(game: game)
        scale = (game.rowPayoffs.elements + game.columnPayoffs.elements).map(abs).max() ?? 0
        let exact = game.isExact && equilibria.allSatisfy(\.isExact)
        let a = Self.values(game.exactRowPayoffs, game.rowPayoffs, exact: exact)
        let b = Self.values(game.exactColumnPayoffs, game.columnPayoffs, exact: exact)
        var rowPayoff: [SelectionValue] = [], columnPayoff: [SelectionValue] = []
        var rowSecurity: [SelectionValue] = [], columnSecurity: [SelectionValue] = []
        for e in equilibria {
            let x = Self.probabilities(e.rowExact, e.row, exact: exact)
            let y = Self.probabilities(e.columnExact, e.column, exact: exact)
            if exact, let u = e.rowPayoffExact, let v = e.columnPayoffExact {
                rowPayoff.append(SelectionValue(exact: u))
                columnPayoff.append(SelectionValue(exact: v))
            } else {
                rowPayoff.append(SelectionValue(approximate: e.rowPayoff))
                columnPayoff.append(SelectionValue(approximate: e.columnPayoff))
            }
            // Row security: min over columns j of sum_i x_i A[i, j]; column: min over rows of sum_j y_j B[i, j].
            rowSecurity.append(Self.minimum((0..<game.columns).map { j in
                Self.sum((0..<game.rows).map { i in x[i] * a[i, j] })
            }))
            columnSecurity.append(Self.minimum((0..<game.rows).map { i in
                Self.sum((0..<game.columns).map { j in y[j] * b[i, j] })
            }))
        }
        self.rowPayoff = rowPayoff
        self.columnPayoff = columnPayoff
        self.welfare = zip(rowPayoff, columnPayoff).map { $0 + $1 }
        self.rowSecurity = rowSecurity
        self.columnSecurity = columnSecurity
        self.risk = RiskDominanceAnalysis(game: game, equilibria: equilibria, a: a, b: b, comparator: comparator,
                                          scale: scale)
    }

    var count: Int { equilibria.count }

    func payoff(_ k: Int, of player: Player) -> SelectionValue {
        player == .row ? rowPayoff[k] : columnPayoff[k]
    }

    // MARK: Pareto

    /// Whether `f` gives both players at least what `e` gives and one of them strictly more.
    func dominates(_ f: (SelectionValue, SelectionValue), _ e: (SelectionValue, SelectionValue)) -> Bool {
        let r = comparator.compare(f.0, e.0), c = comparator.compare(f.1, e.1)
        return r >= 0 && c >= 0 && (r > 0 || c > 0)
    }

    /// Equilibria not Pareto-dominated by another equilibrium.
    var paretoOptimal: [Int] {
        (0..<count).filter { k in
            !(0..<count).contains { f in dominates((rowPayoff[f], columnPayoff[f]), (rowPayoff[k], columnPayoff[k])) }
        }
    }

    /// The pure outcomes that Pareto-dominate equilibrium `k`, ascending.
    func dominatingOutcomes(of k: Int) -> [PureOutcome] {
        let exact = rowPayoff[k].exact != nil
        let a = Self.values(game.exactRowPayoffs, game.rowPayoffs, exact: exact)
        let b = Self.values(game.exactColumnPayoffs, game.columnPayoffs, exact: exact)
        var result: [PureOutcome] = []
        for i in 0..<game.rows {
            for j in 0..<game.columns where dominates((a[i, j], b[i, j]), (rowPayoff[k], columnPayoff[k])) {
                result.append(PureOutcome(row: i, column: j))
            }
        }
        return result
    }

    // MARK: Welfare and maxmin

    /// Equilibria whose welfare equals the largest (within tolerance).
    var welfareMaximal: [Int] { Self.argmax(welfare, among: Array(0..<count), comparator) }

    /// Equilibria with the best leximin score (min, then max of the two security levels).
    var maxminSafe: [Int] {
        let lower = (0..<count).map { Self.minimum([rowSecurity[$0], columnSecurity[$0]]) }
        let upper = (0..<count).map { Self.maximum([rowSecurity[$0], columnSecurity[$0]]) }
        let best = Self.argmax(lower, among: Array(0..<count), comparator)
        return Self.argmax(upper, among: best, comparator)
    }

    // MARK: Helpers

    /// The indices in `candidates` whose value is within tolerance of the largest value among them.
    static func argmax(_ values: [SelectionValue], among candidates: [Int], _ comparator: SelectionComparator,
                       tolerance: Double? = nil) -> [Int] {
        guard !candidates.isEmpty else { return [] }
        let top = maximum(candidates.map { values[$0] })
        return candidates.filter {
            comparator.compare(values[$0], top, tolerance: tolerance ?? comparator.payoffTolerance) == 0
        }
    }

    static func maximum(_ values: [SelectionValue]) -> SelectionValue {
        let exact = values.compactMap(\.exact)
        if exact.count == values.count, let m = exact.max() { return SelectionValue(exact: m) }
        return SelectionValue(approximate: values.map(\.approximate).max()!)
    }

    static func minimum(_ values: [SelectionValue]) -> SelectionValue {
        let exact = values.compactMap(\.exact)
        if exact.count == values.count, let m = exact.min() { return SelectionValue(exact: m) }
        return SelectionValue(approximate: values.map(\.approximate).min()!)
    }

    static func sum(_ values: [SelectionValue]) -> SelectionValue { values.reduce(.zero, +) }

    static func values(_ exact: Matrix<Rational>?, _ approximate: Matrix<Double>, exact useExact: Bool)
        -> Matrix<SelectionValue> {
        if useExact, let exact { return exact.map { SelectionValue(exact: $0) } }
        return approximate.map { SelectionValue(approximate: $0) }
    }

    static func probabilities(_ exact: [Rational]?, _ approximate: [Double], exact useExact: Bool)
        -> [SelectionValue] {
        if useExact, let exact { return exact.map { SelectionValue(exact: $0) } }
        return approximate.map { SelectionValue(approximate: $0) }
    }
}
