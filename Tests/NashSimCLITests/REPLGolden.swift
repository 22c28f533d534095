import Foundation
import Testing

/// Golden files of the REPL tests: expected outputs stored under `Tests/NashSimCLITests/Golden/`,
/// found through `#filePath` (no package resources needed).
///
/// Run with `NASHSIM_RECORD=1` to (re)write them from the current output, then review the diff:
/// `NASHSIM_RECORD=1 swift test --filter REPL`.
enum REPLGolden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["NASHSIM_RECORD"] == "1" }

    /// Compares `actual` with the golden file `name` (or records it), reporting the first differing line.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url, options: .atomic)
            } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path); run with NASHSIM_RECORD=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        let k = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        Issue.record("""
            output differs from \(name) at line \(k + 1) \
            (re-record with NASHSIM_RECORD=1 if the change is intended):
              expected: \(k < e.count ? e[k] : "<end of file>")
              actual:   \(k < a.count ? a[k] : "<end of output>")
            """, sourceLocation: sourceLocation)
    }
}
