/// A scenario file that cannot be read at all (missing, unreadable, not UTF-8): an I/O problem,
/// not a problem of its content. `description`: `"error: cannot read 'x.yaml': no such file"`.
public struct ScenarioFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "error: cannot read '\(path)': \(reason)" }
}
