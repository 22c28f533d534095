/// Renders an `EquilibriumReport` as the JSON object of DESIGN.md ("Equilibrium output").
///
/// Keys, in this order:
/// - `rows`, `columns`: the game's shape;
/// - `zero_sum`: whether `B = -A` (exactly for exact games; a constant-sum game that is not
///   zero-sum is `false`, its `value` is still given);
/// - `degenerate`: `true`/`false`, or `null` when the method used does not decide it;
/// - `method`: `report.algorithm`;
/// - `equilibria`: for each, `row` and `column` (probabilities in strategy order), `payoff`
///   (`[u_row, u_column]`), and for exact results `row_exact`, `column_exact`, `payoff_exact`
///   (strings like `"1/3"`);
/// - `value`: the row player's value of a zero-sum or constant-sum game, or `null`;
///   `value_exact`: the value as a string when confirmed exactly, else `null`;
/// - `complete`: false when the search stopped early and `equilibria` may miss some;
/// - `eliminated`: strictly dominated strategies removed before solving, in order, as
///   `{"player": "row"|"column", "strategy": i, "dominated_by": k}` with **0-based** indices;
/// - `row_labels`, `column_labels`: the strategies' names;
/// - `selected` (only when the options select equilibria): 0-based indices into `equilibria`.
///
/// Numbers are shortest round-trip decimals in plain notation (`NumberFormatting.shortest`),
/// integers without `.0`; a non-finite number (never produced by the solvers) would be `null`.
/// Output: top-level keys one per line, each equilibrium on one line, final newline.
public struct EquilibriumJSONRenderer: Sendable {
    public var options: ReportRenderOptions

    public init(options: ReportRenderOptions = .init()) { self.options = options }

    public func render(_ report: EquilibriumReport) -> String {
        let game = report.game
        func numbers(_ xs: [Double]) -> String { "[" + xs.map(jsonNumber).joined(separator: ", ") + "]" }
        func exact(_ xs: [Rational]) -> String { "[" + xs.map { jsonQuoted($0.description) }.joined(separator: ", ") + "]" }
        func strings(_ xs: [String]) -> String { "[" + xs.map(jsonQuoted).joined(separator: ", ") + "]" }

        let equilibria = report.equilibria.map { e -> String in
            var fields = [
                "\"row\": " + numbers(e.row),
                "\"column\": " + numbers(e.column),
                "\"payoff\": " + numbers([e.rowPayoff, e.columnPayoff]),
            ]
            if let x = e.rowExact { fields.append("\"row_exact\": " + exact(x)) }
            if let y = e.columnExact { fields.append("\"column_exact\": " + exact(y)) }
            if let u = e.rowPayoffExact, let v = e.columnPayoffExact {
                fields.append("\"payoff_exact\": " + exact([u, v]))
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        let eliminated = report.eliminated.map {
            "{\"player\": \"\($0.player.rawValue)\", \"strategy\": \($0.eliminated), \"dominated_by\": \($0.dominatedBy)}"
        }
        let value = report.value ?? report.exactValue?.doubleValue

        var members = [
            "\"rows\": \(game.rows)",
            "\"columns\": \(game.columns)",
            "\"zero_sum\": \(game.isZeroSum)",
            "\"degenerate\": " + (report.isDegenerate.map { "\($0)" } ?? "null"),
            "\"method\": " + jsonQuoted(report.algorithm),
            "\"equilibria\": " + list(equilibria),
            "\"value\": " + (value.map(jsonNumber) ?? "null"),
            "\"value_exact\": " + (report.exactValue.map { jsonQuoted($0.description) } ?? "null"),
            "\"complete\": \(report.isComplete)",
            "\"eliminated\": " + list(eliminated),
            "\"row_labels\": " + strings(game.rowLabels),
            "\"column_labels\": " + strings(game.columnLabels),
        ]
        if !options.selected.isEmpty {
            members.append("\"selected\": [" + options.selected.sorted().map(String.init).joined(separator: ", ") + "]")
        }
        return "{\n  " + members.joined(separator: ",\n  ") + "\n}\n"
    }

    private func list(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
    }
}
