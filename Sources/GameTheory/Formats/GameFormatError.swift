/// One problem found while reading a game file or matrix text, with its position.
///
/// Positions are 1-based and refer to the text handed to the parser: `line` counts line breaks
/// (`\n`, `\r\n` or a lone `\r`), `column` counts **Unicode scalars** from the start of the line
/// (a tab is one column, `é` is one column, a leading UTF-8 byte-order mark is not counted).
/// An error at the end of the text points just after its last character.
///
/// `description` is compiler-style without a file name, so that a caller can prepend one:
/// `2:7: error: A row 2, entry 3: '3abc' is not a number (expected ...)`.
/// See `described(source:)`.
public struct GameFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A payoff entry: `player`'s matrix (`A` for the row player, `B` for the column player),
    /// 1-based `row` and `entry` (column) within that matrix.
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        public var player: Player
        public var row: Int
        public var entry: Int

        public init(player: Player, row: Int, entry: Int) {
            self.player = player
            self.row = row
            self.entry = entry
        }

        /// `"A row 2, entry 3"`.
        public var description: String {
            "\(player == .row ? "A" : "B") row \(row), entry \(entry)"
        }
    }

    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// The payoff entry concerned, when the error is about one.
    public var entry: Entry?
    /// What else the error is about when it is not a payoff entry (`"row_labels"`, `"outcome 3"`).
    public var context: String?
    /// What is wrong, for people.
    public var message: String

    public init(line: Int, column: Int, entry: Entry? = nil, context: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.entry = entry
        self.context = context
        self.message = message
    }

    /// The entry or context the message is about, as printed before it.
    public var subject: String? { entry?.description ?? context }

    /// `"2:7: error: A row 2, entry 3: '3abc' is not a number (...)"`.
    public var description: String {
        "\(line):\(column): error: " + (subject.map { "\($0): " } ?? "") + message
    }

    /// The description with a source name in front: `"game.txt:2:7: error: ..."`
    /// (for `--matrix` text the CLI may pass `"--matrix"`).
    public func described(source: String) -> String { "\(source):\(description)" }
}

/// Every problem found in one text, in the order of their positions (never empty).
///
/// Parsers collect what they can (all bad entries, every ragged row, unknown keys...) before
/// failing; a syntax error that leaves the rest of the text meaningless ends the collection.
public struct GameFormatErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public let errors: [GameFormatError]

    /// - Precondition: `errors` is not empty.
    public init(_ errors: [GameFormatError]) {
        precondition(!errors.isEmpty, "GameFormatErrors needs at least one error")
        self.errors = errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    public init(_ error: GameFormatError) { self.init([error]) }

    /// The first error (by position).
    public var first: GameFormatError { errors[0] }

    /// One line per error, compiler-style, without a trailing newline.
    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// One line per error with `source` in front of each, without a trailing newline.
    public func described(source: String) -> String {
        errors.map { $0.described(source: source) }.joined(separator: "\n")
    }
}
