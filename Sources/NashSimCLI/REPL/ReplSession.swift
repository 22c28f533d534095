import Foundation
import GameTheory

/// The interactive session of `nashsim repl` as a value: lines in, output text out. It never touches
/// the terminal, so tests drive it line by line; `LineReader` connects it to stdin and stdout.
///
/// State: the current game (or none yet), and whether its `B` is still derived from `A` (`A` entered
/// alone makes a zero-sum game, and `B = -A` keeps following `A` until `B` is entered).
/// Every mistake, whatever the line, becomes an `error: ...` output and leaves the state unchanged.
struct ReplSession {
    let environment: SessionEnvironment
    /// The game being edited, nil before the first one is entered.
    var game: BimatrixGame?
    /// True while `B` was never entered: it is `-A` and follows changes of `A`.
    var columnPayoffsDerived = false
    /// Set by `quit`; the reader stops asking for lines.
    private(set) var isFinished = false
    /// Lines handled so far (the line number in error positions `<input>:LINE:COLUMN`).
    private(set) var lineNumber = 0
    /// The line being handled (echoed under positioned errors).
    var currentLine = ""
    /// The `auto` report for `cachedGame`, reused by `select`.
    private var cachedReport: EquilibriumReport?
    private var cachedGame: BimatrixGame?

    /// The prompt shown on a terminal.
    static let prompt = "nashsim> "

    /// Printed once when the session starts on a terminal.
    static let banner = "nashsim repl: equilibria of bimatrix games. Type `help` for the commands, "
        + "`quit` or Ctrl-D to leave."

    init(environment: SessionEnvironment) {
        self.environment = environment
    }

    /// Handles one line (without its line break) and returns what to print.
    mutating func handle(_ line: String) -> SessionOutput {
        lineNumber += 1
        currentLine = line
        let command: SessionCommand?
        do {
            command = try SessionCommandParser.parse(line)
        } catch {
            return .failing(error.description)
        }
        guard let command else { return SessionOutput() }
        do {
            return try run(command)
        } catch {
            return .failing(error.description)
        }
    }

    /// A failure of a well-formed command (no game yet, index out of range, unreadable file...).
    struct Failure: Error, CustomStringConvertible {
        var command: String?
        var lines: [String]

        init(_ command: String?, _ message: String) {
            self.command = command
            self.lines = ["error: " + (command.map { "\($0): " } ?? "") + message]
        }

        /// Lines printed as they are (already formatted, e.g. positioned parser errors).
        init(lines: [String]) {
            self.command = nil
            self.lines = lines
        }

        var description: String { lines.joined(separator: "\n") }
    }

    // MARK: - Commands

    private mutating func run(_ command: SessionCommand) throws(Failure) -> SessionOutput {
        switch command {
        case let .help(topic):
            return .printing(SessionHelp.text(topic: topic))
        case let .enterMatrix(player, argument):
            return try enterMatrix(player, argument)
        case let .enterGame(argument):
            let game = try readMatrixText(argument, as: nil)
            replaceGame(game, derived: !argument.text.contains("|"))
            return .printing("game set\n" + showGame())
        case let .setEntry(player, row, column, value):
            return try setEntry(player, row, column, value)
        case let .setLabels(player, names):
            var game = try currentGame("labels")
            let count = game.strategyCount(of: player)
            guard names.count == count else {
                throw Failure("labels", "the \(player) player has \(count) strateg\(count == 1 ? "y" : "ies"), "
                              + "got \(names.count) name\(names.count == 1 ? "" : "s")")
            }
            if player == .row { game.rowLabels = names } else { game.columnLabels = names }
            self.game = game
            return .printing("\(player) labels set\n" + showGame())
        case let .setTitle(title):
            var game = try currentGame("title")
            game.title = title
            self.game = game
            return .printing(title.map { "title set: \(SessionFormatting.oneLine($0))" } ?? "title removed")
        case let .classic(name):
            guard let classic = environment.classic(named: name) else {
                let hint = nearestClassic(to: name).map { "; did you mean `game \($0)`? `games` lists them" }
                    ?? "; `games` lists them"
                throw Failure("game", "no classic game '\(name)'" + hint)
            }
            replaceGame(classic, derived: false)
            return .printing(showGame())
        case .listClassics:
            return .printing(classicList())
        case let .load(path):
            return try load(path)
        case let .save(path):
            return try save(path)
        case .show:
            _ = try currentGame("show")
            return .printing(showGame())
        case let .solve(method):
            let report = try solved(try currentGame("solve"), method: method)
            return .printing(EquilibriumTableRenderer().render(report))
        case let .select(rule, priority):
            let game = try currentGame("select")
            let report = try solved(game, method: .auto)
            do {
                let selected = try report.selecting(rule, tieBreak: TieBreak(favouring: priority), keepingAll: true)
                return .printing(EquilibriumTableRenderer(options: selected.options).render(selected.report))
            } catch {
                throw Failure("select", error.description)
            }
        case let .bestResponse(player, strategy):
            return try bestResponse(player, strategy)
        case let .regret(player, x, y):
            return try regret(player, x, y)
        case .quit:
            isFinished = true
            return SessionOutput()
        }
    }

    func currentGame(_ command: String) throws(Failure) -> BimatrixGame {
        guard let game else {
            throw Failure(command, "no game yet: enter one with `matrix 3 0; 5 1 | 3 5; 0 1`, `A ...`, "
                          + "`game NAME` or `load FILE`")
        }
        return game
    }

    mutating func replaceGame(_ game: BimatrixGame, derived: Bool) {
        self.game = game
        columnPayoffsDerived = derived
    }

    func showGame() -> String {
        guard let game else { return "" }
        return SessionFormatting.game(game, derivedColumnPayoffs: columnPayoffsDerived)
    }

    // MARK: Solving

    private mutating func solved(_ game: BimatrixGame, method: SessionSolveMethod) throws(Failure) -> EquilibriumReport {
        if method == .auto, let cachedReport, cachedGame == game { return cachedReport }
        let report: EquilibriumReport
        do {
            report = try environment.solve(game, method)
        } catch {
            throw Failure("solve", "\(error)")
        }
        if method == .auto && report.isComplete {
            cachedReport = report
            cachedGame = game
        }
        return report
    }
}
