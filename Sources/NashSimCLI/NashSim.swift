import ArgumentParser

/// The `nashsim` command: a thin root that dispatches to the subcommands.
///
/// Exit codes (DESIGN.md): 0 success, 64 usage error, 65 bad input data, 74 I/O error,
/// 70 internal error.
public struct NashSim: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nashsim",
        abstract: "A multi-agent, game-theoretic simulator: equilibria of games, agents driven by MPC.",
        discussion: """
            Examples:
              nashsim solve --matrix "3 0; 5 1 | 3 5; 0 1"
              nashsim solve examples/battle-of-the-sexes.nfg --format json
            """,
        version: NashSim.version,
        subcommands: [SolveCommand.self, RunCommand.self, ValidateCommand.self, CompareCommand.self, ReplCommand.self]
    )

    public static let version = "0.1.0"

    public init() {}
}
