import Testing
@testable import GameTheory

@Suite("Gambit .nfg format")
struct FormatNFGTests {
    func read(_ text: String) throws -> BimatrixGame { try NFGParser.parse(text) }

    func single(_ text: String) -> GameFormatError? {
        let errors = formatErrors(text, .nfg)
        #expect(errors.count == 1, "expected one error, got \(errors)")
        return errors.first
    }

    @Test func prisonersDilemmaPayoffList() throws {
        let game = try read(FormatFixtures.prisonersDilemmaNFG)
        #expect(game.exactRowPayoffs == FormatFixtures.matrix(FormatFixtures.prisonersDilemmaA))
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix(FormatFixtures.prisonersDilemmaB))
        #expect(game.title == "Prisoner's dilemma")
        #expect(game.rowLabels == ["r1", "r2"] && game.columnLabels == ["c1", "c2"])
    }

    @Test func gambitSamplesInBothVersionsAgree() throws {
        let payoffs = try read(FormatFixtures.selten)
        let outcomes = try read(FormatFixtures.seltenOutcomes)
        #expect(payoffs.exactRowPayoffs == FormatFixtures.matrix(FormatFixtures.seltenA))
        #expect(payoffs.exactColumnPayoffs == FormatFixtures.matrix(FormatFixtures.seltenB))
        #expect(outcomes.exactRowPayoffs == payoffs.exactRowPayoffs)
        #expect(outcomes.exactColumnPayoffs == payoffs.exactColumnPayoffs)
        #expect(outcomes.rowLabels == ["1", "2", "3"] && outcomes.columnLabels == ["1", "2"])
        #expect(outcomes.title == "Selten (IJGT, 75), Figure 2, normal form")
    }

    @Test func outcomeFormWithCommentNullOutcomeAndDHeader() throws {
        let game = try read(FormatFixtures.outcomeGame)
        #expect(game.rows == 3 && game.columns == 2)
        #expect(game.exactRowPayoffs == FormatFixtures.matrix(FormatFixtures.outcomeGameA))
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix(FormatFixtures.outcomeGameB))
        #expect(game.rowLabels == ["Out", "In", "Wait"])
        #expect(game.columnLabels == ["Fight", "Accommodate"])
        #expect(game.title == "Entry \"deterrence\"")
    }

    @Test func namesWithPayoffListAndEmptyNames() throws {
        let game = try read("""
            NFG 1 R "" { "A" "B" } { { "x" "" } { "" } } 1 2 3 4
            """)
        #expect(game.title == nil)
        #expect(game.rowLabels == ["x", "r2"] && game.columnLabels == ["c1"])
        #expect(game.exactRowPayoffs == FormatFixtures.matrix([[1], [3]]))
        #expect(game.exactColumnPayoffs == FormatFixtures.matrix([[2], [4]]))
    }

    @Test func crlfAndBOM() throws {
        let text = "\u{FEFF}" + FormatFixtures.prisonersDilemmaNFG.replacing("\n", with: "\r\n")
        #expect(try read(text) == (try read(FormatFixtures.prisonersDilemmaNFG)))
        let bad = try #require(single("\u{FEFF}NFG 1 R \"t\" { \"a\" \"b\" }\r\n{ 1 1 }\r\n1 x\r\n"))
        #expect((bad.line, bad.column) == (3, 3))
    }

    @Test func badPayoffIsNamedByEntry() {
        let errors = formatErrors("""
            NFG 1 R "t" { "a" "b" } { 2 2 }
            1 1 0 x
            1e-3 3abc 1/0 5
            """, .nfg)
        #expect(errors.map(\.description) == [
            "2:7: error: B row 2, entry 1: 'x' is not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3)",
            "3:6: error: B row 1, entry 2: '3abc' is not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3)",
            "3:11: error: A row 2, entry 2: '1/0' is a fraction with a zero denominator",
        ])
    }

    @Test(arguments: [
        (#"NFG 1 R "t" { "a" "b" "c" } { 1 1 1 } 1 2 3"#, 1, 13, "the game has 3 players; nashsim reads two-player games only"),
        (#"NFG 1 R "t" { "a" } { 1 } 1"#, 1, 13, "the game has 1 player; nashsim reads two-player games only"),
        (#"NFG 1 R "t" { "a" "b" } { 1 2 } 1 2 3"#, 1, 38, "expected 4 payoffs (1x2 strategy profiles, 2 players each), found 3"),
        (#"NFG 1 R "t" { "a" "b" } { 1 1 } 1 2 3"#, 1, 37, "more than 2 payoffs"),
        (#"NFG 1 R "t" { "a" "b" } { 1 1 } 1, 2"#, 1, 34, "unexpected ',' among the payoffs"),
        (#"NFG 1 R "t" { "a" "b" } { 1 1 }"#, 1, 32, "expected the payoffs (numbers) or the outcomes"),
        (#"NFG 1 R "t" { "a" "b" } { 0 1 } "#, 1, 27, "player 1 has no strategies"),
        (#"NFG 1 R "t" { "a" "b" } { { "x" } { } } 1"#, 1, 35, "player 2 has no strategies"),
        (#"NFG 1 R "t" { "a" "b" } { 2 x } 1"#, 1, 29, "expected player 2's number of strategies"),
        (#"NFG 1 R "t" { "a" "b" } { { "x" } { "y" } { "z" } } 1"#, 1, 43, "expected '}' to close the strategies"),
        (#"NFG 2 R "t" { "a" "b" } { 1 1 } 1 2"#, 1, 5, "unsupported .nfg version '2': expected 1"),
        (#"NFG 1 Q "t" { "a" "b" } { 1 1 } 1 2"#, 1, 7, "expected 'R' (rational) or 'D' (decimal)"),
        (#"EFG 2 R "t" { "a" "b" }"#, 1, 1, "expected 'NFG' at the start"),
        (#"NFG 1 R t { "a" "b" } { 1 1 } 1 2"#, 1, 9, "expected the game's title in double quotes"),
        (#"NFG 1 R "t { "a" "b" } { 1 1 } 1 2"#, 1, 20, "unterminated string"),
        (#"NFG 1 R "t" "a" "b" { 1 1 } 1 2"#, 1, 13, "expected '{' to open the list of players"),
        (#"NFG 1 R "t" { "a" "b" } { 1 1 } 1 2 ""#, 1, 37, "unterminated string"),
        (#"NFG 1 R "t" { "a" "b" } { { "x" } { "y" } } { { "o" 1, 2, 3 } } 1"#, 1, 47, "3 payoffs; expected 2 (one per player)"),
        (#"NFG 1 R "t" { "a" "b" } { { "x" } { "y" } } { { 1, 2 } } 1"#, 1, 49, "expected the outcome's name in double quotes"),
        (#"NFG 1 R "t" { "a" "b" } { { "x" } { "y" } } { { "o" 1 2 } } 2"#, 1, 61, "outcome 2 does not exist: the file defines 1 outcome (0 is the null outcome)"),
        (#"NFG 1 R "t" { "a" "b" } { { "x" } { "y" } } { { "o" 1 2 } } -1"#, 1, 61, "'-1' is not an outcome number"),
        (#"NFG 1 R "t" { "a" "b" } { { "x" } { "y" } } { { "o" 1 2 } }"#, 1, 60, "expected 1 outcome numbers"),
        (#"NFG 1 R "t" { "a" "b" } { { "x" } { "y" } } { { "o" x 2 } } 1"#, 1, 53, "'x' is not a number"),
    ])
    func rejections(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(single(text))
        #expect((error.line, error.column) == (line, column), "\(error)")
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test func outcomeErrorsNameTheOutcomeOrProfile() {
        let errors = formatErrors("""
            NFG 1 R "t" { "a" "b" } { { "x" "y" } { "z" } }
            { { "o" 1 q } }
            1 7
            """, .nfg)
        #expect(errors.map(\.description) == [
            "2:11: error: outcome 1, player 2: 'q' is not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3)",
            "3:3: error: row 2, column 1: outcome 7 does not exist: the file defines 1 outcome (0 is the null outcome)",
        ])
    }
}
