/// A finite two-player game in strategic form: the row player picks one of `rows` strategies, the
/// column player one of `columns`; the row player receives `A[i, j]`, the column player `B[i, j]`.
///
/// Two arithmetic modes:
/// - **exact** (`isExact`): every payoff is rational (integers, decimals, fractions, as read from
///   files). Solvers then compute and print equilibria exactly.
/// - **approximate**: payoffs given as `Double` (e.g. predicted MPC costs in the simulator). Solvers
///   work in floating point with the tolerance they document.
///
/// Invariants: both matrices have the same shape (`rows >= 1`, `columns >= 1`), every entry is
/// finite with magnitude at most `maximumPayoffMagnitude`, `rowLabels.count == rows`, `columnLabels.count == columns`, and in exact mode the `Double`
/// matrices are the nearest doubles of the exact ones.
public struct BimatrixGame: Sendable, Hashable {
    /// The row player's payoffs `A` (Double view, always present).
    public let rowPayoffs: Matrix<Double>
    /// The column player's payoffs `B` (Double view, always present).
    public let columnPayoffs: Matrix<Double>
    /// `A` exactly, when the game is exact.
    public let exactRowPayoffs: Matrix<Rational>?
    /// `B` exactly, when the game is exact.
    public let exactColumnPayoffs: Matrix<Rational>?
    /// Names of the row player's strategies (default `r1`, `r2`, ...).
    public var rowLabels: [String] { didSet { precondition(rowLabels.count == rows) } }
    /// Names of the column player's strategies (default `c1`, `c2`, ...).
    public var columnLabels: [String] { didSet { precondition(columnLabels.count == columns) } }
    /// Optional title (the `.nfg` title, or a catalogue name).
    public var title: String?

    /// The largest payoff magnitude a game may have: 1e30. Exact arithmetic has no limit, but the
    /// floating-point filters of the enumeration and the zero-sum LP (which shifts and scales the
    /// payoffs) need headroom far inside the range of `Double`; readers reject larger entries.
    public static let maximumPayoffMagnitude = 1e30
    static let maximumPayoffMagnitudeExact = Rational(exactly: 1e30)

    public var rows: Int { rowPayoffs.rows }
    public var columns: Int { rowPayoffs.columns }
    public var isExact: Bool { exactRowPayoffs != nil }

    /// An exact game. - Precondition: `A` and `B` have the same shape; labels, when given, match it.
    public init(
        rowPayoffs: Matrix<Rational>, columnPayoffs: Matrix<Rational>,
        rowLabels: [String]? = nil, columnLabels: [String]? = nil, title: String? = nil
    ) {
        precondition(rowPayoffs.rows == columnPayoffs.rows && rowPayoffs.columns == columnPayoffs.columns,
                     "payoff matrices of different shapes")
        precondition((rowPayoffs.elements + columnPayoffs.elements).allSatisfy { $0.magnitude <= Self.maximumPayoffMagnitudeExact },
                     "payoff beyond ±maximumPayoffMagnitude")
        self.exactRowPayoffs = rowPayoffs
        self.exactColumnPayoffs = columnPayoffs
        self.rowPayoffs = rowPayoffs.map(\.doubleValue)
        self.columnPayoffs = columnPayoffs.map(\.doubleValue)
        self.rowLabels = rowLabels ?? BimatrixGame.defaultLabels("r", rowPayoffs.rows)
        self.columnLabels = columnLabels ?? BimatrixGame.defaultLabels("c", rowPayoffs.columns)
        self.title = title
        precondition(self.rowLabels.count == rows && self.columnLabels.count == columns, "label count mismatch")
    }

    /// An approximate (floating-point) game.
    /// - Precondition: same shapes, every entry finite; labels, when given, match the shape.
    public init(
        approximateRowPayoffs rowPayoffs: Matrix<Double>, columnPayoffs: Matrix<Double>,
        rowLabels: [String]? = nil, columnLabels: [String]? = nil, title: String? = nil
    ) {
        precondition(rowPayoffs.rows == columnPayoffs.rows && rowPayoffs.columns == columnPayoffs.columns,
                     "payoff matrices of different shapes")
        precondition((rowPayoffs.elements + columnPayoffs.elements).allSatisfy { abs($0) <= Self.maximumPayoffMagnitude },
                     "payoffs must be finite and within ±maximumPayoffMagnitude")
        self.rowPayoffs = rowPayoffs
        self.columnPayoffs = columnPayoffs
        self.exactRowPayoffs = nil
        self.exactColumnPayoffs = nil
        self.rowLabels = rowLabels ?? BimatrixGame.defaultLabels("r", rowPayoffs.rows)
        self.columnLabels = columnLabels ?? BimatrixGame.defaultLabels("c", rowPayoffs.columns)
        self.title = title
        precondition(self.rowLabels.count == rows && self.columnLabels.count == columns, "label count mismatch")
    }

    /// The zero-sum game in which the row player receives `A` and the column player `-A`.
    public static func zeroSum(
        _ rowPayoffs: Matrix<Rational>, rowLabels: [String]? = nil, columnLabels: [String]? = nil,
        title: String? = nil
    ) -> BimatrixGame {
        BimatrixGame(rowPayoffs: rowPayoffs, columnPayoffs: rowPayoffs.map { -$0 },
                     rowLabels: rowLabels, columnLabels: columnLabels, title: title)
    }

    static func defaultLabels(_ prefix: String, _ count: Int) -> [String] {
        (1...count).map { "\(prefix)\($0)" }
    }

    /// `player`'s payoff matrix (Double view).
    public func payoffs(of player: Player) -> Matrix<Double> {
        player == .row ? rowPayoffs : columnPayoffs
    }

    /// `player`'s payoff matrix exactly, in exact mode.
    public func exactPayoffs(of player: Player) -> Matrix<Rational>? {
        player == .row ? exactRowPayoffs : exactColumnPayoffs
    }

    /// Labels of `player`'s strategies.
    public func labels(of player: Player) -> [String] { player == .row ? rowLabels : columnLabels }

    /// Number of `player`'s strategies.
    public func strategyCount(of player: Player) -> Int { player == .row ? rows : columns }
}
