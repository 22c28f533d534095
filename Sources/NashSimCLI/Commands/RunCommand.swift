import ArgumentParser
import Foundation
import Reporting
import Scenario
import Simulation

/// `nashsim run SCENARIO.yaml`: runs a scenario and writes its trajectories, events and summary.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and write trajectories.csv, events.csv and summary.json.",
        discussion: """
            The outputs go to DIR (default: results/<scenario name>/, created when missing). They are \
            written as hidden temporary files and renamed into place when the run ends, so a failed \
            run never leaves a truncated file under a final name and keeps the previous outputs. The \
            same scenario and seed give byte-identical trajectories.csv and events.csv whatever \
            --threads is; summary.json differs only in its timing fields (solve_time_ms, wall_s, \
            realtime_factor).

            A short summary (agents, steps, collisions, minimum separation, merges completed or goals \
            reached, solve-time percentiles, real-time factor) is printed on stderr; progress too, when \
            stderr is a terminal and the run takes more than a second. Nothing is printed on stdout.

            Ctrl-C stops the run between two steps: the outputs of the steps done are written with \
            "interrupted": true in summary.json, and the exit status is 130. A second Ctrl-C ends the \
            process at once (the previous outputs stay as they were).

            Exit status: 0 success (also when a collision happened, unless --strict); 3 a collision \
            with --strict (the outputs are written); 64 bad options; 65 invalid scenario; 74 unreadable \
            scenario or unwritable output folder; 70 internal error; 130 interrupted.

            Example:
              nashsim run scenarios/highway-merge.yaml --out /tmp/merge --seed 7
            """)

    @Argument(help: ArgumentHelp("The scenario file (YAML); - reads standard input.", valueName: "scenario"))
    var scenario: String

    @Option(name: .long, help: ArgumentHelp("Output folder (default: results/<scenario name>/).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Seed overriding the scenario's seed.", valueName: "n"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("Simulated time [s] overriding the scenario's duration_s.", valueName: "s"))
    var duration: Double?

    @Option(name: .long, help: ArgumentHelp("Threads for the agents' decisions (default: the number of cores); the outputs do not depend on it.", valueName: "n"))
    var threads: Int?

    @Flag(name: .long, help: "Exit with status 3 when a collision happened (the outputs are still written).")
    var strict = false

    @Flag(name: .long, help: "Print neither progress nor the summary (errors are still printed).")
    var quiet = false

    init() {}

    /// Exit status of a run with a collision under `--strict` (DESIGN.md).
    static let collisionStatus = ExitCode(3)

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1 (got \(threads))") }
        if let duration, !(duration > 0 && duration.isFinite) {
            throw ValidationError("--duration must be a positive number of seconds (got \(duration))")
        }
    }

    func run() throws {
        try reportingFailures {
            var config = try loadScenario()
            if let seed { config.seed = seed }
            if let duration {
                guard duration >= config.dt, duration / config.dt <= Double(ScenarioLoader.maximumSteps) else {
                    throw CommandFailure.usage("error: --duration must be between the scenario's dt_s (\(config.dt) s) and \(ScenarioLoader.maximumSteps) steps of it; got \(duration)")
                }
                config.duration = duration
            }
            let directory = out ?? "results/\(config.name)"
            let writer: RunOutputWriter
            do {
                writer = try RunOutputWriter(directory: URL(fileURLWithPath: directory))
            } catch let error as ReportingError {
                throw CommandFailure.io(error.description)
            }

            let threadCount = threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
            let progress = RunProgress(totalSteps: config.stepCount, enabled: !quiet && Console.stderrIsTerminal)
            RunInterruption.install()
            defer { RunInterruption.uninstall() }
            let outcome: RunExecution.Outcome
            do {
                switch config.world {
                case .highwayMerge:
                    var simulation = HighwayMergeSimulation(config: config, threads: threadCount)
                    outcome = try RunExecution.run(&simulation, plannedSteps: config.stepCount, writer: writer,
                                                   progress: progress)
                case .workspace:
                    var simulation = WorkspaceSimulation(config: config, threads: threadCount)
                    outcome = try RunExecution.run(&simulation, plannedSteps: config.stepCount, writer: writer,
                                                   progress: progress)
                }
            } catch let error as ReportingError {
                throw error.isIOError ? CommandFailure.io(error.description)
                    : CommandFailure(messages: [error.description], exitCode: ExitStatus.internalError)
            }

            if !quiet {
                RunReport.lines(summary: outcome.summary, wallSeconds: outcome.wallSeconds, directory: directory,
                                interrupted: outcome.interruption != nil, plannedSteps: config.stepCount)
                    .forEach(Console.error)
            }
            if let signal = outcome.interruption {
                throw CommandFailure(messages: [], exitCode: ExitCode(128 + signal))
            }
            if strict, outcome.summary.collisions > 0 {
                let count = outcome.summary.collisions
                throw CommandFailure(messages: ["error: \(count) collision\(count == 1 ? "" : "s") (--strict)"],
                                     exitCode: Self.collisionStatus)
            }
        }
    }

    /// Reads and checks the scenario: exit 74 when unreadable, 65 with every diagnostic when invalid.
    private func loadScenario() throws -> SimulationConfig {
        let input = try InputFile.read(path: scenario)
        do {
            return try ScenarioLoader.load(text: input.text, fileName: input.displayName)
        } catch let diagnostics as ScenarioDiagnostics {
            throw CommandFailure.data(diagnostics.diagnostics.map(\.description))
        }
    }
}
