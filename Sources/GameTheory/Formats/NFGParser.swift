/// Reads two-player Gambit strategic-form files (`.nfg`), as documented by Gambit in
/// "The strategic game (.nfg) file format" (payoff and outcome versions).
///
/// ```
/// NFG 1 R "title" { "Player 1" "Player 2" }      prologue: version 1, R (rational) or D (decimal)
/// { 3 2 }                      strategy counts,  or  { { "U" "M" "D" } { "L" "R" } }  strategy names
/// "optional comment"
/// 1 1 0 2 0 2 1 1 0 3 2 0      payoff list: per strategy profile, player 1's then player 2's payoff
/// ```
/// or, in the outcome version, after the prologue:
/// ```
/// { { "name" 1, 1 } { "" 0 2 } ... }           outcomes: a name and one payoff per player (commas optional)
/// 1 2 0 ...                                    one outcome number per profile; 0 = null outcome (pays 0)
/// ```
/// Profiles are listed with player 1's strategy varying fastest: (1,1), (2,1), ..., (m,1), (1,2), ...
/// Like Gambit, either strategy block (counts or names) may be followed by either body.
///
/// Mapping to `BimatrixGame` (exact): player 1 is the row player, player 2 the column player; the
/// title is kept (an empty title becomes nil); strategy names become labels, an empty name or a
/// strategy given only by count gets the default label (`r1`, `c2`, ...); player names and the
/// comment are not kept. In strings `\"` is a quote and `\\` a backslash; any other backslash is
/// kept literally. Numbers are anything `Rational.parse` accepts (`3`, `.5`, `-1e-3`, `1/3`).
///
/// Rejected with positions: not exactly two players, a player without strategies, a wrong number
/// of payoffs or outcome numbers, outcomes with other than two payoffs, an outcome number out of
/// range, malformed numbers or tokens, unterminated strings, anything after the body. Bad numbers
/// are all collected; a structural error ends the reading.
public enum NFGParser {
    /// The game the `.nfg` text describes.
    public static func parse(_ text: String) throws(GameFormatErrors) -> BimatrixGame {
        var parser = Parser(tokens: [], end: .start)
        do {
            let lexed = try lex(text)
            parser = Parser(tokens: lexed.tokens, end: lexed.end)
            let game = try parser.game()
            if parser.errors.isEmpty, let game { return game }
        } catch {
            parser.errors.append(error)
        }
        throw GameFormatErrors(parser.errors)
    }

    // MARK: - Tokens

    enum Kind: Equatable {
        case word(String)
        case string(String)
        case openBrace
        case closeBrace
        case comma
        case end
    }

    struct Token {
        var kind: Kind
        var position: SourcePosition

        var description: String {
            switch kind {
            case .word(let w): quotedForMessage(w)
            case .string(let s): "the string \"\(s.unicodeScalars.count > 40 ? String(s.prefix(37)) + "..." : s)\""
            case .openBrace: "'{'"
            case .closeBrace: "'}'"
            case .comma: "','"
            case .end: "the end of the file"
            }
        }
    }

    static func lex(_ text: String) throws(GameFormatError) -> (tokens: [Token], end: SourcePosition) {
        var cursor = SourceCursor(text)
        var tokens: [Token] = []
        while let c = cursor.current {
            let position = cursor.position
            switch c {
            case _ where c.properties.isWhitespace:
                cursor.advance()
            case "{":
                tokens.append(Token(kind: .openBrace, position: position)); cursor.advance()
            case "}":
                tokens.append(Token(kind: .closeBrace, position: position)); cursor.advance()
            case ",":
                tokens.append(Token(kind: .comma, position: position)); cursor.advance()
            case "\"":
                cursor.advance()
                var value = String.UnicodeScalarView()
                var closed = false
                while let d = cursor.current {
                    cursor.advance()
                    if d == "\"" { closed = true; break }
                    if d == "\\", let e = cursor.current, e == "\"" || e == "\\" {
                        value.append(e)
                        cursor.advance()
                    } else {
                        value.append(d)
                    }
                }
                guard closed else { throw GameFormatError(at: position, "unterminated string (no closing '\"')") }
                tokens.append(Token(kind: .string(String(value)), position: position))
            default:
                let from = cursor.index
                while let d = cursor.current,
                      !(d.properties.isWhitespace || d == "{" || d == "}" || d == "\"" || d == ",") {
                    cursor.advance()
                }
                tokens.append(Token(kind: .word(cursor.text(from..<cursor.index)), position: position))
            }
        }
        return (tokens, cursor.position)
    }

    // MARK: - Grammar

    struct Parser {
        let tokens: [Token]
        let end: SourcePosition
        var index = 0
        var errors: [GameFormatError] = []

        init(tokens: [Token], end: SourcePosition) {
            self.tokens = tokens
            self.end = end
        }

        var current: Token { index < tokens.count ? tokens[index] : Token(kind: .end, position: end) }

        mutating func next() -> Token {
            let token = current
            if index < tokens.count { index += 1 }
            return token
        }

        func fail(_ token: Token, context: String? = nil, _ message: String) -> GameFormatError {
            GameFormatError(at: token.position, context: context, message)
        }

        mutating func expectOpen(_ what: String) throws(GameFormatError) -> Token {
            let token = next()
            guard token.kind == .openBrace else { throw fail(token, "expected '{' to open \(what), found \(token.description)") }
            return token
        }

        /// The whole file; nil when number errors were collected.
        mutating func game() throws(GameFormatError) -> BimatrixGame? {
            let magic = next()
            guard magic.kind == .word("NFG") else {
                throw fail(magic, "expected 'NFG' at the start of a Gambit strategic-form file, found \(magic.description)")
            }
            let version = next()
            guard version.kind == .word("1") else {
                throw fail(version, "unsupported .nfg version \(version.description): expected 1")
            }
            let type = next()
            guard type.kind == .word("R") || type.kind == .word("D") else {
                throw fail(type, "expected 'R' (rational) or 'D' (decimal) after the version, found \(type.description)")
            }
            let titleToken = next()
            guard case .string(let title) = titleToken.kind else {
                throw fail(titleToken, "expected the game's title in double quotes, found \(titleToken.description)")
            }

            // Players.
            let playersOpen = try expectOpen("the list of players")
            var players: [String] = []
            while case .string(let name) = current.kind { players.append(name); _ = next() }
            let playersClose = next()
            guard playersClose.kind == .closeBrace else {
                throw fail(playersClose, "expected a player's name in double quotes or '}', found \(playersClose.description)")
            }
            guard players.count == 2 else {
                throw fail(playersOpen, "the game has \(players.count) player\(players.count == 1 ? "" : "s"); nashsim reads two-player games only")
            }

            // Strategies: counts or names.
            _ = try expectOpen("the strategies")
            var names: [[String]] = []
            if current.kind == .openBrace {
                for player in 1...2 {
                    let open = try expectOpen("player \(player)'s strategy names")
                    var list: [String] = []
                    while case .string(let name) = current.kind { list.append(name); _ = next() }
                    let close = next()
                    guard close.kind == .closeBrace else {
                        throw fail(close, "expected a strategy name in double quotes or '}', found \(close.description)")
                    }
                    guard !list.isEmpty else { throw fail(open, "player \(player) has no strategies") }
                    names.append(list)
                }
            } else {
                for player in 1...2 {
                    let token = next()
                    guard case .word(let w) = token.kind, let n = Int(w), n >= 0 else {
                        throw fail(token, "expected player \(player)'s number of strategies (a positive integer) or '{' with strategy names, found \(token.description)")
                    }
                    guard n > 0 else { throw fail(token, "player \(player) has no strategies") }
                    names.append(Array(repeating: "", count: n))
                }
            }
            let strategiesClose = next()
            guard strategiesClose.kind == .closeBrace else {
                throw fail(strategiesClose, "expected '}' to close the strategies (the game has 2 players), found \(strategiesClose.description)")
            }
            if case .string = current.kind { _ = next() }  // optional comment

            let m = names[0].count, n = names[1].count
            let (profiles, overflow) = m.multipliedReportingOverflow(by: n)
            guard !overflow, profiles <= 100_000_000 else {
                throw fail(strategiesClose, "the game is too large (\(m) x \(n) strategies)")
            }

            let a: [Rational]?, b: [Rational]?
            switch current.kind {
            case .openBrace:
                (a, b) = try outcomeBody(rows: m, columns: n)
            case .word:
                (a, b) = try payoffBody(rows: m, columns: n)
            default:
                throw fail(current, "expected the payoffs (numbers) or the outcomes ('{'), found \(current.description)")
            }
            guard let a, let b else { return nil }
            let rowLabels = names[0].enumerated().map { $1.isEmpty ? "r\($0 + 1)" : $1 }
            let columnLabels = names[1].enumerated().map { $1.isEmpty ? "c\($0 + 1)" : $1 }
            // Profiles run with the row strategy fastest: profile k is (k % m, k / m).
            return BimatrixGame(
                rowPayoffs: Matrix(rows: m, columns: n) { a[$1 * m + $0] },
                columnPayoffs: Matrix(rows: m, columns: n) { b[$1 * m + $0] },
                rowLabels: rowLabels, columnLabels: columnLabels, title: title.isEmpty ? nil : title)
        }

        /// Reads `count` whitespace-separated words until the end of the file.
        mutating func words(expected count: Int, what: String, detail: String) throws(GameFormatError) -> [Token] {
            var result: [Token] = []
            while current.kind != .end {
                let token = next()
                guard case .word = token.kind else {
                    let hint = token.kind == .comma ? " (separate them with white space only)" : ""
                    throw fail(token, "unexpected \(token.description) among the \(what)\(hint)")
                }
                if result.count == count {
                    throw fail(token, "more than \(count) \(what): \(detail)")
                }
                result.append(token)
            }
            if result.count < count {
                throw GameFormatError(at: end, "expected \(count) \(what) (\(detail)), found \(result.count)")
            }
            return result
        }

        mutating func number(_ token: Token, entry: GameFormatError.Entry? = nil, context: String? = nil) -> Rational? {
            guard case .word(let w) = token.kind else { return nil }
            switch Rational.parsePayoff(w) {
            case .success(let value): return value
            case .failure(let failure):
                errors.append(GameFormatError(at: token.position, entry: entry, context: context, entryMessage(w, failure)))
                return nil
            }
        }

        mutating func payoffBody(rows m: Int, columns n: Int) throws(GameFormatError) -> ([Rational]?, [Rational]?) {
            let count = 2 * m * n
            let tokens = try words(expected: count, what: "payoffs",
                                   detail: "\(m)x\(n) strategy profiles, 2 players each")
            var a: [Rational] = [], b: [Rational] = []
            var ok = true
            for (k, token) in tokens.enumerated() {
                let profile = k / 2
                let entry = GameFormatError.Entry(player: k % 2 == 0 ? .row : .column, row: profile % m + 1, entry: profile / m + 1)
                guard let value = number(token, entry: entry) else { ok = false; continue }
                if k % 2 == 0 { a.append(value) } else { b.append(value) }
            }
            return ok ? (a, b) : (nil, nil)
        }

        mutating func outcomeBody(rows m: Int, columns n: Int) throws(GameFormatError) -> ([Rational]?, [Rational]?) {
            _ = try expectOpen("the outcomes")
            var outcomes: [(Rational, Rational)?] = []
            while current.kind == .openBrace {
                let open = next()
                let label = "outcome \(outcomes.count + 1)"
                let nameToken = next()
                guard case .string = nameToken.kind else {
                    throw fail(nameToken, context: label, "expected the outcome's name in double quotes, found \(nameToken.description)")
                }
                var payoffs: [Token] = []
                while case .word = current.kind {
                    payoffs.append(next())
                    if current.kind == .comma { _ = next() }
                }
                let close = next()
                guard close.kind == .closeBrace else {
                    throw fail(close, context: label, "expected a payoff or '}', found \(close.description)")
                }
                guard payoffs.count == 2 else {
                    throw fail(open, context: label, "\(payoffs.count) payoff\(payoffs.count == 1 ? "" : "s"); expected 2 (one per player)")
                }
                let u = number(payoffs[0], context: "\(label), player 1")
                let v = number(payoffs[1], context: "\(label), player 2")
                if let u, let v { outcomes.append((u, v)) } else { outcomes.append(nil) }
            }
            let close = next()
            guard close.kind == .closeBrace else {
                throw fail(close, "expected '{' to open an outcome or '}' to close the outcomes, found \(close.description)")
            }
            let tokens = try words(expected: m * n, what: "outcome numbers",
                                   detail: "one per strategy profile, \(m)x\(n)")
            var a: [Rational] = [], b: [Rational] = []
            var ok = true
            for (k, token) in tokens.enumerated() {
                let context = "row \(k % m + 1), column \(k / m + 1)"
                guard case .word(let w) = token.kind, let index = Int(w), index >= 0 else {
                    errors.append(GameFormatError(at: token.position, context: context,
                                                  "\(token.description) is not an outcome number (a non-negative integer)"))
                    ok = false
                    continue
                }
                guard index <= outcomes.count else {
                    errors.append(GameFormatError(at: token.position, context: context, """
                        outcome \(index) does not exist: the file defines \(outcomes.count) outcome\(outcomes.count == 1 ? "" : "s") (0 is the null outcome)
                        """))
                    ok = false
                    continue
                }
                if index == 0 {
                    a.append(.zero); b.append(.zero)
                } else if let (u, v) = outcomes[index - 1] {
                    a.append(u); b.append(v)
                } else {
                    ok = false  // the outcome's bad payoff is already reported
                }
            }
            return ok && !outcomes.contains(where: { $0 == nil }) ? (a, b) : (nil, nil)
        }
    }
}
