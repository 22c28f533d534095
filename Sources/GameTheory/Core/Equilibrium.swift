/// A Nash equilibrium (or any mixed-strategy profile) of a bimatrix game, with both players' payoffs.
///
/// `row[i]` is the probability that the row player plays strategy `i`, `column[j]` likewise.
/// In exact mode `rowExact`/`columnExact` hold the probabilities exactly and the `Double` arrays are
/// their nearest doubles; payoffs likewise. Invariants: probabilities are >= 0 and sum to 1 (exactly in
/// exact mode, within 1e-9 otherwise); array lengths match the game's shape.
public struct Equilibrium: Sendable, Hashable {
    public let row: [Double]
    public let column: [Double]
    public let rowExact: [Rational]?
    public let columnExact: [Rational]?
    /// Expected payoff of the row player `xᵀ A y`.
    public let rowPayoff: Double
    /// Expected payoff of the column player `xᵀ B y`.
    public let columnPayoff: Double
    public let rowPayoffExact: Rational?
    public let columnPayoffExact: Rational?

    /// An exact profile; payoffs computed exactly. - Precondition: `game.isExact`, lengths match.
    public init(exactRow: [Rational], exactColumn: [Rational], in game: BimatrixGame) {
        precondition(exactRow.count == game.rows && exactColumn.count == game.columns, "profile shape mismatch")
        guard let a = game.exactRowPayoffs, let b = game.exactColumnPayoffs else {
            preconditionFailure("an exact profile needs an exact game")
        }
        rowExact = exactRow
        columnExact = exactColumn
        row = exactRow.map(\.doubleValue)
        column = exactColumn.map(\.doubleValue)
        let payoffs = Equilibrium.expectedPayoffs(exactRow, exactColumn, a, b)
        rowPayoffExact = payoffs.0
        columnPayoffExact = payoffs.1
        rowPayoff = payoffs.0.doubleValue
        columnPayoff = payoffs.1.doubleValue
    }

    /// A floating-point profile; payoffs computed in `Double`. - Precondition: lengths match.
    public init(row: [Double], column: [Double], in game: BimatrixGame) {
        precondition(row.count == game.rows && column.count == game.columns, "profile shape mismatch")
        self.row = row
        self.column = column
        rowExact = nil
        columnExact = nil
        rowPayoffExact = nil
        columnPayoffExact = nil
        var u = 0.0, v = 0.0
        for i in 0..<game.rows where row[i] != 0 {
            for j in 0..<game.columns where column[j] != 0 {
                let p = row[i] * column[j]
                u += p * game.rowPayoffs[i, j]
                v += p * game.columnPayoffs[i, j]
            }
        }
        rowPayoff = u
        columnPayoff = v
    }

    /// The pure profile (row `i`, column `j`), exact when the game is.
    public init(pureRow i: Int, pureColumn j: Int, in game: BimatrixGame) {
        if game.isExact {
            var x = [Rational](repeating: .zero, count: game.rows); x[i] = .one
            var y = [Rational](repeating: .zero, count: game.columns); y[j] = .one
            self.init(exactRow: x, exactColumn: y, in: game)
        } else {
            var x = [Double](repeating: 0, count: game.rows); x[i] = 1
            var y = [Double](repeating: 0, count: game.columns); y[j] = 1
            self.init(row: x, column: y, in: game)
        }
    }

    private static func expectedPayoffs(
        _ x: [Rational], _ y: [Rational], _ a: Matrix<Rational>, _ b: Matrix<Rational>
    ) -> (Rational, Rational) {
        var u = Rational.zero, v = Rational.zero
        for i in x.indices where !x[i].isZero {
            for j in y.indices where !y[j].isZero {
                let p = x[i] * y[j]
                u += p * a[i, j]
                v += p * b[i, j]
            }
        }
        return (u, v)
    }

    public var isExact: Bool { rowExact != nil }

    /// Strategies played with positive probability by `player`, ascending.
    public func support(of player: Player) -> [Int] {
        let p = player == .row ? row : column
        if let exact = player == .row ? rowExact : columnExact {
            return exact.indices.filter { exact[$0].signum > 0 }
        }
        return p.indices.filter { p[$0] > 0 }
    }

    /// Probabilities of `player`'s strategies.
    public func strategy(of player: Player) -> [Double] { player == .row ? row : column }

    /// `player`'s expected payoff.
    public func payoff(of player: Player) -> Double { player == .row ? rowPayoff : columnPayoff }

    /// True when each player plays a single strategy.
    public var isPure: Bool { support(of: .row).count == 1 && support(of: .column).count == 1 }
}
