/// Pure-strategy Nash equilibria of any bimatrix game, fast: cell `(i, j)` is an equilibrium when
/// `A[i, j]` is a maximum of column `j` of `A` and `B[i, j]` a maximum of row `i` of `B`.
///
/// Exact games compare exactly (integer-scaled payoffs); approximate games compare their `Double`
/// payoffs exactly (a tie must be an exact tie). Equilibria are listed by row, then column, which is
/// the order of `EquilibriumEnumerator` restricted to pure profiles.
public enum PureEquilibria {
    /// - Complexity: O(m · n).
    public static func find(in game: BimatrixGame) -> EquilibriumReport {
        let cells: [(Int, Int)]
        if let a = game.exactRowPayoffs, let b = game.exactColumnPayoffs {
            let pa = PositiveIntegerPayoffs(a), pb = PositiveIntegerPayoffs(b)
            if let sa = pa.small, let sb = pb.small {
                cells = equilibriumCells(sa, sb, game.rows, game.columns)
            } else {
                cells = equilibriumCells(pa.big, pb.big, game.rows, game.columns)
            }
        } else {
            cells = equilibriumCells(game.rowPayoffs.elements, game.columnPayoffs.elements, game.rows, game.columns)
        }
        let equilibria = cells.map { Equilibrium(pureRow: $0.0, pureColumn: $0.1, in: game) }
        return EquilibriumReport(game: game, algorithm: "pure", equilibria: equilibria)
    }

    /// Cells `(i, j)` that are pure equilibria, by row then column.
    static func equilibriumCells<T: Comparable>(_ a: [T], _ b: [T], _ m: Int, _ n: Int) -> [(Int, Int)] {
        var columnMax = Array(a[0..<n])
        for i in 1..<max(1, m) { for j in 0..<n where a[i * n + j] > columnMax[j] { columnMax[j] = a[i * n + j] } }
        var cells: [(Int, Int)] = []
        for i in 0..<m {
            var rowMax = b[i * n]
            for j in 1..<max(1, n) where b[i * n + j] > rowMax { rowMax = b[i * n + j] }
            for j in 0..<n where a[i * n + j] == columnMax[j] && b[i * n + j] == rowMax { cells.append((i, j)) }
        }
        return cells
    }
}
