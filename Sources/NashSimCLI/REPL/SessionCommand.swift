import GameTheory

/// One command of `nashsim repl`, as read from a line by `SessionCommandParser`.
///
/// Indices the user types are 1-based; they stay 1-based here (`StrategyReference.index`) and are
/// checked against the game when the session runs the command.
enum SessionCommand: Equatable, Sendable {
    /// `help [COMMAND]`.
    case help(topic: String?)
    /// `A MATRIX` (row player) or `B MATRIX` (column player): one matrix in matrix text.
    case enterMatrix(Player, MatrixArgument)
    /// `matrix A | B`, or `matrix A` alone for a zero-sum game.
    case enterGame(MatrixArgument)
    /// `set A|B ROW COLUMN VALUE`: one payoff of `player`'s matrix.
    case setEntry(Player, row: StrategyReference, column: StrategyReference, value: Rational)
    /// `labels row|column NAME...`: the names of a player's strategies.
    case setLabels(Player, [String])
    /// `title TEXT`: the game's title (`title` alone removes it).
    case setTitle(String?)
    /// `game NAME`: a game from the catalogue of classics.
    case classic(String)
    /// `games`: list the catalogue.
    case listClassics
    /// `load FILE`.
    case load(path: String)
    /// `save FILE`.
    case save(path: String)
    /// `show`.
    case show
    /// `solve [METHOD]`.
    case solve(SessionSolveMethod)
    /// `select RULE [row|column]`: solve (method auto) and apply a selection rule; ties favour `priority`.
    case select(SelectionRule, priority: Player)
    /// `br PLAYER [against] STRATEGY`: `player`'s best responses to the opponent's strategy.
    case bestResponse(Player, against: StrategyArgument)
    /// `regret [PLAYER] X | Y`: the regrets in the profile (X for the row player, Y for the column player);
    /// only `player`'s when given.
    case regret(Player?, row: StrategyArgument, column: StrategyArgument)
    /// `quit` or `exit` (Ctrl-D does the same).
    case quit
}

/// Matrix text typed after a command, with where it starts in the line (for error positions).
struct MatrixArgument: Equatable, Sendable {
    var text: String
    /// 1-based column (in Unicode scalars) of the first character of `text` in the typed line.
    var column: Int
}

/// A strategy named by its 1-based position or by its label.
enum StrategyReference: Equatable, Sendable, CustomStringConvertible {
    case index(Int)
    case label(String)

    var description: String {
        switch self {
        case let .index(k): "\(k)"
        case let .label(name): "'\(name)'"
        }
    }
}

/// A mixed strategy as typed: probabilities (checked: each >= 0, summing to 1), or one strategy's label.
enum StrategyArgument: Equatable, Sendable {
    case probabilities([Rational])
    case pure(StrategyReference)
}

/// The solution methods the REPL offers (those of `nashsim solve --method`).
enum SessionSolveMethod: String, CaseIterable, Sendable {
    case auto, support, lp, pure
}
