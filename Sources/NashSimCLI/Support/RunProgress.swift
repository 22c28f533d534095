import Foundation

/// The progress line of `nashsim run` on stderr: shown only when stderr is a terminal and the run
/// has taken more than a second, redrawn at most ten times a second, and erased at the end (so the
/// human summary starts on a clean line). Never written to stdout, never to a pipe or a file.
final class RunProgress {
    private let enabled: Bool
    private let totalSteps: Int
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false

    init(totalSteps: Int, enabled: Bool) {
        self.totalSteps = max(totalSteps, 1)
        self.enabled = enabled
    }

    /// Called after each step with the number of steps done and the simulated time [s].
    func update(step: Int, time: Double) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - start > .seconds(1) else { return }
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        lastDraw = now
        let percent = min(100, step * 100 / totalSteps)
        let line = "\rrunning: step \(step)/\(totalSteps) (\(percent)%), t = \(String(format: "%.1f", time)) s\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Erases the progress line if one was drawn.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
