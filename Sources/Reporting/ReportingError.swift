/// A run's outputs could not be written, or the records handed to the writers break their contract.
public enum ReportingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The output folder or a file in it cannot be created or written (exit 74 in the CLI).
    case cannotWrite(path: String, reason: String)
    /// A record carries a value the formats cannot hold (a non-finite number, columns that change
    /// between samples, an extra summary key that repeats a fixed one): a bug upstream (exit 70).
    case invalidRecord(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "error: cannot write '\(path)': \(reason)"
        case .invalidRecord(let message): "error: internal error: \(message)"
        }
    }

    /// Whether the problem is with the file system (rather than with the data).
    public var isIOError: Bool {
        if case .cannotWrite = self { return true }
        return false
    }
}
