import Foundation
import GameTheory

/// `load`, `save` and the catalogue of classic games.
extension ReplSession {
    mutating func load(_ path: String) throws(Failure) -> SessionOutput {
        let url = environment.url(for: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Failure("load", "cannot read '\(path)': no such file")
        }
        guard !isDirectory.boolValue else { throw Failure("load", "cannot read '\(path)': is a directory") }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure("load", "cannot read '\(path)': permission denied or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(lines: ["\(path): error: not UTF-8 text"])
        }
        let game: BimatrixGame
        do {
            game = try GameReader.read(text: text, format: GameFileFormat.detect(path: path, text: text))
        } catch {
            throw Failure(lines: error.errors.map { $0.described(source: path) })
        }
        replaceGame(game, derived: false)
        return .printing("loaded \(path)\n" + showGame())
    }

    func save(_ path: String) throws(Failure) -> SessionOutput {
        let game = try currentGame("save")
        let format = GameFileFormat(fileExtensionOf: path) ?? .matrixText
        let url = environment.url(for: path)
        do {
            try AtomicFile.write(Data(GameWriter.write(game, as: format).utf8), to: url)
        } catch {
            throw Failure("save", "cannot write '\(path)': \(error.reason)")
        }
        var output = SessionOutput.printing("saved \(path) (\(format == .matrixText ? "matrix text" : format.rawValue))")
        let defaultLabels = game.rowLabels == (1...game.rows).map { "r\($0)" }
            && game.columnLabels == (1...game.columns).map { "c\($0)" }
        if format == .matrixText && (!defaultLabels || !(game.title ?? "").isEmpty) {
            output.print("note: matrix text keeps neither strategy labels nor the title (only as a comment); "
                         + "save as .nfg or .json to keep them")
        }
        return output
    }

    func classicList() -> String {
        let rows = environment.classics.map { entry in
            [entry.id, "\(entry.game.rows)x\(entry.game.columns)", SessionFormatting.oneLine(entry.summary)]
        }
        return (["classic games (load one with `game NAME`):"]
            + SessionFormatting.aligned(rows, leftAligned: [0, 2])).joined(separator: "\n") + "\n"
    }

    func nearestClassic(to name: String) -> String? {
        let key = SessionEnvironment.normalised(name)
        if let match = environment.classics.first(where: {
            let n = SessionEnvironment.normalised($0.id)
            return n.hasPrefix(key) || key.hasPrefix(n) || n.contains(key)
        }) { return match.id }
        return nil
    }
}
