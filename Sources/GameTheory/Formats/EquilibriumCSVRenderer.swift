/// Renders an `EquilibriumReport` as CSV (RFC 4180 quoting, `\n` line ends), one line per equilibrium.
///
/// Columns:
/// - `equilibrium`: 1-based number, in the report's order;
/// - `pure`: `true` when both players play a single strategy, else `false`;
/// - `row_payoff`, `column_payoff`: expected payoffs;
/// - `row:<label>` for each row strategy, then `column:<label>` for each column strategy: the
///   probabilities, in the game's strategy order.
///
/// Numbers are shortest round-trip decimals (`NumberFormatting.shortest`). A field is quoted when
/// it contains a comma, a double quote, a line break or leading/trailing white space (quotes
/// doubled). A report without equilibria gives the header alone.
public struct EquilibriumCSVRenderer: Sendable {
    public init() {}

    public func render(_ report: EquilibriumReport) -> String {
        let game = report.game
        let header = ["equilibrium", "pure", "row_payoff", "column_payoff"]
            + game.rowLabels.map { "row:" + $0 } + game.columnLabels.map { "column:" + $0 }
        var lines = [header.map(Self.field).joined(separator: ",")]
        for (k, e) in report.equilibria.enumerated() {
            let numbers = [e.rowPayoff, e.columnPayoff] + e.row + e.column
            lines.append((["\(k + 1)", "\(e.isPure)"] + numbers.map(Self.number)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ x: Double) -> String { x.isFinite ? NumberFormatting.shortest(x) : "" }

    /// One CSV field, quoted when needed.
    public static func field(_ s: String) -> String {
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || s.unicodeScalars.first.map({ $0.properties.isWhitespace }) == true
            || s.unicodeScalars.last.map({ $0.properties.isWhitespace }) == true
        guard needsQuotes else { return s }
        return "\"" + s.replacing("\"", with: "\"\"") + "\""
    }
}
