/// A named game of the catalogue.
public struct ClassicGame: Sendable {
    /// Kebab-case identifier (`prisoners-dilemma`), what `ClassicGames.named(_:)` accepts.
    public let id: String
    /// One line for people.
    public let summary: String
    /// The game, exact, with strategy labels and the id as title.
    public let game: BimatrixGame
}

/// Classic bimatrix games by name, exact, with strategy labels. Their equilibria are checked in
/// `CatalogueTests` against values computed independently (pygambit 16.7 `enummixed_solve`, exact).
public enum ClassicGames {
    /// Every catalogue game, in a fixed order.
    public static let all: [ClassicGame] = [
        entry("prisoners-dilemma", "Cooperate or defect; defecting strictly dominates, unique equilibrium (D, D).",
              a: [[3, 0], [5, 1]], b: [[3, 5], [0, 1]], rows: ["cooperate", "defect"], columns: ["cooperate", "defect"]),
        entry("matching-pennies", "Zero-sum; unique equilibrium, both mix 1/2 - 1/2.",
              a: [[1, -1], [-1, 1]], b: [[-1, 1], [1, -1]], rows: ["heads", "tails"], columns: ["heads", "tails"]),
        entry("battle-of-the-sexes", "Coordination with conflicting preferences: two pure equilibria and one mixed.",
              a: [[3, 0], [0, 2]], b: [[2, 0], [0, 3]], rows: ["opera", "football"], columns: ["opera", "football"]),
        entry("chicken", "Anti-coordination (hawk-dove): two pure equilibria and one mixed (9/10 swerve).",
              a: [[0, -1], [1, -10]], b: [[0, 1], [-1, -10]], rows: ["swerve", "straight"], columns: ["swerve", "straight"]),
        entry("stag-hunt", "Coordination with a risk-dominant safe action: two pure equilibria and one mixed.",
              a: [[4, 0], [3, 3]], b: [[4, 3], [0, 3]], rows: ["stag", "hare"], columns: ["stag", "hare"]),
        entry("rock-paper-scissors", "Zero-sum cycle; unique equilibrium, uniform mixing.",
              a: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], b: [[0, 1, -1], [-1, 0, 1], [1, -1, 0]],
              rows: ["rock", "paper", "scissors"], columns: ["rock", "paper", "scissors"]),
        entry("shapley", "Shapley's 3x3 game (1964): unique equilibrium, uniform; fictitious play cycles on it.",
              a: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], b: [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
              rows: ["a", "b", "c"], columns: ["a", "b", "c"]),
        entry("coordination-3x3", "3x3 pure coordination (A = B = I): 7 equilibria, the most a nondegenerate 3x3 game can have.",
              a: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], b: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
              rows: ["x", "y", "z"], columns: ["x", "y", "z"]),
        entry("von-stengel", "von Stengel's 3x2 example (Handbook of Game Theory vol. 3, 2002): nondegenerate, 3 equilibria.",
              a: [[3, 3], [2, 5], [0, 6]], b: [[3, 2], [2, 6], [3, 1]],
              rows: ["top", "middle", "bottom"], columns: ["left", "right"]),
        entry("iterated-dominance", "Gibbons' 2x3 example: right, then down, then left are strictly dominated; (up, middle) remains.",
              a: [[1, 1, 0], [0, 0, 2]], b: [[0, 2, 1], [3, 1, 0]],
              rows: ["up", "down"], columns: ["left", "middle", "right"]),
        entry("von-stengel-degenerate", "Degenerate variant of von Stengel's 3x2 example: top has two best responses; a segment of equilibria.",
              a: [[3, 3], [2, 5], [0, 6]], b: [[3, 3], [2, 6], [3, 1]],
              rows: ["top", "middle", "bottom"], columns: ["left", "right"]),
        entry("entry-deterrence", "Market entry: staying out leaves the incumbent indifferent; degenerate, a segment of equilibria.",
              a: [[0, 0], [2, -1]], b: [[4, 4], [0, -1]],
              rows: ["stay-out", "enter"], columns: ["accommodate", "fight"]),
        blotto,
        entry("one-row", "1x3: the row player has a single strategy; the column player just best-responds.",
              a: [[2, 1, 3]], b: [[1, 4, 2]], rows: ["only"], columns: ["left", "centre", "right"]),
        entry("one-column", "3x1: the column player has a single strategy; the row player just best-responds.",
              a: [[1], [5], [2]], b: [[0], [0], [0]], rows: ["top", "middle", "bottom"], columns: ["only"]),
    ]

    /// The catalogue game with the given id, or nil.
    public static func named(_ id: String) -> BimatrixGame? {
        all.first { $0.id == id }?.game
    }

    /// All ids, in catalogue order.
    public static var ids: [String] { all.map(\.id) }

    /// Colonel Blotto, 3 regiments each on 3 battlefields (zero-sum, 10x10, degenerate): payoff is
    /// battlefields won minus battlefields lost. Strategies are allocations `(a, b, c)`, written `abc`.
    /// 9 extreme equilibria; Gambit's `enummixed` lists 36 profiles, one of them nine times.
    private static var blotto: ClassicGame {
        var allocations: [[Int]] = []
        for a in 0...3 { for b in 0...3 { for c in 0...3 where a + b + c == 3 { allocations.append([a, b, c]) } } }
        let a = allocations.map { x in
            allocations.map { y in zip(x, y).reduce(0) { $0 + ($1.0 > $1.1 ? 1 : $1.0 < $1.1 ? -1 : 0) } }
        }
        let labels = allocations.map { $0.map(String.init).joined() }
        return entry("colonel-blotto",
                     "Colonel Blotto, 3 vs 3 regiments on 3 battlefields: zero-sum, degenerate, 9 extreme equilibria.",
                     a: a, b: a.map { $0.map { -$0 } }, rows: labels, columns: labels)
    }

    private static func entry(
        _ id: String, _ summary: String, a: [[Int]], b: [[Int]], rows: [String], columns: [String]
    ) -> ClassicGame {
        let game = BimatrixGame(rowPayoffs: Matrix(a.map { $0.map { Rational($0) } }),
                                columnPayoffs: Matrix(b.map { $0.map { Rational($0) } }),
                                rowLabels: rows, columnLabels: columns, title: id)
        return ClassicGame(id: id, summary: summary, game: game)
    }
}
