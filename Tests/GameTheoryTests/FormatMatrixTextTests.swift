import Testing
@testable import GameTheory

@Suite("Matrix text format")
struct FormatMatrixTextTests {
    func read(_ text: String) throws -> BimatrixGame { try MatrixTextParser.parse(text) }

    func single(_ text: String) -> GameFormatError? {
        let errors = formatErrors(text, .matrixText)
        #expect(errors.count == 1, "expected one error, got \(errors)")
        return errors.first
    }

    @Test func bimatrixWithBar() throws {
        let game = try read("3 0; 5 1 | 3 5; 0 1")
        #expect(game.exactRowPayoffs == FormatFixtures.matrix([[3, 0], [5, 1]]))
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[3, 5], [0, 1]]))
        #expect(game.rowLabels == ["r1", "r2"] && game.columnLabels == ["c1", "c2"])
        #expect(game.title == nil)
    }

    @Test func oneMatrixIsZeroSum() throws {
        let game = try read("1 -1\n-1 1\n")
        #expect(game.isZeroSum)
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[-1, 1], [1, -1]]))
    }

    @Test func blankLineSeparatesAandB_withCRLFAndBOM() throws {
        let game = try read("\u{FEFF}3 0\r\n5 1\r\n\r\n3 5\r\n0 1\r\n")
        #expect(game.exactRowPayoffs == FormatFixtures.matrix([[3, 0], [5, 1]]))
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[3, 5], [0, 1]]))
        // A lone CR ends a line too.
        let old = try read("3 0\r5 1\r\r3 5\r0 1")
        #expect(old == game)
    }

    @Test func barBetweenBlankLinesIsOneSeparator() throws {
        let game = try read("1 2\n3 4\n\n|\n\n5 6\n7 8\n\n")
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[5, 6], [7, 8]]))
    }

    @Test func numbersAreExact() throws {
        let game = try read("-0 1/3 2.5, -1e-3\n+7 0.1 -2/4 6.02E2")
        #expect(game.exactRowPayoffs == FormatFixtures.matrix([
            [0, Rational(1, 3), Rational(5, 2), Rational(-1, 1000)],
            [7, Rational(1, 10), Rational(-1, 2), 602],
        ]))
        #expect(game.exactRowPayoffs![0, 0].signum == 0)
    }

    @Test func separatorsAndComments() throws {
        let game = try read("""
            # Prisoner's dilemma, row player first
            -1,-10   # cooperate
            0,\t-5;;
            # the column player
            |
            -1, 0
            -10 , -5 ;
            """)
        #expect(game.exactRowPayoffs == FormatFixtures.matrix([[-1, -10], [0, -5]]))
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[-1, 0], [-10, -5]]))
    }

    @Test func descriptionIsCompilerStyle() throws {
        let error = try #require(single("1 2 3\n10 20 3abc"))
        #expect(error.line == 2 && error.column == 7)
        #expect(error.entry == .init(player: .row, row: 2, entry: 3))
        #expect(error.description == "2:7: error: A row 2, entry 3: '3abc' is not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3)")
        #expect(error.described(source: "game.txt").hasPrefix("game.txt:2:7: error: A row 2"))
    }

    @Test(arguments: [
        ("0x10", "'0x10' is not a number"),
        ("inf", "'inf' is not allowed: payoffs must be finite numbers"),
        ("-Infinity", "'-Infinity' is not allowed: payoffs must be finite numbers"),
        ("nan", "'nan' is not allowed: payoffs must be finite numbers"),
        ("1/0", "'1/0' is a fraction with a zero denominator"),
        ("1e99999", "'1e99999' has an exponent out of range"),
        ("1.2.3", "'1.2.3' is not a number"),
    ])
    func badEntries(entry: String, message: String) throws {
        let error = try #require(single("1 2\n5 \(entry)\n|\n3 4\n7 8"))
        #expect(error.line == 2 && error.column == 3)
        #expect(error.entry == .init(player: .row, row: 2, entry: 2))
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test func entryInBIsNamed() throws {
        let error = try #require(single("1 2; 3 4 | 5 6; 7 x"))
        #expect(error.entry == .init(player: .column, row: 2, entry: 2))
        #expect((error.line, error.column) == (1, 19))
    }

    @Test func everyBadEntryIsReported() {
        let errors = formatErrors("x 1\n2 y\n\nz 1\n1 1", .matrixText)
        #expect(errors.map { "\($0.line):\($0.column)" } == ["1:1", "2:3", "4:1"])
        #expect(errors.map { $0.entry?.description } == ["A row 1, entry 1", "A row 2, entry 2", "B row 1, entry 1"])
    }

    @Test func raggedRowTooShort() throws {
        let error = try #require(single("1 2 3\n4 5\n6 7 8"))
        #expect((error.line, error.column) == (2, 4))
        #expect(error.message.hasPrefix("A row 2 has 2 entries, but row 1 has 3"))
    }

    @Test func raggedRowTooLongPointsAtTheSurplusEntry() throws {
        let error = try #require(single("1 2\n3 4 5\n6 7"))
        #expect((error.line, error.column) == (2, 5))
        #expect(error.message.hasPrefix("A row 2 has 3 entries, but row 1 has 2"))
    }

    @Test func raggedRowsAgainstTheMajority() {
        // Row 1 is the odd one out: the other rows set the expected length.
        let errors = formatErrors("1\n2 3\n4 5", .matrixText)
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("A row 1 has 1 entry, but row 2 has 2") == true)
    }

    @Test func decimalCommaThatMakesRowsRaggedIsExplained() throws {
        let error = try #require(single("1,5;2"))
        #expect((error.line, error.column) == (1, 6))
        #expect(error.message.contains("A row 2 has 1 entry, but row 1 has 2"))
        #expect(error.message.contains("'1,5' is two entries"))
    }

    @Test func decimalCommaMixedWithSpacesIsAmbiguous() throws {
        let error = try #require(single("1,5 2\n3 4 5"))
        #expect((error.line, error.column) == (1, 2))
        #expect(error.entry == .init(player: .row, row: 1, entry: 1))
        #expect(error.message.hasPrefix("'1,5' is ambiguous"))
        // Commas with spaces, or commas only, are fine.
        #expect(formatErrors("1, 5 2\n3 4 5", .matrixText).isEmpty)
        #expect(formatErrors("1,5,2\n3,4,5", .matrixText).isEmpty)
    }

    @Test(arguments: [
        ("1,,2", 1, 3, 2, "empty entry between two commas"),
        ("1, 2,", 1, 5, 3, "empty entry: the row ends with ','"),
        (",1 2", 1, 1, 1, "empty entry: the row starts with ','"),
        ("1 2\n3 4,\n", 2, 4, 3, "empty entry: the row ends with ','"),
    ])
    func emptyEntries(text: String, line: Int, column: Int, entry: Int, message: String) throws {
        let errors = formatErrors(text, .matrixText)
        let error = try #require(errors.first)
        #expect((error.line, error.column) == (line, column))
        #expect(error.entry?.entry == entry)
        #expect(error.message == message)
    }

    @Test(arguments: [
        ("", 1, 1, "no payoff matrix found"),
        ("  \n# just a comment\n\n", 1, 1, "no payoff matrix found"),
        ("| 1 2", 1, 1, "A is empty"),
        ("1 2 |", 1, 5, "B is empty"),
        ("1 2 |\n\n", 1, 5, "B is empty"),
        ("1 2 | | 3 4", 1, 7, "empty matrix between two '|'"),
    ])
    func emptyMatrices(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(single(text))
        #expect((error.line, error.column) == (line, column))
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test func moreThanTwoMatrices() throws {
        let error = try #require(single("1 2 | 3 4 | 5 6"))
        #expect((error.line, error.column) == (1, 13))
        #expect(error.message.hasPrefix("a third matrix"))
        #expect(!error.message.contains("it is not a column"))
        let blank = try #require(single("1 2\n\n3 4\n\n5 x"))
        #expect((blank.line, blank.column) == (5, 1))
        // A and B side by side, a '|' on every line: explained.
        let sideBySide = try #require(single("1 2 | 3 4\n5 6 | 7 8"))
        #expect((sideBySide.line, sideBySide.column) == (2, 7))
        #expect(sideBySide.message.contains("'|' separates whole matrices, it is not a column"))
    }

    @Test func shapesOfAandBDiffer() throws {
        let error = try #require(single("1 2; 3 4 | 1 2 3; 4 5 6"))
        #expect((error.line, error.column) == (1, 12))
        #expect(error.message.hasPrefix("B is 2x3 but A is 2x2"))
    }

    @Test func bracketsGetAHint() throws {
        let errors = formatErrors("[1 2; 3 4]", .matrixText)
        #expect(errors.count == 2)
        #expect(errors[0].message.contains("matrix text has no brackets"))
    }

    @Test func columnsCountUnicodeScalars() throws {
        let error = try #require(single("# é\n1 é 2\n3 4 5"))
        #expect((error.line, error.column) == (2, 3))
    }
}
