/// Writes a `BimatrixGame` in each readable format, so that a game can be saved and read back.
///
/// Round trip: for an exact game, `GameReader.read(text: GameWriter.write(game, as: f), format: f)`
/// gives back the same payoffs in every format; JSON and `.nfg` also keep the labels and the title
/// (a title of `""` reads back as nil), matrix text keeps neither (it has no syntax for them; the
/// title is written as a `#` comment for people, labels become the defaults on reading).
///
/// Exact entries are written as integers, exact decimals when short (`0.1`, `-2.25`), otherwise as
/// fractions (`1/3`). An approximate game is written with shortest round-trip decimals: it reads
/// back as an exact game whose `Double` view equals the original payoffs.
public enum GameWriter {
    public static func write(_ game: BimatrixGame, as format: GameFileFormat) -> String {
        switch format {
        case .matrixText: matrixText(game)
        case .json: json(game)
        case .nfg: nfg(game)
        }
    }

    /// Entries of `player`'s matrix as written in files.
    static func entries(_ game: BimatrixGame, _ player: Player) -> [[String]] {
        if let exact = game.exactPayoffs(of: player) {
            return exact.nested.map { $0.map(NumberFormatting.exactEntry) }
        }
        return game.payoffs(of: player).nested.map { $0.map(NumberFormatting.shortest) }
    }

    /// Matrix text: `A`, then a line with `|`, then `B` (only `A` for a zero-sum game), entries
    /// right-aligned in columns; a first `# title` comment line when the game has a title.
    public static func matrixText(_ game: BimatrixGame) -> String {
        var out = ""
        if let title = game.title, !title.isEmpty {
            out += "# " + String(title.map { $0.isNewline ? " " : $0 }) + "\n"
        }
        out += aligned(entries(game, .row))
        if !game.isZeroSum {
            out += "|\n" + aligned(entries(game, .column))
        }
        return out
    }

    private static func aligned(_ rows: [[String]]) -> String {
        let columns = rows[0].count
        let widths = (0..<columns).map { j in rows.map { $0[j].unicodeScalars.count }.max()! }
        return rows.map { row in
            row.enumerated().map { j, cell in
                String(repeating: " ", count: widths[j] - cell.unicodeScalars.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Gambit `.nfg`: strategy names in the prologue, then the payoff list (one line per column
    /// strategy, the row strategy varying fastest, each profile as `u_row u_column`). Readable by
    /// Gambit itself. Players are named "Player 1" and "Player 2".
    public static func nfg(_ game: BimatrixGame) -> String {
        let a = entries(game, .row), b = entries(game, .column)
        var out = "NFG 1 R \(nfgQuoted(game.title ?? "")) { \"Player 1\" \"Player 2\" }\n"
        out += "{ { " + game.rowLabels.map(nfgQuoted).joined(separator: " ") + " }\n"
        out += "  { " + game.columnLabels.map(nfgQuoted).joined(separator: " ") + " }\n}\n\n"
        for j in 0..<game.columns {
            out += (0..<game.rows).map { i in "\(a[i][j]) \(b[i][j])" }.joined(separator: "  ") + "\n"
        }
        return out
    }

    /// `.nfg` string: `"` and `\` escaped with a backslash.
    static func nfgQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            if c == "\"" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }

    /// JSON: `A`, `B` (always written, also for zero-sum games), `row_labels`, `column_labels` and
    /// `title` when there is one. Integers and short exact decimals are JSON numbers, other exact
    /// entries fraction strings (`"1/3"`).
    public static func json(_ game: BimatrixGame) -> String {
        func matrix(_ player: Player) -> String {
            let rows = entries(game, player).map { row in
                "[" + row.map { $0.contains("/") ? "\"\($0)\"" : $0 }.joined(separator: ", ") + "]"
            }
            return "[\n    " + rows.joined(separator: ",\n    ") + "\n  ]"
        }
        func strings(_ labels: [String]) -> String { "[" + labels.map(jsonQuoted).joined(separator: ", ") + "]" }
        var members = [
            "\"A\": " + matrix(.row),
            "\"B\": " + matrix(.column),
            "\"row_labels\": " + strings(game.rowLabels),
            "\"column_labels\": " + strings(game.columnLabels),
        ]
        if let title = game.title { members.append("\"title\": " + jsonQuoted(title)) }
        return "{\n  " + members.joined(separator: ",\n  ") + "\n}\n"
    }
}
