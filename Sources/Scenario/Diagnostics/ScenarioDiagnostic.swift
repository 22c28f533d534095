/// One problem found in a scenario file, with its position and key path.
///
/// Positions are 1-based and refer to the text handed to the loader: `line` counts line breaks,
/// `column` counts Unicode scalars from the start of the line (libYAML's convention; a leading
/// UTF-8 byte-order mark is not counted). A problem about a value points at the value; a problem
/// about a key (unknown, missing) points at the key or at the mapping that lacks it.
///
/// `description` is compiler-style, ready to print:
/// `scenarios/merge.yaml:6:21: error: world.merge_end_m must be > merge_start_m (got 200)`.
public struct ScenarioDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file name as the caller named it (printed in front of every diagnostic).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// Where in the document the problem is: `world.merge_end_m`, `agents[2].controller.horizon`
    /// (sequence indices are 0-based). Empty for the document as a whole and for YAML syntax errors.
    public var keyPath: String
    /// What is wrong, for people; it names the key path itself (`world.merge_end_m must be ...`).
    public var message: String

    public init(file: String, line: Int, column: Int, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    /// `"file:line:column: error: message"`.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Every problem found in one scenario file (never empty), in the order of the file.
///
/// The loader collects all the problems of a file before throwing; only a YAML syntax error stops
/// it early (nothing after it can be read reliably), and then it is the only diagnostic.
public struct ScenarioDiagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [ScenarioDiagnostic]

    public init(_ diagnostics: [ScenarioDiagnostic]) {
        precondition(!diagnostics.isEmpty, "ScenarioDiagnostics needs at least one diagnostic")
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line, compiler-style.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
