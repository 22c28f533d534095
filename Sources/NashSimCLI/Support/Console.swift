import Foundation

/// Writes to the process's standard streams. Data goes to stdout, diagnostics to stderr (DESIGN.md).
enum Console {
    /// Writes `text` to stdout as is (callers include the final newline).
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes one diagnostic line to stderr.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
