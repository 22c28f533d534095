/// Reads payoff matrices written as plain text (game files and `--matrix` arguments).
///
/// Grammar (positions in errors: see `GameFormatError`):
/// - **Entries** are integers, decimals or fractions exactly as `Rational.parse` accepts them
///   (`3`, `-0`, `2.5`, `-1e-3`, `1/3`), read whole: `3abc`, `0x10`, `inf`, `nan` are errors.
/// - **Cells** are separated by spaces, tabs (any Unicode white space except line breaks) or a
///   comma; a comma may have white space around it (`1, 2`). Two commas in a row, or a comma at the
///   start or end of a row, leave an entry empty: an error.
/// - **Rows** end at `;` or at a line break (`\n`, `\r\n`, `\r`). Rows without cells (`;;`, a
///   trailing `;`) are skipped.
/// - **Matrices**: `|` separates the row player's `A` from the column player's `B`; a blank line
///   (only white space) does the same, and a `|` next to blank lines is one separator. One matrix
///   alone is a zero-sum game (`B = -A`). A third matrix, an empty one or shapes of `A` and `B`
///   that differ are errors.
/// - **Comments**: `#` starts a comment that runs to the end of the line (a whole comment line
///   is neither a row nor a blank line).
/// - A UTF-8 byte-order mark at the start is ignored.
///
/// Decimal commas: `1,5` is two entries, 1 and 5. Two checks catch the usual mistake: a row that
/// separates some entries by spaces and others by a bare comma between digits (`1,5 2`) is
/// rejected as ambiguous, and a ragged-row error mentions the bare comma it saw.
///
/// Every problem is collected (all bad entries, every ragged row) before `parse` throws.
public enum MatrixTextParser {
    /// The game the text describes, in exact arithmetic, with default labels and no title.
    public static func parse(_ text: String) throws(GameFormatErrors) -> BimatrixGame {
        var scanner = Scanner(text)
        scanner.scan()
        var errors = scanner.errors
        let matrices = scanner.matrices

        var exact: [Matrix<Rational>?] = []
        for (k, matrix) in matrices.prefix(2).enumerated() {
            exact.append(validate(matrix, player: k == 0 ? .row : .column, errors: &errors))
        }
        if matrices.count > 2 {
            let hint = scanner.barLines.count >= 2
                ? "; '|' separates whole matrices, it is not a column: write all rows of A, then '|', then all rows of B"
                : ""
            errors.append(GameFormatError(at: matrices[2].start, """
                a third matrix: matrix text holds at most two, A (row player) and B (column player), \
                separated by '|' or a blank line\(hint)
                """))
        }
        // With a third matrix the split into A and B is wrong anyway: its shapes say nothing.
        if matrices.count == 2, let a = exact[0], let b = exact[1], a.rows != b.rows || a.columns != b.columns {
            errors.append(GameFormatError(at: matrices[1].start, """
                B is \(b.rows)x\(b.columns) but A is \(a.rows)x\(a.columns): both players' matrices \
                must have the same shape
                """))
        }
        if matrices.isEmpty && errors.isEmpty {
            errors.append(GameFormatError(at: .start, "no payoff matrix found (the text is empty or only comments)"))
        }
        guard errors.isEmpty, let a = exact.first ?? nil else { throw GameFormatErrors(errors) }
        if exact.count == 1 { return BimatrixGame.zeroSum(a) }
        return BimatrixGame(rowPayoffs: a, columnPayoffs: exact[1]!)
    }

    // MARK: - Checking a scanned matrix

    private static func validate(_ matrix: ScannedMatrix, player: Player,
                                 errors: inout [GameFormatError]) -> Matrix<Rational>? {
        let name = player == .row ? "A" : "B"
        var ok = true
        var values: [[Rational]] = []
        for (i, row) in matrix.rows.enumerated() {
            var rowValues: [Rational] = []
            for (j, cell) in row.cells.enumerated() {
                switch Rational.parsePayoff(cell.text) {
                case .success(let value):
                    rowValues.append(value)
                case .failure(let failure):
                    ok = false
                    var message = entryMessage(cell.text, failure)
                    if failure == .malformed && cell.text.unicodeScalars.contains(where: { "[]()".unicodeScalars.contains($0) }) {
                        message += "; matrix text has no brackets: write rows like '1 2; 3 4'"
                    }
                    errors.append(GameFormatError(at: cell.start, entry: .init(player: player, row: i + 1, entry: j + 1),
                                                  message))
                }
            }
            if let bare = row.bareComma, row.hasWhitespaceSeparator {
                ok = false
                errors.append(GameFormatError(at: bare.position, entry: .init(player: player, row: i + 1, entry: bare.entry),
                    """
                    '\(bare.snippet)' is ambiguous: ',' separates entries, but this row also separates entries with \
                    spaces; write a decimal with a point (1.5) or put a space after the comma for two entries
                    """))
            }
            values.append(rowValues)
        }

        // Ragged rows: compare with the most common length (the first row's on a tie).
        let counts = matrix.rows.map(\.cells.count)
        var frequency: [Int: Int] = [:]
        for c in counts { frequency[c, default: 0] += 1 }
        var expected = counts[0]
        for c in counts where frequency[c]! > frequency[expected]! { expected = c }
        let reference = counts.firstIndex(of: expected)!
        let hint = matrix.bareCommaSnippet.map {
            "; note: ',' separates entries, so '\($0)' is two entries (write decimals with a point, like 1.5)"
        } ?? ""
        for (i, row) in matrix.rows.enumerated() where row.cells.count != expected {
            ok = false
            let n = row.cells.count
            let position = n > expected ? row.cells[expected].start : row.cells[n - 1].end
            errors.append(GameFormatError(at: position, """
                \(name) row \(i + 1) has \(entries(n)), but row \(reference + 1) has \(expected): every row \
                needs the same number of entries\(hint)
                """))
        }
        guard ok else { return nil }
        return Matrix(values)
    }

    private static func entries(_ n: Int) -> String { n == 1 ? "1 entry" : "\(n) entries" }

    // MARK: - Scanning

    struct Cell {
        var text: String
        var start: SourcePosition
        var end: SourcePosition
    }

    struct ScannedRow {
        var cells: [Cell] = []
        /// Some pair of neighbouring cells is separated by white space only.
        var hasWhitespaceSeparator = false
        /// The first digit,digit comma without white space: where, which entry (1-based) precedes it, text.
        var bareComma: (position: SourcePosition, entry: Int, snippet: String)?
    }

    struct ScannedMatrix {
        var rows: [ScannedRow] = []
        var start = SourcePosition.start
        var bareCommaSnippet: String?
    }

    private enum Separator {
        case none
        case soft
        case hard(SourcePosition)
    }

    /// Splits the text into matrices, rows and cells; reports only structural problems
    /// (empty entries around commas, empty matrices around `|`).
    struct Scanner {
        var cursor: SourceCursor
        var matrices: [ScannedMatrix] = []
        var errors: [GameFormatError] = []
        /// The lines that hold a `|`.
        private(set) var barLines: Set<Int> = []
        private var matrix = ScannedMatrix()
        private var row = ScannedRow()
        private var lastSeparator = Separator.none
        /// Since the last cell of the row: a comma (its position), and whether white space was seen.
        private var pendingComma: SourcePosition?
        private var sawWhitespace = false
        private var lineIsBlank = true

        init(_ text: String) { cursor = SourceCursor(text) }

        mutating func scan() {
            while let c = cursor.current {
                switch c {
                case "\n", "\r":
                    endRow()
                    if lineIsBlank { softSeparator() }
                    lineIsBlank = true
                    cursor.skipLineBreak()
                case ";":
                    lineIsBlank = false
                    endRow()
                    cursor.advance()
                case "|":
                    lineIsBlank = false
                    endRow()
                    barLines.insert(cursor.position.line)
                    hardSeparator(at: cursor.position)
                    cursor.advance()
                case "#":
                    lineIsBlank = false
                    while let d = cursor.current, d != "\n" && d != "\r" { cursor.advance() }
                case ",":
                    lineIsBlank = false
                    comma()
                    cursor.advance()
                case _ where c.properties.isWhitespace:
                    sawWhitespace = true
                    cursor.advance()
                default:
                    lineIsBlank = false
                    cell()
                }
            }
            endRow()
            if !matrix.rows.isEmpty {
                closeMatrix()
            } else if case .hard(let position) = lastSeparator {
                errors.append(GameFormatError(at: position, matrices.count == 1
                    ? "B is empty: nothing follows '|'" : "empty matrix: nothing follows '|'"))
            }
        }

        private func entry(_ index: Int) -> GameFormatError.Entry? {
            matrices.count < 2 ? .init(player: matrices.isEmpty ? .row : .column,
                                       row: matrix.rows.count + 1, entry: index) : nil
        }

        private mutating func comma() {
            if pendingComma != nil {
                reportEntry(at: cursor.position, row.cells.count + 1, "empty entry between two commas")
            } else if row.cells.isEmpty {
                reportEntry(at: cursor.position, 1, "empty entry: the row starts with ','")
            }
            pendingComma = cursor.position
            sawWhitespace = false
        }

        private mutating func cell() {
            let start = cursor.position
            let from = cursor.index
            while let c = cursor.current,
                  !(c.properties.isWhitespace || c == "," || c == ";" || c == "|" || c == "#") {
                cursor.advance()
            }
            let text = cursor.text(from..<cursor.index)
            if let previous = row.cells.last {
                if pendingComma == nil {
                    row.hasWhitespaceSeparator = true
                } else if !sawWhitespace, row.bareComma == nil,
                          previous.text.unicodeScalars.last?.isASCIIDigit == true,
                          text.unicodeScalars.first?.isASCIIDigit == true {
                    let snippet = "\(previous.text),\(text)"
                    row.bareComma = (pendingComma!, row.cells.count, snippet)
                    if matrix.bareCommaSnippet == nil { matrix.bareCommaSnippet = snippet }
                }
            }
            row.cells.append(Cell(text: text, start: start, end: cursor.position))
            pendingComma = nil
            sawWhitespace = false
        }

        private mutating func endRow() {
            if let comma = pendingComma {
                reportEntry(at: comma, row.cells.count + 1, "empty entry: the row ends with ','")
            }
            if !row.cells.isEmpty {
                if matrix.rows.isEmpty { matrix.start = row.cells[0].start }
                matrix.rows.append(row)
            }
            row = ScannedRow()
            pendingComma = nil
            sawWhitespace = false
        }

        private mutating func closeMatrix() {
            matrices.append(matrix)
            matrix = ScannedMatrix()
        }

        private mutating func softSeparator() {
            guard !matrix.rows.isEmpty else { return }
            closeMatrix()
            lastSeparator = .soft
        }

        private mutating func hardSeparator(at position: SourcePosition) {
            if !matrix.rows.isEmpty {
                closeMatrix()
            } else if case .soft = lastSeparator {
                // `A`, blank line, `|`: one separator.
            } else if matrices.isEmpty {
                report(at: position, "A is empty: nothing precedes '|'")
            } else {
                report(at: position, "empty matrix between two '|'")
            }
            lastSeparator = .hard(position)
        }

        /// Entries of a third matrix are not reported one by one: the third matrix itself is the error.
        private mutating func reportEntry(at position: SourcePosition, _ index: Int, _ message: String) {
            guard let entry = entry(index) else { return }
            errors.append(GameFormatError(at: position, entry: entry, message))
        }

        private mutating func report(at position: SourcePosition, _ message: String) {
            errors.append(GameFormatError(at: position, message))
        }
    }
}
