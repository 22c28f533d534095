import ArgumentParser
import Foundation
import GameTheory
import GLPK

/// `nashsim solve`: equilibria of a bimatrix game given as a file or as inline matrix text.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Compute the Nash equilibria of a two-player game.",
        discussion: """
            The game comes from GAME_FILE (Gambit .nfg, JSON, or matrix text; '-' reads stdin) or from \
            --matrix. Matrix text: rows separated by ';' or newlines, cells by spaces or commas, the row \
            player's matrix A then '|' then the column player's B; one matrix alone is zero-sum (B = -A). \
            Entries are integers, decimals or fractions, and rational games are solved exactly.

            Methods:
              auto     all equilibria (support enumeration; extreme equilibria of degenerate games) and,
                       for zero-sum and constant-sum games, the value by linear programming (GLPK)
              support  all equilibria only
              lp       zero-sum and constant-sum games: value and optimal strategies by LP
              pure     pure-strategy equilibria only (fast on large games)

            Selection (--select): pareto (payoff-dominant among the equilibria), welfare (largest sum \
            of payoffs), risk (Harsanyi-Selten risk dominance, 2 x 2 games with two strict pure \
            equilibria), maxmin (best worst-case guarantee). The table lists every equilibrium and marks \
            the selected ones with *; json and csv print only the selected equilibria.

            Examples:
              nashsim solve --matrix "3 0; 5 1 | 3 5; 0 1"
              nashsim solve --matrix "0 -1 1; 1 0 -1; -1 1 0" --method lp
              nashsim solve game.nfg --format json
              nashsim solve --matrix "4 0; 3 3 | 4 3; 0 3" --select risk
            """
    )

    @Argument(help: "Game file: .nfg, .json or matrix text ('-' for stdin).")
    var gameFile: String?

    @Option(name: .long, parsing: .unconditional, help: "The game as matrix text, e.g. \"3 0; 5 1 | 3 5; 0 1\" (may start with a minus sign).")
    var matrix: String?

    @Option(name: .long, help: "auto, support, lp or pure.")
    var method: SolveMethod = .auto

    @Option(name: .long, help: "table, json or csv.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Print only the equilibria a rule selects: pareto, welfare, risk or maxmin (ties favour the row player).")
    var select: SelectionRule?

    @Option(name: .long, help: "Stop the enumeration after this many seconds and print what was found (exit 0; Ctrl-C does the same but exits 130).")
    var timeout: Double?

    @Option(name: .long, help: "Threads for the enumeration (default: all cores).")
    var threads: Int?

    @Flag(name: .long, help: "Do not remove strictly dominated strategies before enumerating.")
    var keepDominated = false

    func validate() throws {
        if (gameFile == nil) == (matrix == nil) {
            throw ValidationError("give either a GAME_FILE or --matrix (exactly one)")
        }
        if let timeout, !(timeout > 0) || !timeout.isFinite {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
        if let threads, threads < 1 || threads > 256 {
            throw ValidationError("--threads must be between 1 and 256")
        }
    }

    func run() throws {
        try reportingFailures {
            let game = try loadGame()
            RunInterruption.install()
            defer { RunInterruption.uninstall() }
            let solver = GameSolver(
                lpSolver: GLPKSolver(),
                options: EnumerationOptions(
                    eliminateDominated: !keepDominated,
                    threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                    cancellation: RunInterruption.cancellation,
                    timeBudgetSeconds: timeout))
            warnIfLong(game)
            let report: EquilibriumReport
            do {
                report = try solver.solve(game, method: method.gameTheoryMethod)
            } catch let error as GameSolverError {
                if case .inconsistentValue = error { throw CommandFailure.internal("\(error)") }
                throw CommandFailure.data(["\(inputName): error: \(error)"])
            }
            if !report.isComplete {
                Console.error("warning: search incomplete: \(report.progressNote ?? "stopped early"); equilibria listed are those found so far")
            }
            try printReport(report)
            // Interrupted by Ctrl-C (or SIGTERM): the partial result is out; exit as `run` does.
            if let signal = RunInterruption.requested {
                throw CommandFailure(messages: [], exitCode: ExitCode(128 + signal))
            }
        }
    }

    /// Prints the report, or with `--select` the selected equilibria (all of them marked in a table).
    private func printReport(_ report: EquilibriumReport) throws {
        guard let rule = select else {
            Console.out(report.rendered(as: format.reportFormat))
            return
        }
        let selected: SelectedReport
        do {
            selected = try report.selecting(rule, keepingAll: format == .table)
        } catch {
            throw CommandFailure.data(["\(inputName): error: \(error)"])
        }
        Console.out(selected.report.rendered(as: format.reportFormat, options: selected.options))
    }

    /// Support enumeration checks about C(m + n, m) support pairs per player: past roughly a billion
    /// in all (a 16 x 16 game), say so before starting, since nothing will be printed for a long time.
    private func warnIfLong(_ game: BimatrixGame) {
        guard method == .auto || method == .support, timeout == nil else { return }
        var pairs = 2.0  // both players' polytopes, as the enumeration counts them
        for k in 0..<min(game.rows, game.columns) {
            pairs = pairs * Double(game.rows + game.columns - k) / Double(k + 1)
        }
        guard pairs > 1e9 else { return }
        Console.error(String(format: "note: about %.1e support pairs to check (both players' polytopes); ", pairs)
                      + "this may take hours. "
                      + "Ctrl-C or --timeout SECONDS stops the search and prints the equilibria found so far; "
                      + "--method pure is fast")
    }

    private var inputName: String { matrix != nil ? "--matrix" : (gameFile == "-" ? "<stdin>" : gameFile ?? "") }

    /// Reads and parses the game; every parse diagnostic is printed, prefixed with the input's name.
    private func loadGame() throws -> BimatrixGame {
        if let matrix {
            return try parse(text: matrix, name: "--matrix", format: .matrixText)
        }
        let file = try InputFile.read(path: gameFile!)
        let format = GameFileFormat.detect(path: gameFile == "-" ? nil : gameFile, text: file.text)
        return try parse(text: file.text, name: file.displayName, format: format)
    }

    private func parse(text: String, name: String, format: GameFileFormat) throws -> BimatrixGame {
        do {
            return try GameReader.read(text: text, format: format)
        } catch {
            throw CommandFailure.data(error.errors.map { $0.described(source: name) })
        }
    }
}
