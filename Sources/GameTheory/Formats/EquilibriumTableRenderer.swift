/// Renders an `EquilibriumReport` for people: aligned plain text, no colours, final newline.
///
/// Layout:
/// ```
/// Prisoner's dilemma
/// 2x2 bimatrix game, exact payoffs
/// Row player strategies:    C, D
/// Column player strategies: C, D
/// Method: support-enumeration; 1 equilibrium; nondegenerate game
///
///   #  type  row player  column player  row payoff  column payoff
///   1  pure  D           D              1           1
/// ```
/// - Each equilibrium lists, per player, the strategies played with positive probability and
///   their probabilities (`U 1/3, D 2/3`); strategies not listed have probability 0. A pure
///   strategy is shown by its label alone. Exact results are fractions; approximate ones decimals
///   rounded to `decimalPlaces`.
/// - Then, when they apply: the legend of selected equilibria (marked `*`), the value of a
///   zero-sum or constant-sum game, the strictly dominated strategies eliminated, a warning for
///   an incomplete search with its progress note, and the report's notes (`note: ...`).
/// - A degenerate game adds "degenerate game: extreme equilibria listed" to the method line.
/// Line ends carry no trailing spaces.
public struct EquilibriumTableRenderer: Sendable {
    public var options: ReportRenderOptions
    /// Decimals shown for approximate probabilities and payoffs.
    public var decimalPlaces: Int

    public init(options: ReportRenderOptions = .init(), decimalPlaces: Int = 6) {
        self.options = options
        self.decimalPlaces = decimalPlaces
    }

    public func render(_ report: EquilibriumReport) -> String {
        let game = report.game
        var lines: [String] = []
        if let title = game.title, !title.isEmpty { lines.append(oneLine(title)) }
        lines.append("\(game.rows)x\(game.columns) \(kind(of: game)), \(game.isExact ? "exact" : "approximate") payoffs")
        lines.append("Row player strategies:    " + game.rowLabels.map(oneLine).joined(separator: ", "))
        lines.append("Column player strategies: " + game.columnLabels.map(oneLine).joined(separator: ", "))

        let count = report.equilibria.count
        var method = "Method: \(report.algorithm); \(count) equilibri\(count == 1 ? "um" : "a")"
        if !report.isComplete { method += " found so far" }
        switch report.isDegenerate {
        case true?: method += "; degenerate game: extreme equilibria listed"
        case false?: method += "; nondegenerate game"
        case nil: break
        }
        lines.append(method)
        lines.append("")

        if report.equilibria.isEmpty {
            lines.append("No equilibrium found.")
        } else {
            lines += table(report)
        }

        var footer: [String] = []
        if !options.selected.isEmpty {
            footer.append("* selected" + (options.selectionLegend.map { ": " + oneLine($0) } ?? ""))
        }
        if let value = report.exactValue.map(\.description) ?? report.value.map(decimal) {
            footer.append("Value of the game (row player's payoff): \(value)")
        }
        if !report.eliminated.isEmpty {
            footer.append("Strictly dominated strategies eliminated, in order:")
            for step in report.eliminated {
                let labels = game.labels(of: step.player)
                footer.append("  \(step.player) \(oneLine(labels[step.eliminated])) (dominated by \(oneLine(labels[step.dominatedBy])))")
            }
        }
        if !report.isComplete {
            footer.append("warning: the search stopped early; equilibria may be missing"
                          + (report.progressNote.map { " (\(oneLine($0)))" } ?? ""))
        }
        footer += report.notes.map { "note: " + oneLine($0) }
        if !footer.isEmpty { lines += [""] + footer }
        return lines.map(trimmedTrailing).joined(separator: "\n") + "\n"
    }

    private func kind(of game: BimatrixGame) -> String {
        if game.isZeroSum { return "zero-sum game" }
        if let c = game.exactConstantSum { return "constant-sum game (A + B = \(c))" }
        if let c = game.constantSum, !game.isExact { return "constant-sum game (A + B = \(decimal(c)))" }
        return "bimatrix game"
    }

    private func table(_ report: EquilibriumReport) -> [String] {
        let marking = !options.selected.isEmpty
        var rows: [[String]] = [(marking ? [""] : []) + ["#", "type", "row player", "column player", "row payoff", "column payoff"]]
        for (k, e) in report.equilibria.enumerated() {
            let payoffs = e.rowPayoffExact.flatMap { u in e.columnPayoffExact.map { (u.description, $0.description) } }
                ?? (decimal(e.rowPayoff), decimal(e.columnPayoff))
            rows.append((marking ? [options.selected.contains(k) ? "*" : ""] : []) + [
                "\(k + 1)", e.isPure ? "pure" : "mixed",
                strategy(e, .row, report.game), strategy(e, .column, report.game),
                payoffs.0, payoffs.1,
            ])
        }
        let numberColumn = marking ? 1 : 0
        let widths = rows[0].indices.map { j in rows.map { $0[j].unicodeScalars.count }.max()! }
        return rows.map { row in
            "  " + row.enumerated().map { j, cell in
                let pad = String(repeating: " ", count: widths[j] - cell.unicodeScalars.count)
                return j == numberColumn ? pad + cell : cell + pad  // numbers right-aligned
            }.joined(separator: "  ")
        }
    }

    /// `"D"` for a pure strategy, `"U 1/3, D 2/3"` for a mixed one.
    private func strategy(_ e: Equilibrium, _ player: Player, _ game: BimatrixGame) -> String {
        let labels = game.labels(of: player).map(oneLine)
        let support = e.support(of: player)
        if support.count == 1 { return labels[support[0]] }
        let exact = player == .row ? e.rowExact : e.columnExact
        let p = e.strategy(of: player)
        return support.map { i in "\(labels[i]) \(exact.map { $0[i].description } ?? decimal(p[i]))" }
            .joined(separator: ", ")
    }

    private func decimal(_ x: Double) -> String {
        x.isFinite ? NumberFormatting.rounded(x, places: decimalPlaces) : "\(x)"
    }

    private func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }

    private func trimmedTrailing(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
