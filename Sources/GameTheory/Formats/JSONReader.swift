/// A JSON value as read from a text, with the position of its first character.
///
/// Numbers keep their lexeme (`"0.1"`, `"-2e3"`) so that callers can read them exactly; objects keep
/// their members in order, duplicates included (callers decide what a duplicate key means).
struct JSONNode: Sendable {
    struct Member: Sendable {
        var key: String
        var keyPosition: SourcePosition
        var value: JSONNode
    }

    enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    var value: Value
    var position: SourcePosition

    /// For messages: `"an object"`, `"an array"`, `"a string"`, `"a number"`, `"true"`, `"null"`.
    var kindDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number(let lexeme): "the number \(lexeme)"
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        }
    }
}

/// A strict RFC 8259 JSON reader (standard library only) that keeps number lexemes and positions.
///
/// Accepted: one value (any type) surrounded by white space (space, tab, `\n`, `\r`), a leading
/// byte-order mark. Rejected with the position of the problem: trailing commas, comments, single
/// quotes, `NaN`/`Infinity`, leading zeros, unescaped control characters in strings, lone
/// surrogates, nesting deeper than `maximumDepth`, anything after the value.
struct JSONReader {
    static let maximumDepth = 256

    private var cursor: SourceCursor
    private var depth = 0

    private init(_ text: String) { cursor = SourceCursor(text) }

    /// The value the text holds. - Throws: the first syntax error.
    static func parse(_ text: String) throws(GameFormatError) -> JSONNode {
        var reader = JSONReader(text)
        reader.skipWhitespace()
        if reader.cursor.isAtEnd {
            throw GameFormatError(at: reader.cursor.position, "empty input: expected a JSON object")
        }
        let node = try reader.value()
        reader.skipWhitespace()
        if !reader.cursor.isAtEnd {
            throw GameFormatError(at: reader.cursor.position, "unexpected \(reader.describeCurrent()) after the end of the JSON value")
        }
        return node
    }

    private mutating func skipWhitespace() {
        while let c = cursor.current, c == " " || c == "\t" || c == "\n" || c == "\r" { cursor.advance() }
    }

    private func describeCurrent() -> String {
        guard let c = cursor.current else { return "end of input" }
        if c.value < 0x20 { return "control character U+\(String(c.value, radix: 16, uppercase: true))" }
        return "'\(c)'"
    }

    private mutating func value() throws(GameFormatError) -> JSONNode {
        let position = cursor.position
        guard let c = cursor.current else {
            throw GameFormatError(at: position, "unexpected end of input: expected a JSON value")
        }
        switch c {
        case "{": return try nested { (r: inout JSONReader) throws(GameFormatError) in try r.object() }
        case "[": return try nested { (r: inout JSONReader) throws(GameFormatError) in try r.array() }
        case "\"": return JSONNode(value: .string(try string()), position: position)
        case "-", "0"..."9": return JSONNode(value: .number(try number()), position: position)
        default:
            let word = self.word()
            switch word {
            case "true": return JSONNode(value: .bool(true), position: position)
            case "false": return JSONNode(value: .bool(false), position: position)
            case "null": return JSONNode(value: .null, position: position)
            case "NaN", "nan", "Infinity", "infinity", "inf", "Inf":
                throw GameFormatError(at: position, "'\(word)' is not valid JSON: JSON has no NaN or infinity (payoffs must be finite numbers)")
            case _ where word.first == "." || word.first == "+":
                throw GameFormatError(at: position, "\(quotedForMessage(word)) is not a valid JSON number (JSON numbers start with a digit or '-')")
            case "":
                if c == "'" {
                    throw GameFormatError(at: position, "JSON strings use double quotes (\"), not single quotes")
                }
                throw GameFormatError(at: position, "unexpected \(describeCurrent()): expected a JSON value")
            default:
                throw GameFormatError(at: position, "unexpected \(quotedForMessage(word)): expected a JSON value (strings need double quotes)")
            }
        }
    }

    /// Reads a run of letters, digits, `.`, `+`, `-`, `_` (a misspelled literal or a bad number).
    private mutating func word() -> String {
        let from = cursor.index
        while let c = cursor.current,
              c.properties.isAlphabetic || c.isASCIIDigit || c == "." || c == "+" || c == "-" || c == "_" {
            cursor.advance()
        }
        return cursor.text(from..<cursor.index)
    }

    private mutating func nested(_ body: (inout JSONReader) throws(GameFormatError) -> JSONNode) throws(GameFormatError) -> JSONNode {
        if depth >= Self.maximumDepth {
            throw GameFormatError(at: cursor.position, "JSON nested more than \(Self.maximumDepth) levels deep")
        }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(GameFormatError) -> JSONNode {
        let position = cursor.position
        cursor.advance()  // {
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if cursor.current == "}" {
            cursor.advance()
            return JSONNode(value: .object(members), position: position)
        }
        while true {
            skipWhitespace()
            let keyPosition = cursor.position
            guard cursor.current == "\"" else {
                if cursor.current == "}" && !members.isEmpty {
                    throw GameFormatError(at: keyPosition, "trailing ',' before '}' (JSON allows no trailing commas)")
                }
                throw GameFormatError(at: keyPosition, "expected a key in double quotes, found \(describeCurrent())")
            }
            let key = try string()
            skipWhitespace()
            guard cursor.current == ":" else {
                throw GameFormatError(at: cursor.position, "expected ':' after the key \"\(key)\", found \(describeCurrent())")
            }
            cursor.advance()
            skipWhitespace()
            let value = try self.value()
            members.append(.init(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            switch cursor.current {
            case ",": cursor.advance()
            case "}":
                cursor.advance()
                return JSONNode(value: .object(members), position: position)
            default:
                throw GameFormatError(at: cursor.position, "expected ',' or '}' after an object member, found \(describeCurrent())")
            }
        }
    }

    private mutating func array() throws(GameFormatError) -> JSONNode {
        let position = cursor.position
        cursor.advance()  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if cursor.current == "]" {
            cursor.advance()
            return JSONNode(value: .array(elements), position: position)
        }
        while true {
            skipWhitespace()
            if cursor.current == "]" {
                throw GameFormatError(at: cursor.position, "trailing ',' before ']' (JSON allows no trailing commas)")
            }
            elements.append(try value())
            skipWhitespace()
            switch cursor.current {
            case ",": cursor.advance()
            case "]":
                cursor.advance()
                return JSONNode(value: .array(elements), position: position)
            default:
                throw GameFormatError(at: cursor.position, "expected ',' or ']' after an array element, found \(describeCurrent())")
            }
        }
    }

    /// A number lexeme per the JSON grammar `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(GameFormatError) -> String {
        let position = cursor.position
        let lexeme = word()
        var s = Substring.UnicodeScalarView(lexeme.unicodeScalars)
        func digits(_ s: inout Substring.UnicodeScalarView) -> Int {
            var n = 0
            while let c = s.first, c.isASCIIDigit { s.removeFirst(); n += 1 }
            return n
        }
        var valid = true
        if s.first == "-" { s.removeFirst() }
        if s.first == "0" {
            s.removeFirst()
            if s.first?.isASCIIDigit == true { valid = false }
        } else if digits(&s) == 0 {
            valid = false
        }
        if valid, s.first == "." {
            s.removeFirst()
            if digits(&s) == 0 { valid = false }
        }
        if valid, s.first == "e" || s.first == "E" {
            s.removeFirst()
            if s.first == "+" || s.first == "-" { s.removeFirst() }
            if digits(&s) == 0 { valid = false }
        }
        guard valid && s.isEmpty else {
            if ["-Infinity", "-infinity", "-inf", "-NaN", "-nan"].contains(lexeme) {
                throw GameFormatError(at: position, "'\(lexeme)' is not valid JSON: JSON has no NaN or infinity (payoffs must be finite numbers)")
            }
            throw GameFormatError(at: position, "\(quotedForMessage(lexeme)) is not a valid JSON number (fractions go in strings: \"1/3\")")
        }
        return lexeme
    }

    private mutating func string() throws(GameFormatError) -> String {
        let start = cursor.position
        cursor.advance()  // "
        var result = String.UnicodeScalarView()
        while let c = cursor.current {
            switch c {
            case "\"":
                cursor.advance()
                return String(result)
            case "\\":
                let escapePosition = cursor.position
                cursor.advance()
                guard let e = cursor.current else {
                    throw GameFormatError(at: start, "unterminated string (no closing '\"')")
                }
                cursor.advance()
                switch e {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "/": result.append("/")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u":
                    let high = try hex4(escapePosition)
                    if (0xD800..<0xDC00).contains(high) {
                        guard cursor.current == "\\", cursor.peek() == "u" else {
                            throw GameFormatError(at: escapePosition, "lone surrogate \\u\(String(high, radix: 16)) in a string")
                        }
                        cursor.advance(); cursor.advance()
                        let low = try hex4(escapePosition)
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw GameFormatError(at: escapePosition, "lone surrogate \\u\(String(high, radix: 16)) in a string")
                        }
                        result.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
                    } else if let scalar = Unicode.Scalar(high) {
                        result.append(scalar)
                    } else {
                        throw GameFormatError(at: escapePosition, "lone surrogate \\u\(String(high, radix: 16)) in a string")
                    }
                default:
                    throw GameFormatError(at: escapePosition, "invalid escape '\\\(e)' in a string")
                }
            default:
                if c.value < 0x20 {
                    throw GameFormatError(at: cursor.position, "control character U+\(String(c.value, radix: 16, uppercase: true)) in a string (escape it, e.g. \\n)")
                }
                result.append(c)
                cursor.advance()
            }
        }
        throw GameFormatError(at: start, "unterminated string (no closing '\"')")
    }

    private mutating func hex4(_ escapePosition: SourcePosition) throws(GameFormatError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = cursor.current, let d = hexValue(c) else {
                throw GameFormatError(at: escapePosition, "invalid \\u escape: expected four hexadecimal digits")
            }
            value = value * 16 + d
            cursor.advance()
        }
        return value
    }

    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f": c.value - 97 + 10
        case "A"..."F": c.value - 65 + 10
        default: nil
        }
    }
}
