import Testing
@testable import GameTheory

@Suite("JSON game format")
struct FormatJSONTests {
    func read(_ text: String) throws -> BimatrixGame { try GameJSONParser.parse(text) }

    func single(_ text: String) -> GameFormatError? {
        let errors = formatErrors(text, .json)
        #expect(errors.count == 1, "expected one error, got \(errors)")
        return errors.first
    }

    @Test func fullGameIsExact() throws {
        let game = try read("""
            {"A": [[0.1, "1/3"], [-0, "2.5"]], "B": [[1e2, -2E-1], ["-7", 3]],
             "row_labels": ["Up", "Down"], "column_labels": ["Left", "Right"], "title": "t \\"x\\" \\u00e9\\ud83d\\ude00"}
            """)
        #expect(game.exactRowPayoffs == FormatFixtures.matrix([[Rational(1, 10), Rational(1, 3)], [0, Rational(5, 2)]]))
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[100, Rational(-1, 5)], [-7, 3]]))
        #expect(game.rowLabels == ["Up", "Down"] && game.columnLabels == ["Left", "Right"])
        #expect(game.title == "t \"x\" é😀")
    }

    @Test func missingBIsZeroSum() throws {
        let game = try read(#"{"A": [[1, -1], [-1, 1]]}"#)
        #expect(game.isZeroSum)
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[-1, 1], [1, -1]]))
        #expect(try read(#"{"A": [[1, -1], [-1, 1]], "B": null, "row_labels": null}"#) == game)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let game = try read("\u{FEFF}{\r\n  \"A\": [[1, 2]],\r\n  \"B\": [[3, 4]]\r\n}\r\n")
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[3, 4]]))
        let error = try #require(single("\u{FEFF}{\r\n  \"A\": [[1, 2]],\r\n  \"X\": 1\r\n}"))
        #expect((error.line, error.column) == (3, 3))
    }

    @Test func unknownKeyIsPositioned() throws {
        let error = try #require(single("{\"A\": [[1]],\n  \"colum_labels\": [\"x\"]}"))
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message.hasPrefix("unknown key \"colum_labels\""))
        let cased = try #require(single(#"{"a": [[1]], "A": [[1]]}"#))
        #expect(cased.message.hasSuffix("did you mean \"A\"?"))
    }

    @Test func duplicateKey() throws {
        let error = try #require(single(#"{"A": [[1]], "A": [[2]]}"#))
        #expect((error.line, error.column) == (1, 14))
        #expect(error.message == "duplicate key \"A\" (first given at 1:2)")
    }

    @Test func wrongTypes() {
        let errors = formatErrors(#"{"A": [[1, true], [null, {}]], "row_labels": "U D", "title": 3}"#, .json)
        #expect(errors.map(\.column) == [12, 20, 26, 46, 62])
        #expect(errors[0].entry == .init(player: .row, row: 1, entry: 2))
        #expect(errors[0].message == "expected a number or a string like \"1/3\", found true")
        #expect(errors[1].entry == .init(player: .row, row: 2, entry: 1))
        #expect(errors[3].description == "1:46: error: row_labels: expected an array of strings, found a string")
        #expect(errors[4].description == "1:62: error: title: expected a string, found the number 3")
    }

    @Test func badEntryStrings() {
        let errors = formatErrors(#"{"A": [["1/0", "3abc"], ["inf", "1 / 3"]], "B": [[1e99999, 0], [0, 0]]}"#, .json)
        #expect(errors.map(\.message) == [
            "'1/0' is a fraction with a zero denominator",
            "'3abc' is not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3)",
            "'inf' is not allowed: payoffs must be finite numbers",
            "'1 / 3' is not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3)",
            "'1e99999' has an exponent out of range (at most ±4000)",
        ])
        #expect(errors[4].entry == .init(player: .column, row: 1, entry: 1))
        #expect(errors[4].column == 51)
    }

    @Test func raggedRows() throws {
        let error = try #require(single("{\"A\": [[1, 2],\n       [3, 4, 5]]}"))
        #expect((error.line, error.column) == (2, 15))
        #expect(error.message.hasPrefix("A row 2 has 3 entries, but row 1 has 2"))
        let short = try #require(single("{\"A\": [[1, 2], [3]]}"))
        #expect(short.column == 16)
    }

    @Test func emptyAndFlatMatrices() {
        #expect(formatErrors(#"{"A": []}"#, .json).first?.message == "the matrix is empty: it needs at least one row")
        #expect(formatErrors(#"{"A": [[]]}"#, .json).first?.description == "1:8: error: A row 1: the row is empty")
        let flat = formatErrors(#"{"A": [1, 2]}"#, .json)
        #expect(flat.count == 2)
        #expect(flat.first?.message.contains("a matrix is an array of rows") == true)
        #expect(formatErrors(#"{"B": [[1]]}"#, .json).first?.description == "1:1: error: missing key \"A\" (the row player's payoff matrix)")
    }

    @Test func shapesDiffer() throws {
        let error = try #require(single(#"{"A": [[1, 2]], "B": [[1], [2]]}"#))
        #expect(error.column == 22)
        #expect(error.message.hasPrefix("B is 2x1 but A is 1x2"))
    }

    @Test func labelCounts() {
        let errors = formatErrors(#"{"A": [[1, 2]], "row_labels": ["a", "b"], "column_labels": ["x", 7]}"#, .json)
        #expect(errors.map(\.description) == [
            "1:31: error: row_labels: 2 labels for the 1 rows of A",
            "1:66: error: column_labels item 2: expected a string, found the number 7",
        ])
    }

    @Test(arguments: [
        (#"{"A": [[1, 2],]}"#, 1, 15, "trailing ',' before ']'"),
        (#"{"A": [[1]],}"#, 1, 13, "trailing ',' before '}'"),
        (#"{"A": [[1]]} x"#, 1, 14, "unexpected 'x' after the end of the JSON value"),
        (#"{"A": [[1]]}{}"#, 1, 13, "unexpected '{' after the end"),
        (#"{"A": [[NaN]]}"#, 1, 9, "'NaN' is not valid JSON"),
        (#"{"A": [[Infinity]]}"#, 1, 9, "'Infinity' is not valid JSON"),
        (#"{"A": [[-Infinity]]}"#, 1, 9, "'-Infinity' is not valid JSON"),
        (#"{"A": [[01]]}"#, 1, 9, "'01' is not a valid JSON number"),
        (#"{"A": [[3abc]]}"#, 1, 9, "'3abc' is not a valid JSON number"),
        (#"{"A": [[.5]]}"#, 1, 9, "'.5' is not a valid JSON number"),
        (#"{"A": [[+1]]}"#, 1, 9, "'+1' is not a valid JSON number"),
        ("{'A': 1}", 1, 2, "expected a key in double quotes"),
        (#"{"A" [[1]]}"#, 1, 6, "expected ':' after the key"),
        (#"{"A": [[1] [2]]}"#, 1, 12, "expected ',' or ']'"),
        ("{\"A\": [[1]]", 1, 12, "expected ',' or '}'"),
        ("{\"A\": \"abc", 1, 7, "unterminated string"),
        ("{\"A\": \"a\tb\"}", 1, 9, "control character U+9 in a string"),
        (#"{"A": "\x"}"#, 1, 8, "invalid escape '\\x'"),
        (#"{"A": "\ud800"}"#, 1, 8, "lone surrogate"),
        ("", 1, 1, "empty input"),
        ("  \n ", 2, 2, "empty input"),
        ("[[1, 2]]", 1, 1, "expected a JSON object like"),
        (#"{"A": tru}"#, 1, 7, "unexpected 'tru'"),
    ])
    func invalidJSON(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(single(text))
        #expect((error.line, error.column) == (line, column), "\(error)")
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(single(text))
        #expect(error.message.hasPrefix("JSON nested more than"))
    }

    @Test func everySemanticProblemIsCollected() {
        let errors = formatErrors("""
            {"A": [[1, "x"], [2, 3]], "B": [[1, 2], [3]], "zz": 0, "title": null}
            """, .json)
        #expect(errors.count == 3)
    }
}
