/// A line/column position in a text (1-based; columns count Unicode scalars).
struct SourcePosition: Sendable, Hashable, Comparable {
    var line: Int
    var column: Int

    static let start = SourcePosition(line: 1, column: 1)

    static func < (a: SourcePosition, b: SourcePosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

extension GameFormatError {
    init(at position: SourcePosition, entry: Entry? = nil, context: String? = nil, _ message: String) {
        self.init(line: position.line, column: position.column, entry: entry, context: context, message: message)
    }
}

/// Walks the Unicode scalars of a text keeping the line and column of the current scalar.
///
/// A leading byte-order mark (U+FEFF) is skipped and not counted. Line breaks are `\n`, `\r\n`
/// (one break) and a lone `\r`.
struct SourceCursor {
    let scalars: [Unicode.Scalar]
    private(set) var index = 0
    private(set) var position = SourcePosition.start

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    var isAtEnd: Bool { index >= scalars.count }

    /// The current scalar, nil at the end.
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// The scalar `offset` places after the current one.
    func peek(_ offset: Int = 1) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// Whether the current scalar ends a line (`\n` or `\r`).
    var atLineBreak: Bool { current == "\n" || current == "\r" }

    mutating func advance() {
        guard index < scalars.count else { return }
        let c = scalars[index]
        index += 1
        if c == "\n" || (c == "\r" && current != "\n") {
            position.line += 1
            position.column = 1
        } else {
            position.column += 1
        }
    }

    /// Consumes one line break (`\r\n` counts as one); does nothing elsewhere.
    mutating func skipLineBreak() {
        if current == "\r" { advance() }
        if current == "\n" { advance() }
    }

    /// The text of `scalars[range]`.
    func text(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// The message for an entry that `Rational.parse` rejected, quoting the entry.
func entryMessage(_ token: String, _ failure: Rational.ParseFailure) -> String {
    let shown = quotedForMessage(token)
    switch failure {
    case .empty: return "empty entry"
    case .nonFinite: return "\(shown) is not allowed: payoffs must be finite numbers"
    case .payoffTooLarge: return "\(shown) is too large: payoffs must lie within ±1e30"
    case .zeroDenominator: return "\(shown) is a fraction with a zero denominator"
    case .exponentOutOfRange: return "\(shown) has an exponent out of range (at most ±\(Rational.maximumDecimalExponent))"
    case .malformed: return "\(shown) is \(failure.description)"
    }
}

/// `'text'`, shortened to 40 scalars so that a runaway token does not flood the terminal.
func quotedForMessage(_ text: String) -> String {
    let scalars = text.unicodeScalars
    if scalars.count <= 40 { return "'\(text)'" }
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars.prefix(37))
    return "'\(String(s))...'"
}
