/// A 1-based position in the scenario text (line, column in Unicode scalars).
struct SourcePosition: Sendable, Hashable, Comparable {
    var line: Int
    var column: Int

    static let start = SourcePosition(line: 1, column: 1)

    static func < (a: SourcePosition, b: SourcePosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// Collects the diagnostics of one file while it is read, so that all of them are reported at once.
final class DiagnosticLog {
    let file: String
    private(set) var diagnostics: [ScenarioDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { diagnostics.isEmpty }

    /// Records an error; `message` is the full text after `error: ` and names the key path itself.
    func error(_ message: String, at position: SourcePosition, path: YAMLPath) {
        diagnostics.append(ScenarioDiagnostic(file: file, line: position.line, column: position.column,
                                              keyPath: path.description, message: message))
    }

    /// The diagnostics in the order of the file (stable for problems at the same position).
    var sortedDiagnostics: [ScenarioDiagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }
}
