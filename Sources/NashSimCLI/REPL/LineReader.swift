import CLibEdit
import Foundation

/// Where the session's lines come from: `EditLineSource` on a terminal, `PlainLineSource` otherwise.
protocol LineSource {
    /// The next line without its line break; nil at the end of input (Ctrl-D on a terminal).
    mutating func nextLine() -> String?
}

/// Lines from libedit's `readline`: a prompt, line editing, and history read from and written to
/// a file (after every line, so a killed session loses nothing). Only for a terminal on stdin.
final class EditLineSource: LineSource {
    let prompt: String
    let historyPath: String?
    private var lastEntry: String?

    /// The most lines the history keeps.
    static let historySize: Int32 = 1000

    init(prompt: String, historyPath: String?) {
        self.prompt = prompt
        self.historyPath = historyPath
        using_history()
        stifle_history(Self.historySize)
        if let historyPath { _ = read_history(historyPath) }
    }

    func nextLine() -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        let blank = line.allSatisfy(\.isWhitespace)
        if !blank && line != lastEntry {
            _ = add_history(raw)
            lastEntry = line
            if let historyPath { _ = write_history(historyPath) }
        }
        return line
    }
}

/// Plain lines from stdin without a prompt (piped input, scripts, tests). `\n` and `\r\n` end lines.
struct PlainLineSource: LineSource {
    mutating func nextLine() -> String? { readLine(strippingNewline: true) }
}

/// Runs a session over a line source, writing results to stdout and errors to stderr.
enum ReplDriver {
    /// Reads lines until `quit` or the end of input. On a terminal (`interactive`) a banner comes first
    /// and a line break follows Ctrl-D so the shell's prompt starts on a fresh line.
    static func run<Source: LineSource>(_ session: inout ReplSession, reading source: inout Source,
                                        interactive: Bool) {
        if interactive { write(ReplSession.banner + "\n", to: .standardOutput) }
        while !session.isFinished, let line = source.nextLine() {
            for part in session.handle(line).parts {
                write(part.text, to: part.stream == .standard ? .standardOutput : .standardError)
            }
        }
        if interactive && !session.isFinished { write("\n", to: .standardOutput) }
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}

