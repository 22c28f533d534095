extension BimatrixGame {
    /// Relative tolerance used to call an approximate game constant-sum: every `A + B` within
    /// `1e-9 * (1 + max |entry|)` of the first one. Exact games are compared exactly.
    public static let approximateConstantSumTolerance = 1e-9

    /// The constant `c` when `A[i, j] + B[i, j] == c` for every cell (exactly in exact mode), else nil.
    /// Zero-sum games have `c == 0`.
    public var exactConstantSum: Rational? {
        guard let a = exactRowPayoffs, let b = exactColumnPayoffs else { return nil }
        let c = a.elements[0] + b.elements[0]
        for k in a.elements.indices where a.elements[k] + b.elements[k] != c { return nil }
        return c
    }

    /// The constant sum `A + B` (exact in exact mode, within `approximateConstantSumTolerance` otherwise).
    public var constantSum: Double? {
        if isExact { return exactConstantSum?.doubleValue }
        let a = rowPayoffs.elements, b = columnPayoffs.elements
        let scale = 1 + (a + b).map(abs).max()!
        let c = a[0] + b[0]
        for k in a.indices where abs(a[k] + b[k] - c) > Self.approximateConstantSumTolerance * scale { return nil }
        return c
    }

    /// Whether `B == -A` (exactly in exact mode).
    public var isZeroSum: Bool {
        if isExact { return exactConstantSum?.isZero == true }
        return constantSum == 0
    }

    /// The same game with the players' roles exchanged: the new row player is the old column player,
    /// so the new `A` is the old `Bᵀ` and the new `B` the old `Aᵀ`.
    public func swappingPlayers() -> BimatrixGame {
        if let a = exactRowPayoffs, let b = exactColumnPayoffs {
            return BimatrixGame(rowPayoffs: b.transposed(), columnPayoffs: a.transposed(),
                                rowLabels: columnLabels, columnLabels: rowLabels, title: title)
        }
        return BimatrixGame(approximateRowPayoffs: columnPayoffs.transposed(), columnPayoffs: rowPayoffs.transposed(),
                            rowLabels: columnLabels, columnLabels: rowLabels, title: title)
    }

    /// The game restricted to the given strategies (in the order given), labels kept.
    public func restricted(rows rowIndices: [Int], columns columnIndices: [Int]) -> BimatrixGame {
        let rl = rowIndices.map { rowLabels[$0] }, cl = columnIndices.map { columnLabels[$0] }
        if let a = exactRowPayoffs, let b = exactColumnPayoffs {
            return BimatrixGame(rowPayoffs: a.submatrix(rows: rowIndices, columns: columnIndices),
                                columnPayoffs: b.submatrix(rows: rowIndices, columns: columnIndices),
                                rowLabels: rl, columnLabels: cl, title: title)
        }
        return BimatrixGame(approximateRowPayoffs: rowPayoffs.submatrix(rows: rowIndices, columns: columnIndices),
                            columnPayoffs: columnPayoffs.submatrix(rows: rowIndices, columns: columnIndices),
                            rowLabels: rl, columnLabels: cl, title: title)
    }

    /// The game with one payoff replaced (exact value; an approximate game stays approximate).
    public func settingPayoff(_ value: Rational, of player: Player, row: Int, column: Int) -> BimatrixGame {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "entry out of range")
        if var a = exactRowPayoffs, var b = exactColumnPayoffs {
            if player == .row { a[row, column] = value } else { b[row, column] = value }
            return BimatrixGame(rowPayoffs: a, columnPayoffs: b, rowLabels: rowLabels, columnLabels: columnLabels,
                                title: title)
        }
        var a = rowPayoffs, b = columnPayoffs
        if player == .row { a[row, column] = value.doubleValue } else { b[row, column] = value.doubleValue }
        return BimatrixGame(approximateRowPayoffs: a, columnPayoffs: b, rowLabels: rowLabels,
                            columnLabels: columnLabels, title: title)
    }
}
