import Foundation
import Reporting
import Simulation

/// What the run loop needs from a simulation: an initial record, steps, and the summary.
protocol RunnableSimulation {
    /// The record of the state before the first step (t = 0).
    var initialRecord: StepRecord { get }
    /// Whether the configured duration has been simulated.
    var isFinished: Bool { get }
    /// Advances one control step and returns its record.
    mutating func step() -> StepRecord
    /// The facts of the run so far (steps done, agents, collisions, ...).
    func summary() -> RunSummary
}

extension HighwayMergeSimulation: RunnableSimulation {}
extension WorkspaceSimulation: RunnableSimulation {}

/// Runs a simulation to its end (or to an interruption), streaming every record to the writer.
enum RunExecution {
    struct Outcome {
        var summary: RunSummary
        var wallSeconds: Double
        /// The signal that stopped the run early, if any.
        var interruption: Int32?
    }

    /// Steps `simulation` until it is finished or `RunInterruption` reports a request, writes each
    /// record to `writer`, and finishes the writer (renaming the outputs into place).
    ///
    /// - Throws: `ReportingError` from the writer; the writer has then removed its temporaries.
    static func run<S: RunnableSimulation>(_ simulation: inout S, plannedSteps: Int, writer: RunOutputWriter,
                                           progress: RunProgress) throws -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try writer.write(simulation.initialRecord)
            var steps = 0
            while !simulation.isFinished, RunInterruption.requested == nil {
                let record = simulation.step()
                try writer.write(record)
                steps += 1
                progress.update(step: steps, time: record.time)
            }
        } catch {
            progress.finish()
            writer.discard()
            throw error
        }
        progress.finish()
        let interruption = simulation.isFinished ? nil : RunInterruption.requested
        let summary = simulation.summary()
        let elapsed = clock.now - start
        let wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        try writer.finish(summary: summary, wallSeconds: wallSeconds, interrupted: interruption != nil)
        return Outcome(summary: summary, wallSeconds: wallSeconds, interruption: interruption)
    }
}
