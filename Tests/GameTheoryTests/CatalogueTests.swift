import Testing
@testable import GameTheory

/// The reference table of the catalogue: every game with its known equilibria (exact, in the
/// documented order), payoffs, degeneracy and algorithm. Expected values were cross-checked with
/// pygambit 16.7.0 `enummixed_solve(rational=True)` (deduplicated: on colonel-blotto Gambit lists 36
/// profiles for these 9, one of them nine times).
@Suite struct CatalogueTests {
    struct Expected: Sendable, CustomStringConvertible {
        let id: String
        let degenerate: Bool
        /// (row, column, row payoff, column payoff)
        let equilibria: [(String, String, String, String)]
        var description: String { id }
    }

    static let table: [Expected] = [
        Expected(id: "prisoners-dilemma", degenerate: false, equilibria: [("0 1", "0 1", "1", "1")]),
        Expected(id: "matching-pennies", degenerate: false, equilibria: [("1/2 1/2", "1/2 1/2", "0", "0")]),
        Expected(id: "battle-of-the-sexes", degenerate: false, equilibria: [
            ("1 0", "1 0", "3", "2"), ("0 1", "0 1", "2", "3"), ("3/5 2/5", "2/5 3/5", "6/5", "6/5")]),
        Expected(id: "chicken", degenerate: false, equilibria: [
            ("1 0", "0 1", "-1", "1"), ("0 1", "1 0", "1", "-1"), ("9/10 1/10", "9/10 1/10", "-1/10", "-1/10")]),
        Expected(id: "stag-hunt", degenerate: false, equilibria: [
            ("1 0", "1 0", "4", "4"), ("0 1", "0 1", "3", "3"), ("3/4 1/4", "3/4 1/4", "3", "3")]),
        Expected(id: "rock-paper-scissors", degenerate: false, equilibria: [("1/3 1/3 1/3", "1/3 1/3 1/3", "0", "0")]),
        Expected(id: "shapley", degenerate: false, equilibria: [("1/3 1/3 1/3", "1/3 1/3 1/3", "1/3", "1/3")]),
        Expected(id: "coordination-3x3", degenerate: false, equilibria: [
            ("1 0 0", "1 0 0", "1", "1"), ("0 1 0", "0 1 0", "1", "1"), ("0 0 1", "0 0 1", "1", "1"),
            ("1/2 1/2 0", "1/2 1/2 0", "1/2", "1/2"), ("1/2 0 1/2", "1/2 0 1/2", "1/2", "1/2"),
            ("0 1/2 1/2", "0 1/2 1/2", "1/2", "1/2"), ("1/3 1/3 1/3", "1/3 1/3 1/3", "1/3", "1/3")]),
        Expected(id: "von-stengel", degenerate: false, equilibria: [
            ("1 0 0", "1 0", "3", "3"), ("4/5 1/5 0", "2/3 1/3", "3", "14/5"), ("0 1/3 2/3", "1/3 2/3", "4", "8/3")]),
        Expected(id: "iterated-dominance", degenerate: false, equilibria: [("1 0", "0 1 0", "1", "2")]),
        Expected(id: "von-stengel-degenerate", degenerate: true, equilibria: [
            ("1 0 0", "1 0", "3", "3"), ("1 0 0", "2/3 1/3", "3", "3"), ("0 1/3 2/3", "1/3 2/3", "4", "8/3")]),
        Expected(id: "entry-deterrence", degenerate: true, equilibria: [
            ("1 0", "0 1", "0", "4"), ("0 1", "1 0", "2", "0"), ("1 0", "1/3 2/3", "0", "4")]),
        Expected(id: "colonel-blotto", degenerate: true, equilibria: [
            ("0 0 0 0 0 1 0 0 0 0", "0 0 0 0 0 1 0 0 0 0", "0", "0"),
            ("0 1/3 0 0 0 0 1/3 1/3 0 0", "0 0 0 0 0 1 0 0 0 0", "0", "0"),
            ("0 0 1/3 0 1/3 0 0 0 1/3 0", "0 0 0 0 0 1 0 0 0 0", "0", "0"),
            ("0 0 0 0 0 1 0 0 0 0", "0 1/3 0 0 0 0 1/3 1/3 0 0", "0", "0"),
            ("0 0 0 0 0 1 0 0 0 0", "0 0 1/3 0 1/3 0 0 0 1/3 0", "0", "0"),
            ("0 1/3 0 0 0 0 1/3 1/3 0 0", "0 1/3 0 0 0 0 1/3 1/3 0 0", "0", "0"),
            ("0 1/3 0 0 0 0 1/3 1/3 0 0", "0 0 1/3 0 1/3 0 0 0 1/3 0", "0", "0"),
            ("0 0 1/3 0 1/3 0 0 0 1/3 0", "0 1/3 0 0 0 0 1/3 1/3 0 0", "0", "0"),
            ("0 0 1/3 0 1/3 0 0 0 1/3 0", "0 0 1/3 0 1/3 0 0 0 1/3 0", "0", "0")]),
        Expected(id: "one-row", degenerate: false, equilibria: [("1", "0 1 0", "1", "4")]),
        Expected(id: "one-column", degenerate: false, equilibria: [("0 1 0", "1", "5", "0")]),
    ]

    @Test(arguments: table)
    func equilibriaMatchTheReferenceTable(_ expected: Expected) throws {
        let game = try #require(ClassicGames.named(expected.id))
        let report = EquilibriumEnumerator().allEquilibria(of: game)
        #expect(report.isDegenerate == expected.degenerate)
        #expect(report.algorithm == (expected.degenerate ? "vertex-enumeration" : "support-enumeration"))
        #expect(report.isComplete)
        let got = report.equilibria.map {
            ($0.rowExact!.map(\.description).joined(separator: " "), $0.columnExact!.map(\.description).joined(separator: " "),
             $0.rowPayoffExact!.description, $0.columnPayoffExact!.description)
        }
        #expect(got.count == expected.equilibria.count)
        for (g, e) in zip(got, expected.equilibria) {
            #expect(g.0 == e.0 && g.1 == e.1 && g.2 == e.2 && g.3 == e.3, "\(expected.id): got \(g), expected \(e)")
        }
    }

    @Test func catalogueIsWellFormed() {
        let ids = ClassicGames.ids
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(Self.table.map(\.id)))
        for entry in ClassicGames.all {
            #expect(entry.game.isExact)
            #expect(entry.game.title == entry.id)
            #expect(!entry.summary.isEmpty && !entry.summary.contains("\n"))
            #expect(entry.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
        }
        #expect(ClassicGames.named("no-such-game") == nil)
        #expect(ClassicGames.named("colonel-blotto")?.rowLabels.first == "003")
        #expect(ClassicGames.named("one-row")?.rows == 1)
        #expect(ClassicGames.named("one-column")?.columns == 1)
    }

    @Test func iteratedDominanceIsReportedInOrder() throws {
        let game = try #require(ClassicGames.named("iterated-dominance"))
        let report = EquilibriumEnumerator().allEquilibria(of: game)
        #expect(report.eliminated == [
            DominanceStep(player: .column, eliminated: 2, dominatedBy: 1),
            DominanceStep(player: .row, eliminated: 1, dominatedBy: 0),
            DominanceStep(player: .column, eliminated: 0, dominatedBy: 1),
        ])
    }

    @Test func everyCatalogueEquilibriumHasZeroExactRegret() {
        for entry in ClassicGames.all {
            for e in EquilibriumEnumerator().allEquilibria(of: entry.game).equilibria {
                #expect(e.exactRegret(of: .row, in: entry.game) == 0, "\(entry.id)")
                #expect(e.exactRegret(of: .column, in: entry.game) == 0, "\(entry.id)")
            }
        }
    }
}
