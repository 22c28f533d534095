import Simulation

/// The rows of `trajectories.csv`: `t_s,agent,kind,x_m,y_m,heading_rad,speed_mps,accel_mps2`, then
/// the samples' extra columns (`lane`, `decision`, ...) in the order the simulation gives them.
///
/// Numbers are plain decimals with a fixed number of decimals per column: `t_s` 3 (milliseconds),
/// `x_m`, `y_m`, `heading_rad`, `speed_mps`, `accel_mps2` 4; never an exponent; `-0.0000` is written
/// `0.0000`. A non-finite value is refused (`ReportingError.invalidRecord`), never written as NaN.
/// Text fields (agent ids, extra values) are quoted per RFC 4180 when they need it. Lines end with
/// `\n`.
///
/// The extra columns are fixed by the first sample written; every later sample must have the same
/// column names (the header cannot change after it is written). A run in which no agent ever
/// appears gets the fixed header only.
struct TrajectoryCSV {
    static let fixedColumns = ["t_s", "agent", "kind", "x_m", "y_m", "heading_rad", "speed_mps", "accel_mps2"]
    static let timeDecimals = 3
    static let valueDecimals = 4

    /// The extra column names, once the header is written.
    private(set) var extraColumns: [String]?

    /// The header line (with its newline) for samples whose extra columns are `extraColumns`.
    static func header(extraColumns: [String]) -> String {
        (fixedColumns + extraColumns.map(CSVField.escape)).joined(separator: ",") + "\n"
    }

    /// Appends the header (before the first sample) and one line per sample of `record` to `text`.
    /// Samples are written in agent order (sorted here if the record is not).
    mutating func append(_ record: StepRecord, to text: inout String) throws {
        guard !record.samples.isEmpty else { return }
        let time = try Self.number(record.time, Self.timeDecimals, "t_s", record.samples[0].agent)
        var samples = record.samples
        if !zip(samples, samples.dropFirst()).allSatisfy({ $0.agent <= $1.agent }) {
            samples.sort { $0.agent < $1.agent }
        }
        for sample in samples {
            let names = sample.extra.map(\.name)
            if let extraColumns {
                guard names == extraColumns else {
                    throw ReportingError.invalidRecord(
                        "trajectory sample of '\(sample.agent)' at t = \(time) s has columns \(names), expected \(extraColumns)")
                }
            } else {
                extraColumns = names
                text += Self.header(extraColumns: names)
            }
            text += time
            text += ","
            text += CSVField.escape(sample.agent)
            text += ","
            text += sample.kind.rawValue
            for (value, column) in [(sample.x, "x_m"), (sample.y, "y_m"), (sample.heading, "heading_rad"),
                                    (sample.speed, "speed_mps"), (sample.accel, "accel_mps2")] {
                text += ","
                text += try Self.number(value, Self.valueDecimals, column, sample.agent)
            }
            for extra in sample.extra {
                text += ","
                text += CSVField.escape(extra.value)
            }
            text += "\n"
        }
    }

    /// The header alone, for a run that ended before any sample was written (nil once written).
    var pendingHeader: String? { extraColumns == nil ? Self.header(extraColumns: []) : nil }

    static func number(_ value: Double, _ decimals: Int, _ column: String, _ agent: String) throws -> String {
        guard value.isFinite else {
            throw ReportingError.invalidRecord("non-finite \(column) (\(value)) for agent '\(agent)'")
        }
        return FixedDecimal.format(value, decimals: decimals)
    }
}
