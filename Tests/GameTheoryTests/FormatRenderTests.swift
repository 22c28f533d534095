import Foundation  // JSONSerialization, to check the JSON output with an independent parser
import Testing
@testable import GameTheory

@Suite("Equilibrium report rendering")
struct FormatRenderTests {
    static let battle = BimatrixGame(
        rowPayoffs: FormatFixtures.matrix([[3, 0], [0, 2]]), columnPayoffs: FormatFixtures.matrix([[2, 0], [0, 3]]),
        rowLabels: ["Opera", "Football"], columnLabels: ["Opera", "Football"], title: "Battle of the sexes")

    static let battleReport = EquilibriumReport(
        game: battle, algorithm: "support-enumeration",
        equilibria: [
            Equilibrium(exactRow: [1, 0], exactColumn: [1, 0], in: battle),
            Equilibrium(exactRow: [0, 1], exactColumn: [0, 1], in: battle),
            Equilibrium(exactRow: [Rational(3, 5), Rational(2, 5)], exactColumn: [Rational(2, 5), Rational(3, 5)], in: battle),
        ],
        isDegenerate: false)

    /// A 3x2 game with a dominated strategy, an incomplete search and notes.
    static let eliminationGame = BimatrixGame(
        rowPayoffs: FormatFixtures.matrix([[1, 1], [0, 0], [0, 2]]), columnPayoffs: FormatFixtures.matrix([[1, 1], [2, 3], [2, 0]]),
        rowLabels: ["T", "M", "B"], columnLabels: ["L", "R"])

    static let eliminationReport = EquilibriumReport(
        game: eliminationGame, algorithm: "vertex-enumeration",
        equilibria: [Equilibrium(exactRow: [1, 0, 0], exactColumn: [Rational(1, 3), Rational(2, 3)], in: eliminationGame)],
        isDegenerate: true,
        eliminated: [DominanceStep(player: .row, eliminated: 1, dominatedBy: 0)],
        isComplete: false, progressNote: "checked 3 of 21 support pairs",
        notes: ["budget of 3 support pairs reached"])

    @Test func goldenTable() {
        let text = Self.battleReport.rendered(as: .table, options: .init(selected: [2], selectionLegend: "risk-dominant"))
        #expect(text == """
            Battle of the sexes
            2x2 bimatrix game, exact payoffs
            Row player strategies:    Opera, Football
            Column player strategies: Opera, Football
            Method: support-enumeration; 3 equilibria; nondegenerate game

                 #  type   row player               column player            row payoff  column payoff
                 1  pure   Opera                    Opera                    3           2
                 2  pure   Football                 Football                 2           3
              *  3  mixed  Opera 3/5, Football 2/5  Opera 2/5, Football 3/5  6/5         6/5

            * selected: risk-dominant

            """)
    }

    @Test func goldenTableWithEliminationDegeneracyAndWarning() {
        #expect(Self.eliminationReport.rendered(as: .table) == """
            3x2 bimatrix game, exact payoffs
            Row player strategies:    T, M, B
            Column player strategies: L, R
            Method: vertex-enumeration; 1 equilibrium found so far; degenerate game: extreme equilibria listed

              #  type   row player  column player  row payoff  column payoff
              1  mixed  T           L 1/3, R 2/3   1           1

            Strictly dominated strategies eliminated, in order:
              row M (dominated by T)
            warning: the search stopped early; equilibria may be missing (checked 3 of 21 support pairs)
            note: budget of 3 support pairs reached

            """)
    }

    @Test func goldenTableZeroSumApproximate() {
        let game = BimatrixGame(approximateRowPayoffs: Matrix([[3, 0], [0, 2]]), columnPayoffs: Matrix([[-3, 0], [0, -2]]))
        let report = EquilibriumReport(
            game: game, algorithm: "lp",
            equilibria: [Equilibrium(row: [0.4, 0.6], column: [0.4, 0.6], in: game)], value: 1.2 + 1e-15)
        #expect(report.rendered(as: .table) == """
            2x2 zero-sum game, approximate payoffs
            Row player strategies:    r1, r2
            Column player strategies: c1, c2
            Method: lp; 1 equilibrium

              #  type   row player      column player   row payoff  column payoff
              1  mixed  r1 0.4, r2 0.6  c1 0.4, c2 0.6  1.2         -1.2

            Value of the game (row player's payoff): 1.2

            """)
    }

    @Test func tableWithoutEquilibriaAndConstantSum() {
        let game = BimatrixGame(rowPayoffs: FormatFixtures.matrix([[1, 0], [0, 1]]), columnPayoffs: FormatFixtures.matrix([[0, 1], [1, 0]]))
        let text = EquilibriumReport(game: game, algorithm: "pure", equilibria: []).rendered(as: .table)
        #expect(text.contains("2x2 constant-sum game (A + B = 1), exact payoffs"))
        #expect(text.contains("No equilibrium found."))
        #expect(!text.contains("degenerate"))
    }

    func parsed(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return try #require(object as? [String: Any])
    }

    @Test func jsonMatchesTheContract() throws {
        let text = Self.eliminationReport.rendered(as: .json)
        #expect(text.hasSuffix("}\n"))
        let json = try parsed(text)
        #expect(json["rows"] as? Int == 3 && json["columns"] as? Int == 2)
        #expect(json["zero_sum"] as? Bool == false)
        #expect(json["degenerate"] as? Bool == true)
        #expect(json["method"] as? String == "vertex-enumeration")
        #expect(json["value"] is NSNull && json["value_exact"] is NSNull)
        #expect(json["complete"] as? Bool == false)
        #expect(json["row_labels"] as? [String] == ["T", "M", "B"])
        #expect(json["selected"] == nil)
        let eliminated = try #require(json["eliminated"] as? [[String: Any]])
        #expect(eliminated.count == 1)
        #expect(eliminated[0]["player"] as? String == "row")
        #expect(eliminated[0]["strategy"] as? Int == 1 && eliminated[0]["dominated_by"] as? Int == 0)
        let equilibria = try #require(json["equilibria"] as? [[String: Any]])
        #expect(equilibria.count == 1)
        let e = equilibria[0]
        #expect(e["row"] as? [Double] == [1, 0, 0])
        #expect(e["column"] as? [Double] == [1.0 / 3, 2.0 / 3])
        #expect(e["payoff"] as? [Double] == [1, 1])
        #expect(e["row_exact"] as? [String] == ["1", "0", "0"])
        #expect(e["column_exact"] as? [String] == ["1/3", "2/3"])
        #expect(e["payoff_exact"] as? [String] == ["1", "1"])

        // Keys in the contract's order.
        let order = ["\"rows\"", "\"columns\"", "\"zero_sum\"", "\"degenerate\"", "\"method\"", "\"equilibria\"",
                     "\"row\"", "\"column\"", "\"payoff\"", "\"row_exact\"", "\"column_exact\"", "\"payoff_exact\"",
                     "\"value\"", "\"value_exact\"", "\"complete\"", "\"eliminated\""]
        let offsets = try order.map { key in try #require(text.range(of: key)).lowerBound }
        #expect(offsets == offsets.sorted())
    }

    @Test func jsonUnknownDegeneracyIsNullAndValueIsGiven() throws {
        let game = BimatrixGame.zeroSum(FormatFixtures.matrix([[1, -1], [-1, 1]]), title: "Matching \"pennies\"\n")
        let half = Rational(1, 2)
        let report = EquilibriumReport(
            game: game, algorithm: "lp", equilibria: [Equilibrium(exactRow: [half, half], exactColumn: [half, half], in: game)],
            value: 0, exactValue: 0)
        let json = try parsed(report.rendered(as: .json, options: .init(selected: [0])))
        #expect(json["zero_sum"] as? Bool == true)
        #expect(json["degenerate"] is NSNull)
        #expect(json["value"] as? Double == 0)
        #expect(json["value_exact"] as? String == "0")
        #expect(json["selected"] as? [Int] == [0])
        let e = try #require((json["equilibria"] as? [[String: Any]])?.first)
        #expect(e["row"] as? [Double] == [0.5, 0.5])
        #expect(e["row_exact"] as? [String] == ["1/2", "1/2"])
    }

    @Test func jsonOfApproximateResultsHasNoExactKeys() throws {
        let game = BimatrixGame(approximateRowPayoffs: Matrix([[1e-7, 2.5e21]]), columnPayoffs: Matrix([[0.1, -3]]),
                                rowLabels: ["a\"b\\c\u{01}"], columnLabels: ["x", "y"])
        let report = EquilibriumReport(game: game, algorithm: "support-enumeration",
                                       equilibria: [Equilibrium(row: [1], column: [1, 0], in: game)])
        let text = report.rendered(as: .json)
        #expect(text.contains("\"payoff\": [0.0000001, 0.1]"))
        #expect(!text.contains("_exact\": ["))
        let json = try parsed(text)
        #expect(json["row_labels"] as? [String] == ["a\"b\\c\u{01}"])
        let e = try #require((json["equilibria"] as? [[String: Any]])?.first)
        #expect(e["row_exact"] == nil && e["payoff_exact"] == nil)
        #expect(e["payoff"] as? [Double] == [1e-7, 0.1])
    }

    @Test func csv() {
        let game = BimatrixGame(rowPayoffs: FormatFixtures.matrix([[3, 0], [0, 2]]), columnPayoffs: FormatFixtures.matrix([[2, 0], [0, 3]]),
                                rowLabels: ["Opera, early", "say \"hi\""], columnLabels: [" x", "y"])
        let third = Rational(1, 3)
        let report = EquilibriumReport(game: game, algorithm: "support-enumeration", equilibria: [
            Equilibrium(exactRow: [1, 0], exactColumn: [1, 0], in: game),
            Equilibrium(exactRow: [third, 1 - third], exactColumn: [Rational(2, 5), Rational(3, 5)], in: game),
        ])
        #expect(report.rendered(as: .csv) == #"""
            equilibrium,pure,row_payoff,column_payoff,"row:Opera, early","row:say ""hi""",column: x,column:y
            1,true,3,2,1,0,1,0
            2,false,1.2,1.4666666666666666,0.3333333333333333,0.6666666666666666,0.4,0.6

            """#)
        #expect(EquilibriumCSVRenderer.field(" x") == "\" x\"")
        #expect(EquilibriumReport(game: game, algorithm: "pure", equilibria: []).rendered(as: .csv).split(separator: "\n").count == 1)
    }
}
