import Foundation

/// The text of an input file, read whole, with the name diagnostics use for it.
struct InputFile {
    /// The path as the user wrote it (or `<stdin>`), used as the prefix of every diagnostic.
    var displayName: String
    var text: String

    /// Reads `path` (`-` is standard input) as UTF-8.
    /// - Throws: `CommandFailure.io` (exit 74) naming the path when it cannot be read;
    ///   `CommandFailure.data` (exit 65) when it is not UTF-8 text.
    static func read(path: String) throws -> InputFile {
        let name = path == "-" ? "<stdin>" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure.io("error: cannot read '\(path)': no such file")
            }
            if isDirectory.boolValue {
                throw CommandFailure.io("error: cannot read '\(path)': is a directory")
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandFailure.io("error: cannot read '\(path)': permission denied or unreadable")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.data(["\(name): error: not UTF-8 text"])
        }
        return InputFile(displayName: name, text: text)
    }
}
