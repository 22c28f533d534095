import BigInt

/// The result of iterated elimination of strictly dominated strategies.
public struct DominanceReduction: Sendable {
    /// The game restricted to the surviving strategies (labels kept).
    public let game: BimatrixGame
    /// The eliminations in the order performed, with indices in the full game.
    public let steps: [DominanceStep]
    /// `rowMap[r]` is the full-game index of the reduced game's row `r` (ascending).
    public let rowMap: [Int]
    /// `columnMap[c]` is the full-game index of the reduced game's column `c` (ascending).
    public let columnMap: [Int]
}

/// Iterated elimination of strategies strictly dominated by a pure strategy.
///
/// Strict dominance never removes a strategy played in any Nash equilibrium, so the equilibria of the
/// full game are exactly those of the reduced game with the removed strategies at probability 0, and
/// the end result does not depend on the order of removal. The order used (documented, deterministic):
/// repeatedly remove the row player's lowest-index strictly dominated row (dominated by the
/// lowest-index row that dominates it); when no row is dominated, the column player's lowest-index
/// dominated column; stop when neither exists.
///
/// Exact games compare exactly (on integer-scaled payoffs); approximate games compare their `Double`
/// payoffs strictly. Domination by mixed strategies is not tested.
public enum DominanceElimination {
    /// - Complexity: O((m + n) · (m² n + m n²)) comparisons in the worst case.
    public static func reduce(_ game: BimatrixGame) -> DominanceReduction {
        if let a = game.exactRowPayoffs, let b = game.exactColumnPayoffs {
            let pa = PositiveIntegerPayoffs(a), pb = PositiveIntegerPayoffs(b)
            if let sa = pa.small, let sb = pb.small { return reduce(game, a: sa, b: sb) }
            return reduce(game, a: pa.big, b: pb.big)
        }
        return reduce(game, a: game.rowPayoffs.elements, b: game.columnPayoffs.elements)
    }

    private static func reduce<T: Comparable>(_ game: BimatrixGame, a: [T], b: [T]) -> DominanceReduction {
        let n = game.columns
        var rows = Array(0..<game.rows), columns = Array(0..<game.columns)
        var steps: [DominanceStep] = []
        func rowDominates(_ s: Int, _ t: Int) -> Bool { columns.allSatisfy { a[s * n + $0] > a[t * n + $0] } }
        func columnDominates(_ s: Int, _ t: Int) -> Bool { rows.allSatisfy { b[$0 * n + s] > b[$0 * n + t] } }
        outer: while true {
            if rows.count > 1 {
                for t in rows {
                    if let s = rows.first(where: { $0 != t && rowDominates($0, t) }) {
                        steps.append(DominanceStep(player: .row, eliminated: t, dominatedBy: s))
                        rows.removeAll { $0 == t }
                        continue outer
                    }
                }
            }
            if columns.count > 1 {
                for t in columns {
                    if let s = columns.first(where: { $0 != t && columnDominates($0, t) }) {
                        steps.append(DominanceStep(player: .column, eliminated: t, dominatedBy: s))
                        columns.removeAll { $0 == t }
                        continue outer
                    }
                }
            }
            break
        }
        let reduced = steps.isEmpty ? game : game.restricted(rows: rows, columns: columns)
        return DominanceReduction(game: reduced, steps: steps, rowMap: rows, columnMap: columns)
    }
}
