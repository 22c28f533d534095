import GameTheory
import Testing
@testable import NashSimCLI

/// The REPL's command grammar: every command in its accepted spellings, and every malformed form
/// with the exact message the user sees.
@Suite("REPL command parser")
struct REPLCommandParserTests {
    private static func parse(_ line: String) -> Result<SessionCommand?, SessionCommandError> {
        Result { () throws(SessionCommandError) in try SessionCommandParser.parse(line) }
    }

    static let valid: [(String, SessionCommand?)] = [
        ("", nil),
        ("   \t ", nil),
        ("# a comment", nil),
        ("  # indented comment", nil),
        ("help", .help(topic: nil)),
        ("HELP set", .help(topic: "set")),
        ("? ", .help(topic: nil)),
        ("help best-response", .help(topic: "best-response")),
        ("A 3 0; 5 1", .enterMatrix(.row, MatrixArgument(text: "3 0; 5 1", column: 3))),
        ("  a   1, 2  ", .enterMatrix(.row, MatrixArgument(text: "1, 2", column: 7))),
        ("\u{FEFF}B 3 5; 0 1", .enterMatrix(.column, MatrixArgument(text: "3 5; 0 1", column: 4))),
        ("matrix 3 0; 5 1 | 3 5; 0 1", .enterGame(MatrixArgument(text: "3 0; 5 1 | 3 5; 0 1", column: 8))),
        ("Matrix 0 1; 1 0", .enterGame(MatrixArgument(text: "0 1; 1 0", column: 8))),
        ("set A 2 1 4", .setEntry(.row, row: .index(2), column: .index(1), value: 4)),
        ("set b C D -1/2", .setEntry(.column, row: .label("C"), column: .label("D"), value: Rational(-1) / Rational(2))),
        ("set a 1 2 = 7", .setEntry(.row, row: .index(1), column: .index(2), value: 7)),
        ("set column 1 1 2.5", .setEntry(.column, row: .index(1), column: .index(1), value: Rational(5) / Rational(2))),
        ("set A x1 2 -0", .setEntry(.row, row: .label("x1"), column: .index(2), value: 0)),
        ("labels row C D", .setLabels(.row, ["C", "D"])),
        ("labels column \"Go on\" 'Stop'", .setLabels(.column, ["Go on", "Stop"])),
        ("title My merge game", .setTitle("My merge game")),
        ("title", .setTitle(nil)),
        ("game stag-hunt", .classic("stag-hunt")),
        ("games", .listClassics),
        ("load examples/battle-of-the-sexes.nfg", .load(path: "examples/battle-of-the-sexes.nfg")),
        ("load \"my games/pd.json\"", .load(path: "my games/pd.json")),
        ("save out.nfg", .save(path: "out.nfg")),
        ("show", .show),
        ("solve", .solve(.auto)),
        ("solve lp", .solve(.lp)),
        ("SOLVE Pure", .solve(.pure)),
        ("select risk", .select(.risk, priority: .row)),
        ("select pareto column", .select(.pareto, priority: .column)),
        ("select welfare favouring col", .select(.welfare, priority: .column)),
        ("select maxmin-safe", .select(.maxmin, priority: .row)),
        ("br row 1/2 1/2", .bestResponse(.row, against: .probabilities([Rational(1) / Rational(2), Rational(1) / Rational(2)]))),
        ("br column against 1/3, 2/3", .bestResponse(.column, against: .probabilities([Rational(1) / Rational(3), Rational(2) / Rational(3)]))),
        ("best-response row defect", .bestResponse(.row, against: .pure(.label("defect")))),
        ("br col 0.25,0.75", .bestResponse(.column, against: .probabilities([Rational(1) / Rational(4), Rational(3) / Rational(4)]))),
        ("regret 1 0 | 1/2 1/2", .regret(nil, row: .probabilities([1, 0]), column: .probabilities([Rational(1) / Rational(2), Rational(1) / Rational(2)]))),
        ("regret row C | D", .regret(.row, row: .pure(.label("C")), column: .pure(.label("D")))),
        ("quit", .quit),
        ("EXIT", .quit),
    ]

    @Test(arguments: valid)
    func parsesValidCommands(line: String, expected: SessionCommand?) {
        switch Self.parse(line) {
        case let .success(command): #expect(command == expected, "line: \(line)")
        case let .failure(error): Issue.record("'\(line)' failed: \(error)")
        }
    }

    static let malformed: [(String, String)] = [
        // Unknown commands.
        ("foo", "error: unknown command 'foo'; type `help` for the list of commands"),
        ("solv", "error: unknown command 'solv'; did you mean `solve`? Type `help` for the list of commands"),
        ("3 0; 5 1", "error: unknown command '3'; type `help` for the list of commands"),
        // Matrices.
        ("A", "error: A: expected a matrix; usage: A MATRIX, e.g. `A 3 0; 5 1`"),
        ("b   ", "error: B: expected a matrix; usage: B MATRIX, e.g. `B 3 5; 0 1`"),
        ("A 1 2 | 3 4", "error: A: one matrix expected; use `matrix A | B` to enter both players' matrices"),
        ("matrix", "error: matrix: expected matrix text; usage: matrix A | B, e.g. `matrix 3 0; 5 1 | 3 5; 0 1`"),
        // set.
        ("set", "error: set: expected 4 arguments (matrix, row, column, value), got 0; usage: set A|B ROW COLUMN VALUE, e.g. `set A 2 1 4`"),
        ("set A 1 2", "error: set: expected 4 arguments (matrix, row, column, value), got 3; usage: set A|B ROW COLUMN VALUE, e.g. `set A 2 1 4`"),
        ("set A 1 2 3 4", "error: set: expected 4 arguments (matrix, row, column, value), got 5; usage: set A|B ROW COLUMN VALUE, e.g. `set A 2 1 4`"),
        ("set C 1 2 3", "error: set: 'C' is not a matrix: expected A (row player) or B (column player)"),
        ("set A 0 1 3", "error: set: row 0 does not exist: rows are numbered from 1"),
        ("set A 1 00 3", "error: set: column 00 does not exist: columns are numbered from 1"),
        ("set A 99999999999999999999 1 3", "error: set: row 99999999999999999999 does not exist: rows are numbered from 1"),
        ("set A 1 2 3abc", "error: set: value '3abc': not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3)"),
        ("set A 1 2 inf", "error: set: value 'inf': payoffs must be finite numbers"),
        ("set A 1 2 1/0", "error: set: value '1/0': fraction with a zero denominator"),
        ("set A 1 2 1e4001", "error: set: value '1e4001': exponent out of range (at most ±4000)"),
        ("set A 1 2 1e400", "error: set: value '1e400': payoff too large: payoffs must lie within ±1e30"),
        ("set A 1 2 -1.0000001e30", "error: set: value '-1.0000001e30': payoff too large: payoffs must lie within ±1e30"),
        // labels and title.
        ("labels", "error: labels: expected a player and names; usage: labels row|column NAME..., e.g. `labels row Cooperate Defect`"),
        ("labels diagonal a b", "error: labels: 'diagonal' is not a player: expected row or column"),
        ("labels row", "error: labels: expected one name per strategy of the row player; usage: labels row|column NAME..., e.g. `labels row Cooperate Defect`"),
        ("labels row a a", "error: labels: 'a' appears twice: strategy names must differ"),
        ("labels row \"\" b", "error: labels: name 1 is empty"),
        ("labels row \"a b", "error: labels: unterminated quote \""),
        // Catalogue.
        ("game", "error: game: expected the name of a classic game, e.g. `game stag-hunt`; `games` lists them"),
        ("game stag hunt", "error: game: expected one name, got 2 words; usage: game NAME, e.g. `game stag-hunt`"),
        ("games all", "error: games: takes no arguments (got 'all')"),
        // Files.
        ("load", "error: load: expected a file name; usage: load FILE, e.g. `load examples/battle-of-the-sexes.nfg`"),
        ("load \"\"", "error: load: expected a file name; usage: load FILE, e.g. `load examples/battle-of-the-sexes.nfg`"),
        ("save", "error: save: expected a file name; usage: save FILE, e.g. `save my-game.nfg`"),
        // show, quit.
        ("show A", "error: show: takes no arguments (got 'A')"),
        ("quit now", "error: quit: takes no arguments (got 'now')"),
        // solve and select.
        ("solve fast", "error: solve: unknown method 'fast': expected auto, support, lp, pure"),
        ("solve lp pure", "error: solve: expected at most one method; usage: solve [METHOD], e.g. `solve support`"),
        ("select", "error: select: expected a rule (pareto, welfare, risk, maxmin); usage: select RULE [row|column], e.g. `select risk`"),
        ("select best", "error: select: unknown rule 'best': expected pareto, welfare, risk, maxmin"),
        ("select risk diagonal", "error: select: 'diagonal' is not a player: ties favour row or column"),
        ("select risk row column", "error: select: expected a rule and at most a player; usage: select RULE [row|column], e.g. `select risk`"),
        // Best responses.
        ("br", "error: br: expected a player and the opponent's strategy; usage: br PLAYER STRATEGY, e.g. `br row 1/2 1/2`"),
        ("br diagonal 1", "error: br: 'diagonal' is not a player: expected row or column"),
        ("br row", "error: br: expected the column player's strategy: probabilities such as 1/2 1/2, or a strategy's label"),
        ("br row against", "error: br: expected the column player's strategy: probabilities such as 1/2 1/2, or a strategy's label"),
        ("br row 1/2 1/3", "error: br: the column player's strategy: probabilities must sum to 1 (they sum to 5/6)"),
        ("br column -1/2 3/2", "error: br: the row player's strategy: probabilities must be >= 0 (got -1/2)"),
        ("br row 1/2 x", "error: br: the column player's strategy: 'x' is not a probability (not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3))"),
        ("br row 2", "error: br: the column player's strategy: probabilities must sum to 1 (they sum to 2); name a single strategy by its label"),
        ("br row C D", "error: br: the column player's strategy: 'C' is not a probability (not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3))"),
        ("br row nan", "error: br: the column player's strategy: 'nan' is not a probability (payoffs must be finite numbers)"),
        // Regret.
        ("regret", "error: regret: expected both strategies separated by '|'; usage: regret [PLAYER] X | Y, e.g. `regret 1 0 | 1/2 1/2`"),
        ("regret 1 0", "error: regret: expected both strategies separated by '|'; usage: regret [PLAYER] X | Y, e.g. `regret 1 0 | 1/2 1/2`"),
        ("regret 1 0 | 1 | 0", "error: regret: expected one '|' between the two strategies, got 2; usage: regret [PLAYER] X | Y, e.g. `regret 1 0 | 1/2 1/2`"),
        ("regret | 1 0", "error: regret: expected the row player's strategy: probabilities such as 1/2 1/2, or a strategy's label"),
        ("regret column 1 0 |", "error: regret: expected the column player's strategy: probabilities such as 1/2 1/2, or a strategy's label"),
        ("regret 1 1 | 1 0", "error: regret: the row player's strategy: probabilities must sum to 1 (they sum to 2)"),
        // Help.
        ("help nope", "error: help: no command 'nope'; type `help` for the list of commands"),
        ("help set show", "error: help: expected at most one command name; usage: help [COMMAND], e.g. `help set`"),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedCommandsNamingThem(line: String, message: String) {
        switch Self.parse(line) {
        case let .success(command): Issue.record("'\(line)' parsed as \(String(describing: command))")
        case let .failure(error): #expect(error.description == message, "line: \(line)")
        }
    }

    @Test func everyCommandInTheHelpParsesItsOwnExample() throws {
        for spec in SessionCommandSpec.all {
            let command = try SessionCommandParser.parse(spec.example)
            #expect(command != nil, "example of \(spec.name): \(spec.example)")
        }
    }

    @Test func suggestionsAreCloseNamesOnly() {
        #expect(SessionCommandParser.suggestion(for: "slove") == "solve")
        #expect(SessionCommandParser.suggestion(for: "lables") == "labels")
        #expect(SessionCommandParser.suggestion(for: "exti") == "quit")
        #expect(SessionCommandParser.suggestion(for: "xyzzy") == nil)
        #expect(SessionCommandParser.suggestion(for: "q") == nil)
    }

    /// Seeded random lines (printable ASCII, the grammar's punctuation, some Unicode): parsing never
    /// traps, and every failure names a command or says the command is unknown.
    @Test(arguments: 0..<20)
    func randomLinesNeverTrap(seed: UInt64) {
        var rng = ParserRNG(seed: seed)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABRC0123456789 ;,|/.-+=#\"'\t\u{FEFF}é∞") + ["\r"]
        let heads = SessionCommandSpec.allNames + ["", "x"]
        for _ in 0..<300 {
            let head = heads[Int.random(in: 0..<heads.count, using: &rng)]
            let tail = String((0..<Int.random(in: 0...24, using: &rng)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            })
            let line = head + (Bool.random(using: &rng) ? " " : "") + tail
            if case let .failure(error) = Self.parse(line) {
                #expect(error.description.hasPrefix("error: "), "seed \(seed): \(line)")
            }
        }
    }
}

private struct ParserRNG: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x1234_5678 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49B8_133E_B111
        return z ^ (z >> 31)
    }
}
