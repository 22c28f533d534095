import GameTheory

/// A line that is not a valid command: which command (when known) and what is wrong, for people.
struct SessionCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command as its usage names it (`set`, `A`), nil when the command itself is unknown.
    var command: String?
    var message: String

    init(_ command: String?, _ message: String) {
        self.command = command
        self.message = message
    }

    /// `error: set: expected 4 arguments ...`.
    var description: String { "error: " + (command.map { "\($0): " } ?? "") + message }
}

/// Reads one line of `nashsim repl` into a `SessionCommand`. Pure: no game, no I/O.
///
/// Syntax (`SessionCommandSpec.all` lists every command):
/// - the first word names the command, case-insensitively; a blank line or one starting with `#`
///   is no command (nil);
/// - matrix commands (`A`, `B`, `matrix`) take the rest of the line as matrix text, as
///   `nashsim solve --matrix` does; `title`, `load` and `save` take the rest of the line as is
///   (a path wholly in quotes loses them);
/// - the other commands take words separated by white space; `"..."` or `'...'` groups words;
/// - probabilities are separated by spaces or commas and must be >= 0 and sum to 1 exactly.
enum SessionCommandParser {
    /// The command on `line`, nil for a blank or comment line.
    static func parse(_ line: String) throws(SessionCommandError) -> SessionCommand? {
        var scalars = Substring(line).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var column = 1 + (line.unicodeScalars.count - scalars.count)
        while let first = scalars.first, first.properties.isWhitespace {
            scalars = scalars.dropFirst()
            column += 1
        }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        guard let first = scalars.first, first != "#" else { return nil }
        let word = scalars.prefix { !$0.properties.isWhitespace }
        var rest = scalars.dropFirst(word.count)
        column += word.count
        while let first = rest.first, first.properties.isWhitespace {
            rest = rest.dropFirst()
            column += 1
        }
        let name = String(String.UnicodeScalarView(word))
        let argument = String(String.UnicodeScalarView(rest))
        guard let spec = SessionCommandSpec.named(name) else {
            throw SessionCommandError(nil, unknownCommandMessage(name))
        }
        return try command(spec, argument: argument, column: column)
    }

    private static func command(_ spec: SessionCommandSpec, argument: String, column: Int)
        throws(SessionCommandError) -> SessionCommand {
        let label = spec.usage.prefix { $0 != " " }
        let usage = "usage: \(spec.usage), e.g. `\(spec.example)`"
        func fail(_ message: String) -> SessionCommandError { SessionCommandError(String(label), message) }
        switch spec.name {
        case "a", "b":
            guard !argument.isEmpty else { throw fail("expected a matrix; \(usage)") }
            guard !argument.contains("|") else {
                throw fail("one matrix expected; use `matrix A | B` to enter both players' matrices")
            }
            return .enterMatrix(spec.name == "a" ? .row : .column, MatrixArgument(text: argument, column: column))
        case "matrix":
            guard !argument.isEmpty else { throw fail("expected matrix text; \(usage)") }
            return .enterGame(MatrixArgument(text: argument, column: column))
        case "title":
            return .setTitle(argument.isEmpty ? nil : unquoted(argument))
        case "load", "save":
            guard !argument.isEmpty else { throw fail("expected a file name; \(usage)") }
            let path = unquoted(argument)
            guard !path.isEmpty else { throw fail("expected a file name; \(usage)") }
            return spec.name == "load" ? .load(path: path) : .save(path: path)
        case "regret":
            return try regret(argument, fail: fail, usage: usage)
        default:
            break
        }
        let words = try words(argument, fail: fail)
        switch spec.name {
        case "help":
            guard words.count <= 1 else { throw fail("expected at most one command name; \(usage)") }
            if let topic = words.first, SessionCommandSpec.named(topic) == nil {
                throw fail("no command '\(topic)'; type `help` for the list of commands")
            }
            return .help(topic: words.first)
        case "quit", "games", "show":
            guard words.isEmpty else { throw fail("takes no arguments (got '\(words.joined(separator: " "))')") }
            return spec.name == "quit" ? .quit : spec.name == "games" ? .listClassics : .show
        case "game":
            guard words.count == 1 else {
                throw fail(words.isEmpty ? "expected the name of a classic game, e.g. `game stag-hunt`; `games` lists them"
                           : "expected one name, got \(words.count) words; \(usage)")
            }
            return .classic(words[0])
        case "set":
            var w = words
            if w.count == 5 && w[3] == "=" { w.remove(at: 3) }
            guard w.count == 4 else {
                throw fail("expected 4 arguments (matrix, row, column, value), got \(words.count); \(usage)")
            }
            guard let player = matrixPlayer(w[0]) else {
                throw fail("'\(w[0])' is not a matrix: expected A (row player) or B (column player)")
            }
            let row = try strategyReference(w[1], what: "row", fail: fail)
            let column = try strategyReference(w[2], what: "column", fail: fail)
            let value = try payoff(w[3], fail: fail)
            return .setEntry(player, row: row, column: column, value: value)
        case "labels":
            guard let first = words.first, let player = playerName(first) else {
                throw fail(words.isEmpty ? "expected a player and names; \(usage)"
                           : "'\(words[0])' is not a player: expected row or column")
            }
            let names = Array(words.dropFirst())
            guard !names.isEmpty else { throw fail("expected one name per strategy of the \(player) player; \(usage)") }
            if let empty = names.firstIndex(where: \.isEmpty) { throw fail("name \(empty + 1) is empty") }
            if let duplicate = names.enumerated().first(where: { k, n in names[..<k].contains(n) }) {
                throw fail("'\(duplicate.element)' appears twice: strategy names must differ")
            }
            return .setLabels(player, names)
        case "solve":
            guard words.count <= 1 else { throw fail("expected at most one method; \(usage)") }
            guard let name = words.first else { return .solve(.auto) }
            guard let method = SessionSolveMethod(rawValue: name.lowercased()) else {
                throw fail("unknown method '\(name)': expected "
                           + SessionSolveMethod.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .solve(method)
        case "select":
            var w = words
            if w.count == 3, ["favouring", "favoring"].contains(w[1].lowercased()) { w.remove(at: 1) }
            guard (1...2).contains(w.count) else {
                throw fail(words.isEmpty ? "expected a rule (\(ruleNames)); \(usage)"
                           : "expected a rule and at most a player; \(usage)")
            }
            guard let rule = selectionRule(w[0]) else {
                throw fail("unknown rule '\(w[0])': expected \(ruleNames)")
            }
            var priority = Player.row
            if w.count == 2 {
                guard let player = playerName(w[1]) else {
                    throw fail("'\(w[1])' is not a player: ties favour row or column")
                }
                priority = player
            }
            return .select(rule, priority: priority)
        case "br":
            guard let first = words.first else { throw fail("expected a player and the opponent's strategy; \(usage)") }
            guard let player = playerName(first) else {
                throw fail("'\(first)' is not a player: expected row or column")
            }
            var rest = Array(words.dropFirst())
            if let word = rest.first, ["against", "vs", "to"].contains(word.lowercased()) { rest.removeFirst() }
            let strategy = try strategyArgument(rest, whose: "the \(player.opponent) player's strategy", fail: fail)
            return .bestResponse(player, against: strategy)
        default:
            preconditionFailure("command '\(spec.name)' has a spec but no parser")
        }
    }

    // MARK: - Arguments

    private static func regret(
        _ argument: String, fail: (String) -> SessionCommandError, usage: String
    ) throws(SessionCommandError) -> SessionCommand {
        var text = Substring(argument)
        var player: Player?
        if let word = text.split(whereSeparator: \.isWhitespace).first, let named = playerName(String(word)) {
            player = named
            text = text.dropFirst(word.count)
        }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw fail(parts.count < 2 ? "expected both strategies separated by '|'; \(usage)"
                       : "expected one '|' between the two strategies, got \(parts.count - 1); \(usage)")
        }
        let x = try strategyArgument(try words(String(parts[0]), fail: fail), whose: "the row player's strategy",
                                     fail: fail)
        let y = try strategyArgument(try words(String(parts[1]), fail: fail), whose: "the column player's strategy",
                                     fail: fail)
        return .regret(player, row: x, column: y)
    }

    /// Words separated by white space; `"..."` and `'...'` group words (the quotes are dropped).
    static func words(_ text: String, fail: (String) -> SessionCommandError) throws(SessionCommandError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if let quote { throw fail("unterminated quote \(quote)") }
        if inWord { words.append(current) }
        return words
    }

    /// The text without one pair of quotes around all of it.
    private static func unquoted(_ text: String) -> String {
        if text.count >= 2, let q = text.first, q == "\"" || q == "'", text.last == q {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// `A`/`row` → row player, `B`/`column`/`col` → column player.
    private static func matrixPlayer(_ word: String) -> Player? {
        switch word.lowercased() {
        case "a", "row": .row
        case "b", "column", "col": .column
        default: nil
        }
    }

    /// `row` or `column`/`col`.
    private static func playerName(_ word: String) -> Player? {
        switch word.lowercased() {
        case "row": .row
        case "column", "col": .column
        default: nil
        }
    }

    private static var ruleNames: String { SelectionRule.allCases.map(\.rawValue).joined(separator: ", ") }

    private static func selectionRule(_ word: String) -> SelectionRule? {
        switch word.lowercased() {
        case "pareto", "payoff", "payoff-dominant", "payoff-dominance": .pareto
        case "welfare": .welfare
        case "risk", "risk-dominant", "risk-dominance": .risk
        case "maxmin", "maxmin-safe", "safe": .maxmin
        default: nil
        }
    }

    /// A positive integer is a 1-based index, anything else a label.
    private static func strategyReference(
        _ word: String, what: String, fail: (String) -> SessionCommandError
    ) throws(SessionCommandError) -> StrategyReference {
        guard !word.isEmpty, word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .label(word) }
        guard let k = Int(word), k >= 1 else {
            throw fail("\(what) \(word) does not exist: \(what)s are numbered from 1")
        }
        return .index(k)
    }

    private static func payoff(_ word: String, fail: (String) -> SessionCommandError)
        throws(SessionCommandError) -> Rational {
        switch Rational.parsePayoff(word) {
        case let .failure(failure):
            throw fail("value '\(word)': \(failure)")
        case let .success(value):
            return value
        }
    }

    /// Probabilities (each >= 0, summing to 1 exactly) or a single strategy label.
    private static func strategyArgument(
        _ words: [String], whose: String, fail: (String) -> SessionCommandError
    ) throws(SessionCommandError) -> StrategyArgument {
        let tokens = words.flatMap { $0.split(separator: ",").map(String.init) }
        guard !tokens.isEmpty else {
            throw fail("expected \(whose): probabilities such as 1/2 1/2, or a strategy's label")
        }
        var probabilities: [Rational] = []
        for token in tokens {
            switch Rational.parsePayoff(token) {
            case let .success(p):
                probabilities.append(p)
            case let .failure(failure):
                if tokens.count == 1, failure == .malformed { return .pure(.label(token)) }
                throw fail("\(whose): '\(token)' is not a probability (\(failure))")
            }
        }
        if let negative = probabilities.first(where: { $0.signum < 0 }) {
            throw fail("\(whose): probabilities must be >= 0 (got \(negative))")
        }
        let total = probabilities.reduce(Rational.zero, +)
        guard total == .one else {
            throw fail("\(whose): probabilities must sum to 1 (they sum to \(total))"
                       + (tokens.count == 1 ? "; name a single strategy by its label" : ""))
        }
        return .probabilities(probabilities)
    }

    // MARK: - Unknown commands

    private static func unknownCommandMessage(_ name: String) -> String {
        if let suggestion = suggestion(for: name) {
            return "unknown command '\(name)'; did you mean `\(suggestion)`? Type `help` for the list of commands"
        }
        return "unknown command '\(name)'; type `help` for the list of commands"
    }

    /// The known command name closest to `name` (edit distance at most 2 and less than its length).
    static func suggestion(for name: String) -> String? {
        let key = Array(name.lowercased())
        let scored = SessionCommandSpec.allNames.map { ($0, editDistance(key, Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < key.count else { return nil }
        return SessionCommandSpec.named(best.0)?.usage.prefix { $0 != " " }.description
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of neighbours
    /// (optimal string alignment), so `slove` is one step from `solve`.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
