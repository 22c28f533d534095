import ArgumentParser
import Foundation
import Scenario
import Simulation

/// `nashsim compare SCENARIO...`: runs highway scenarios over several seeds and prints a table of
/// what each merge rule buys (time to merge, delay, hard braking, headway, disagreements, Nash gap).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run highway scenarios over several seeds and print a table comparing them.",
        discussion: """
            Each scenario runs with the seeds s, s+1, ..., s+N-1 (s: the scenario's seed, N: --seeds), \
            without writing trajectories; the table (Markdown) shows the mean of each figure over the \
            runs. Meant for the same traffic under different game.selection rules or \
            communication.rounds, e.g. the scenarios of scenarios/merge-game-vs-baseline/.

            Exit status: 0 success; 64 bad options; 65 invalid scenario (or not a highway-merge \
            world); 74 unreadable scenario or unwritable --out; 130 interrupted.

            Example:
              nashsim compare scenarios/merge-game-vs-baseline/*.yaml --seeds 10 --out results/merge-game-vs-baseline.md
            """)

    @Argument(help: ArgumentHelp("Highway scenario files (YAML).", valueName: "scenario"))
    var scenarios: [String]

    @Option(name: .long, help: ArgumentHelp("Runs per scenario, one per seed (default 5).", valueName: "n"))
    var seeds = 5

    @Option(name: .long, help: ArgumentHelp("Threads for the agents' decisions (default: the number of cores); the figures do not depend on it.", valueName: "n"))
    var threads: Int?

    @Option(name: .long, help: ArgumentHelp("Write the table to this file (atomically) instead of stdout.", valueName: "file"))
    var out: String?

    init() {}

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario") }
        if !(1...1000).contains(seeds) { throw ValidationError("--seeds must be between 1 and 1000 (got \(seeds))") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
    }

    func run() throws {
        try reportingFailures {
            var configs: [SimulationConfig] = []
            var problems: [String] = []
            for path in scenarios {
                let input = try InputFile.read(path: path)
                do {
                    let config = try ScenarioLoader.load(text: input.text, fileName: input.displayName)
                    guard case .highwayMerge = config.world else {
                        problems.append("\(input.displayName): error: compare needs a highway-merge scenario")
                        continue
                    }
                    configs.append(config)
                } catch let diagnostics as ScenarioDiagnostics {
                    problems += diagnostics.diagnostics.map(\.description)
                }
            }
            if !problems.isEmpty { throw CommandFailure.data(problems) }

            let threadCount = threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
            RunInterruption.install()
            defer { RunInterruption.uninstall() }
            var rows: [ComparisonTable.Row] = []
            var seedList: [UInt64] = []
            for config in configs {
                var row = ComparisonTable.Row(scenario: config.name, rule: config.game.rule(default: .firstComeFirstServed).rawValue,
                                              rounds: config.communication.rounds, summaries: [])
                seedList = (0..<UInt64(seeds)).map { config.seed &+ $0 }
                for seed in seedList {
                    var run = config
                    run.seed = seed
                    let simulation = HighwayMergeSimulation(config: run, threads: threadCount)
                    while !simulation.isFinished {
                        if let signal = RunInterruption.requested {
                            throw CommandFailure(messages: ["interrupted: no table written"], exitCode: ExitCode(128 + signal))
                        }
                        _ = simulation.step()
                    }
                    row.summaries.append(simulation.summary())
                    Console.error("compare: \(config.name) seed \(seed) done")
                }
                rows.append(row)
            }
            let text = ComparisonTable(rows: rows, seeds: seedList).markdown()
            if let out {
                do throws(AtomicFile.WriteError) {
                    try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: out))
                } catch {
                    throw CommandFailure.io("error: cannot write \(out): \(error.reason)")
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
