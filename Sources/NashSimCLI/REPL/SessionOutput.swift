/// What the session prints in answer to one line: text for stdout (results) and for stderr
/// (errors), in the order printed. Every part ends with a newline.
struct SessionOutput: Equatable, Sendable {
    enum Stream: Equatable, Sendable { case standard, error }

    struct Part: Equatable, Sendable {
        var stream: Stream
        var text: String
    }

    private(set) var parts: [Part] = []

    /// Appends lines for stdout (a newline is added when missing).
    mutating func print(_ text: String) { append(.standard, text) }

    /// Appends lines for stderr (a newline is added when missing).
    mutating func error(_ text: String) { append(.error, text) }

    private mutating func append(_ stream: Stream, _ text: String) {
        parts.append(Part(stream: stream, text: text.hasSuffix("\n") ? text : text + "\n"))
    }

    /// Everything, in order, as a terminal showing both streams would.
    var transcript: String { parts.map(\.text).joined() }

    /// The stdout part only.
    var standard: String { parts.filter { $0.stream == .standard }.map(\.text).joined() }

    /// The stderr part only.
    var errors: String { parts.filter { $0.stream == .error }.map(\.text).joined() }

    static func printing(_ text: String) -> SessionOutput {
        var output = SessionOutput()
        output.print(text)
        return output
    }

    static func failing(_ text: String) -> SessionOutput {
        var output = SessionOutput()
        output.error(text)
        return output
    }
}
