import GameTheory

/// How the session writes games and numbers for people: exact fractions, columns aligned.
enum SessionFormatting {
    /// An exact payoff as is (`3`, `-1/3`), a floating-point one as its shortest decimal.
    static func number(_ exact: Rational?, _ approximate: Double) -> String {
        if let exact { return exact.description }
        return approximate.isFinite ? NumberFormatting.shortest(approximate) : "\(approximate)"
    }

    /// The game as a table of `A, B` pairs with the strategy labels:
    /// ```
    /// Prisoner's dilemma
    /// 2x2 bimatrix game: each cell is (row player's payoff, column player's payoff)
    ///         C     D
    ///   C  3, 3  0, 5
    ///   D  5, 0  1, 1
    /// ```
    static func game(_ game: BimatrixGame, derivedColumnPayoffs: Bool = false) -> String {
        var lines: [String] = []
        if let title = game.title, !title.isEmpty { lines.append(oneLine(title)) }
        var kind = "\(game.rows)x\(game.columns) "
        if game.isZeroSum {
            kind += "zero-sum game"
            if derivedColumnPayoffs { kind += " (B = -A until you enter B)" }
        } else if let c = game.exactConstantSum {
            kind += "constant-sum game (A + B = \(c))"
        } else {
            kind += "bimatrix game"
        }
        lines.append(kind + ": each cell is (row player's payoff, column player's payoff)")
        let cells = (0..<game.rows).map { i in
            (0..<game.columns).map { j in
                number(game.exactRowPayoffs?[i, j], game.rowPayoffs[i, j]) + ", "
                    + number(game.exactColumnPayoffs?[i, j], game.columnPayoffs[i, j])
            }
        }
        let header = [""] + game.columnLabels.map(oneLine)
        let body = (0..<game.rows).map { [oneLine(game.rowLabels[$0])] + cells[$0] }
        lines += aligned([header] + body, leftAligned: [0])
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rows of cells in aligned columns (two spaces between, indented by two), right-aligned except
    /// the columns listed; no trailing spaces.
    static func aligned(_ rows: [[String]], leftAligned: Set<Int> = [], indent: String = "  ") -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { j in rows.map { j < $0.count ? width($0[j]) : 0 }.max() ?? 0 }
        return rows.map { row in
            let text = row.enumerated().map { j, cell in
                let pad = String(repeating: " ", count: widths[j] - width(cell))
                return leftAligned.contains(j) ? cell + pad : pad + cell
            }.joined(separator: "  ")
            return trimmedTrailing(indent + text)
        }
    }

    static func width(_ s: String) -> Int { s.unicodeScalars.count }

    static func oneLine(_ s: String) -> String { String(s.map { $0.isNewline ? " " : $0 }) }

    static func trimmedTrailing(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// `"C 1/2, D 1/2"` (positive probabilities only), or the label alone for a pure strategy.
    static func strategy(_ probabilities: [String], nonZero: [Bool], labels: [String]) -> String {
        let support = probabilities.indices.filter { nonZero[$0] }
        if support.count == 1 { return oneLine(labels[support[0]]) }
        return support.map { "\(oneLine(labels[$0])) \(probabilities[$0])" }.joined(separator: ", ")
    }
}
