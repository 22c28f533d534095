import Foundation
import Simulation

/// Writes a run's three outputs, `trajectories.csv`, `events.csv` and `summary.json`, into one
/// folder, so that no file ever poses as complete when it is not.
///
/// Lifecycle: `init` creates the folder (with its parents) and three hidden temporary files in it
/// (failing early, before the run, when the folder is not writable); `write(_:)` streams each step's
/// rows to the temporaries through 64 KiB buffers; `finish(...)` writes the summary and renames the
/// three temporaries over the final names (trajectories, then events, then summary.json last);
/// `discard()` removes the temporaries and leaves any previous outputs in the folder untouched. A
/// writer dropped without `finish` discards itself, so a thrown error cleans up too.
///
/// What remains after a hard kill (SIGKILL, power loss) is the previous outputs plus hidden
/// `.NAME.tmp-*` files; they never carry the final names. The renames are atomic one by one, not as a
/// set: a process killed between two renames leaves complete files of two different runs.
///
/// Formats: `TrajectoryCSV`, `EventCSV`, `SummaryJSON` (fixed decimals, plain numbers, `\n` line
/// ends). Same records in, same bytes out: trajectories.csv and events.csv are byte-identical for
/// the same records; summary.json differs only in `wall_s`, `realtime_factor` and `solve_time_ms`.
public final class RunOutputWriter {
    public static let trajectoriesFileName = "trajectories.csv"
    public static let eventsFileName = "events.csv"
    public static let summaryFileName = "summary.json"

    /// The output folder.
    public let directory: URL
    private let trajectories: TemporaryFile
    private let events: TemporaryFile
    private let summary: TemporaryFile
    private var trajectoryFormat = TrajectoryCSV()
    private var state = State.open

    private enum State { case open, finished, discarded }

    /// Creates `directory` when missing and the temporary files in it.
    /// - Throws: `ReportingError.cannotWrite` when the folder cannot be created or written.
    public init(directory: URL) throws {
        self.directory = directory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ReportingError.cannotWrite(path: directory.path, reason: "not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ReportingError.cannotWrite(path: directory.path, reason: "cannot create the folder")
            }
        }
        trajectories = try TemporaryFile(finalURL: directory.appendingPathComponent(Self.trajectoriesFileName))
        do {
            events = try TemporaryFile(finalURL: directory.appendingPathComponent(Self.eventsFileName))
        } catch {
            trajectories.discard()
            throw error
        }
        do {
            summary = try TemporaryFile(finalURL: directory.appendingPathComponent(Self.summaryFileName))
        } catch {
            trajectories.discard()
            events.discard()
            throw error
        }
        do {
            try events.write(EventCSV.header)
        } catch {
            discard()
            throw error
        }
    }

    deinit {
        if state == .open { discard() }
    }

    /// Appends one step's samples and events.
    /// - Throws: `ReportingError` (the writer stays open; the caller decides to discard it).
    public func write(_ record: StepRecord) throws {
        precondition(state == .open, "RunOutputWriter.write after finish or discard")
        var rows = ""
        try trajectoryFormat.append(record, to: &rows)
        try trajectories.write(rows)
        rows = ""
        try EventCSV.append(record, to: &rows)
        try events.write(rows)
    }

    /// Writes summary.json and moves the three files into place.
    /// - Parameters:
    ///   - wallSeconds: wall-clock duration of the run [s] (for `wall_s` and `realtime_factor`).
    ///   - interrupted: the run stopped early (Ctrl-C): summary.json says `"interrupted": true`, and
    ///     its `steps` is the number of steps written.
    /// - Throws: `ReportingError`; the temporaries are then removed and previous outputs untouched
    ///   (unless a rename of a later file failed after an earlier one succeeded).
    public func finish(summary runSummary: RunSummary, wallSeconds: Double, interrupted: Bool) throws {
        precondition(state == .open, "RunOutputWriter.finish after finish or discard")
        do {
            if let header = trajectoryFormat.pendingHeader { try trajectories.write(header) }
            try summary.write(try SummaryJSON.render(runSummary, wallSeconds: wallSeconds, interrupted: interrupted))
            try trajectories.commit()
            try events.commit()
            try summary.commit()
            state = .finished
        } catch {
            discard()
            throw error
        }
    }

    /// Removes the temporary files; the folder's previous outputs stay as they were.
    public func discard() {
        guard state == .open else { return }
        trajectories.discard()
        events.discard()
        summary.discard()
        state = .discarded
    }
}
