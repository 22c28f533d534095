/// Reads a game from JSON:
/// `{"A": [[...]], "B": [[...]], "row_labels": [...], "column_labels": [...], "title": "..."}`.
///
/// - `A` (required): the row player's payoffs, an array of rows, each an array of entries.
/// - `B` (optional): the column player's payoffs, same shape; absent (or `null`) means zero-sum, `B = -A`.
/// - `row_labels`, `column_labels` (optional): one string per row / column of `A`.
/// - `title` (optional, an extension of the contract so that `GameWriter.json` round-trips): a string.
/// - Entries are JSON numbers, read **exactly** from their text (`0.1` is 1/10), or strings holding
///   any number `Rational.parse` accepts: fractions (`"1/3"`), decimals (`"2.5"`), integers.
/// - Optional keys may be `null`, which means absent.
///
/// Rejected with positions: invalid JSON (first syntax error only), unknown keys (with a hint for
/// a wrong letter case), duplicate keys, values of the wrong type, empty matrices or rows, ragged
/// rows, shapes of `A` and `B` that differ, label lists of the wrong length. Everything but a
/// syntax error is collected before `parse` throws.
public enum GameJSONParser {
    static let knownKeys = ["A", "B", "row_labels", "column_labels", "title"]

    /// The game the JSON text describes, in exact arithmetic.
    public static func parse(_ text: String) throws(GameFormatErrors) -> BimatrixGame {
        let root: JSONNode
        do {
            root = try JSONReader.parse(text)
        } catch {
            throw GameFormatErrors(error)
        }
        var errors: [GameFormatError] = []
        guard case .object(let members) = root.value else {
            throw GameFormatErrors(GameFormatError(at: root.position, """
                expected a JSON object like {"A": [[1, 2], [3, 4]]}, found \(root.kindDescription)
                """))
        }

        var seen: [String: JSONNode.Member] = [:]
        for member in members {
            if let first = seen[member.key] {
                errors.append(GameFormatError(at: member.keyPosition, """
                    duplicate key "\(member.key)" (first given at \(first.keyPosition.line):\(first.keyPosition.column))
                    """))
            } else if knownKeys.contains(member.key) {
                seen[member.key] = member
            } else {
                var message = "unknown key \(jsonQuoted(member.key)) (expected A, B, row_labels, column_labels or title)"
                if let match = knownKeys.first(where: { $0.lowercased() == member.key.lowercased() }) {
                    message += "; did you mean \"\(match)\"?"
                }
                errors.append(GameFormatError(at: member.keyPosition, message))
            }
        }

        func present(_ key: String) -> JSONNode? {
            guard let node = seen[key]?.value else { return nil }
            if case .null = node.value { return nil }
            return node
        }

        var a: Matrix<Rational>?
        if let node = present("A") {
            a = matrix(node, player: .row, errors: &errors)
        } else {
            errors.append(GameFormatError(at: root.position, "missing key \"A\" (the row player's payoff matrix)"))
        }
        var b: Matrix<Rational>?
        let bNode = present("B")
        if let node = bNode { b = matrix(node, player: .column, errors: &errors) }
        if let a, let b, let node = bNode, a.rows != b.rows || a.columns != b.columns {
            errors.append(GameFormatError(at: node.position, context: "B", """
                B is \(b.rows)x\(b.columns) but A is \(a.rows)x\(a.columns): both players' matrices must have the same shape
                """))
        }
        let rowLabels = present("row_labels").flatMap { labels($0, key: "row_labels", expected: a?.rows, of: "rows", errors: &errors) }
        let columnLabels = present("column_labels").flatMap {
            labels($0, key: "column_labels", expected: a?.columns, of: "columns", errors: &errors)
        }
        var title: String?
        if let node = present("title") {
            if case .string(let s) = node.value { title = s } else {
                errors.append(GameFormatError(at: node.position, context: "title", "expected a string, found \(node.kindDescription)"))
            }
        }

        guard errors.isEmpty, let a else { throw GameFormatErrors(errors) }
        if let b {
            return BimatrixGame(rowPayoffs: a, columnPayoffs: b, rowLabels: rowLabels, columnLabels: columnLabels, title: title)
        }
        return BimatrixGame.zeroSum(a, rowLabels: rowLabels, columnLabels: columnLabels, title: title)
    }

    private static func matrix(_ node: JSONNode, player: Player, errors: inout [GameFormatError]) -> Matrix<Rational>? {
        let name = player == .row ? "A" : "B"
        guard case .array(let rows) = node.value else {
            errors.append(GameFormatError(at: node.position, context: name,
                                          "expected an array of rows like [[1, 2], [3, 4]], found \(node.kindDescription)"))
            return nil
        }
        guard !rows.isEmpty else {
            errors.append(GameFormatError(at: node.position, context: name, "the matrix is empty: it needs at least one row"))
            return nil
        }
        var ok = true
        var values: [[Rational]] = []
        var rowEntries: [[JSONNode]] = []
        for (i, rowNode) in rows.enumerated() {
            guard case .array(let entries) = rowNode.value else {
                let hint = i == 0 && !isArray(rowNode) ? " (a matrix is an array of rows: [[1, 2], [3, 4]])" : ""
                errors.append(GameFormatError(at: rowNode.position, context: "\(name) row \(i + 1)",
                                              "expected an array of entries, found \(rowNode.kindDescription)\(hint)"))
                ok = false
                continue
            }
            if entries.isEmpty {
                errors.append(GameFormatError(at: rowNode.position, context: "\(name) row \(i + 1)", "the row is empty"))
                ok = false
                continue
            }
            rowEntries.append(entries)
            var rowValues: [Rational] = []
            for (j, entry) in entries.enumerated() {
                let entryReference = GameFormatError.Entry(player: player, row: i + 1, entry: j + 1)
                let text: String
                switch entry.value {
                case .number(let lexeme): text = lexeme
                case .string(let s): text = s
                default:
                    errors.append(GameFormatError(at: entry.position, entry: entryReference, """
                        expected a number or a string like "1/3", found \(entry.kindDescription)
                        """))
                    ok = false
                    continue
                }
                switch Rational.parsePayoff(text) {
                case .success(let value): rowValues.append(value)
                case .failure(let failure):
                    errors.append(GameFormatError(at: entry.position, entry: entryReference, entryMessage(text, failure)))
                    ok = false
                }
            }
            values.append(rowValues)
        }
        guard ok else { return nil }
        // Ragged rows: compare with the most common length (the first row's on a tie).
        let counts = rowEntries.map(\.count)
        var frequency: [Int: Int] = [:]
        for c in counts { frequency[c, default: 0] += 1 }
        var expected = counts[0]
        for c in counts where frequency[c]! > frequency[expected]! { expected = c }
        let reference = counts.firstIndex(of: expected)!
        for (i, entries) in rowEntries.enumerated() where entries.count != expected {
            ok = false
            let n = entries.count
            let position = n > expected ? entries[expected].position : rows[i].position
            errors.append(GameFormatError(at: position, """
                \(name) row \(i + 1) has \(n == 1 ? "1 entry" : "\(n) entries"), but row \(reference + 1) has \(expected): \
                every row needs the same number of entries
                """))
        }
        return ok ? Matrix(values) : nil
    }

    private static func isArray(_ node: JSONNode) -> Bool {
        if case .array = node.value { return true }
        return false
    }

    private static func labels(_ node: JSONNode, key: String, expected: Int?, of what: String,
                               errors: inout [GameFormatError]) -> [String]? {
        guard case .array(let elements) = node.value else {
            errors.append(GameFormatError(at: node.position, context: key, "expected an array of strings, found \(node.kindDescription)"))
            return nil
        }
        var result: [String] = []
        var ok = true
        for (k, element) in elements.enumerated() {
            if case .string(let s) = element.value {
                result.append(s)
            } else {
                errors.append(GameFormatError(at: element.position, context: "\(key) item \(k + 1)",
                                              "expected a string, found \(element.kindDescription)"))
                ok = false
            }
        }
        if let expected, elements.count != expected {
            errors.append(GameFormatError(at: node.position, context: key,
                                          "\(elements.count) labels for the \(expected) \(what) of A"))
            ok = false
        }
        return ok && expected != nil ? result : nil
    }
}
