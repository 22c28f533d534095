/// The commands of `nashsim repl` for people: syntax, one-line summary and one example each.
/// `help` prints this table; `help NAME` prints one entry with its details. The parser uses the same
/// names, so the help can never list a command that does not exist.
struct SessionCommandSpec: Sendable {
    /// The name typed (lower case; commands are read case-insensitively).
    let name: String
    /// Other names for the same command.
    let aliases: [String]
    /// The syntax, e.g. `set A|B ROW COLUMN VALUE`.
    let usage: String
    let summary: String
    let example: String
    /// More detail for `help NAME`.
    let details: [String]

    static let all: [SessionCommandSpec] = [
        SessionCommandSpec(
            name: "a", aliases: [], usage: "A MATRIX", summary: "set the row player's payoffs",
            example: "A 3 0; 5 1",
            details: ["Rows are separated by ';', entries by spaces or commas; entries are integers, decimals",
                      "or fractions (2.5, -1e-3, 1/3). Until B is entered, B = -A (a zero-sum game)."]),
        SessionCommandSpec(
            name: "b", aliases: [], usage: "B MATRIX", summary: "set the column player's payoffs",
            example: "B 3 5; 0 1",
            details: ["B must have the shape of A; enter A first."]),
        SessionCommandSpec(
            name: "matrix", aliases: [], usage: "matrix A | B", summary: "set both matrices (A alone: zero-sum)",
            example: "matrix 3 0; 5 1 | 3 5; 0 1",
            details: ["The matrix text of `nashsim solve --matrix`: A, then '|', then B."]),
        SessionCommandSpec(
            name: "set", aliases: [], usage: "set A|B ROW COLUMN VALUE", summary: "change one payoff",
            example: "set A 2 1 4",
            details: ["ROW and COLUMN are 1-based numbers or strategy labels; `set A 2 1 = 4` also works."]),
        SessionCommandSpec(
            name: "labels", aliases: [], usage: "labels row|column NAME...", summary: "name a player's strategies",
            example: "labels row Cooperate Defect",
            details: ["One name per strategy; quote a name with spaces: labels column \"Go on\" Stop."]),
        SessionCommandSpec(
            name: "title", aliases: [], usage: "title [TEXT]", summary: "name the game (no text: remove)",
            example: "title My merge game", details: []),
        SessionCommandSpec(
            name: "game", aliases: [], usage: "game NAME", summary: "load a classic game",
            example: "game stag-hunt", details: ["`games` lists the names."]),
        SessionCommandSpec(
            name: "games", aliases: [], usage: "games", summary: "list the classic games", example: "games",
            details: []),
        SessionCommandSpec(
            name: "load", aliases: [], usage: "load FILE", summary: "read a game (.nfg, .json, matrix text)",
            example: "load examples/battle-of-the-sexes.nfg",
            details: ["The format follows the extension (.nfg, .json); other files are recognised by content."]),
        SessionCommandSpec(
            name: "save", aliases: [], usage: "save FILE", summary: "write the game (.nfg, .json, else matrix text)",
            example: "save my-game.nfg",
            details: ["Written atomically: a temporary file beside FILE, then renamed. Matrix text keeps",
                      "neither labels nor title; .nfg and .json keep both."]),
        SessionCommandSpec(
            name: "show", aliases: [], usage: "show", summary: "print the game", example: "show", details: []),
        SessionCommandSpec(
            name: "solve", aliases: [], usage: "solve [METHOD]", summary: "equilibria by auto, support, lp or pure",
            example: "solve support",
            details: ["auto: all equilibria by support enumeration, plus the value by LP for zero-sum games;",
                      "support: support enumeration; lp: zero-sum games by linear programming;",
                      "pure: pure equilibria only."]),
        SessionCommandSpec(
            name: "select", aliases: [], usage: "select RULE [row|column]",
            summary: "pick equilibria: pareto, welfare, risk, maxmin", example: "select risk",
            details: ["pareto: Pareto-optimal among the equilibria (payoff dominance);",
                      "welfare: largest sum of payoffs; risk: risk dominance (Harsanyi-Selten), 2x2 games",
                      "with two strict pure equilibria; maxmin: largest guaranteed payoffs.",
                      "Ties go to the player named (default row): its higher payoff, then the other's,",
                      "then the earlier strategies."]),
        SessionCommandSpec(
            name: "br", aliases: ["best-response"], usage: "br PLAYER STRATEGY",
            summary: "best responses to the opponent's strategy", example: "br row 1/2 1/2",
            details: ["STRATEGY is the opponent's: probabilities (summing to 1) or one strategy's label.",
                      "`br column against 1/3 2/3` also works."]),
        SessionCommandSpec(
            name: "regret", aliases: [], usage: "regret [PLAYER] X | Y", summary: "regrets in the profile (X, Y)",
            example: "regret 1 0 | 1/2 1/2",
            details: ["X is the row player's strategy, Y the column player's. A player's regret is what it",
                      "would gain by its best response; the profile is an equilibrium when both are 0."]),
        SessionCommandSpec(
            name: "help", aliases: ["?"], usage: "help [COMMAND]", summary: "list the commands, or explain one",
            example: "help set", details: []),
        SessionCommandSpec(
            name: "quit", aliases: ["exit"], usage: "quit", summary: "leave the session (also Ctrl-D)",
            example: "quit", details: []),
    ]

    /// The spec for a typed name or alias (case-insensitive).
    static func named(_ name: String) -> SessionCommandSpec? {
        let key = name.lowercased()
        return all.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// Every name and alias, for suggestions.
    static var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }
}
