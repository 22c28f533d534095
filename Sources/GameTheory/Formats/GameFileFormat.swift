/// The game file formats nashsim reads and writes.
public enum GameFileFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Plain payoff matrices (`MatrixTextParser`): `3 0; 5 1 | 3 5; 0 1`.
    case matrixText = "matrix"
    /// JSON (`GameJSONParser`): `{"A": [[...]], "B": [[...]], ...}`.
    case json
    /// Gambit strategic form (`NFGParser`), payoff or outcome version.
    case nfg

    public var description: String { rawValue }

    /// The format a file name's extension names: `.nfg` → nfg, `.json` → json (either case),
    /// nil for any other extension (then `sniff` decides).
    public init?(fileExtensionOf path: String) {
        guard let dot = path.lastIndex(of: "."),
              !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "nfg": self = .nfg
        case "json": self = .json
        default: return nil
        }
    }

    /// The format of a text by its first non-blank characters (after a byte-order mark):
    /// `NFG` → nfg, `{` → json, anything else → matrix text. Matrix text never starts this way
    /// (neither `NFG` nor `{` is a number), so sniffing cannot misread a valid matrix.
    public static func sniff(_ text: String) -> GameFileFormat {
        var rest = Substring(text).unicodeScalars.drop { $0 == "\u{FEFF}" || $0.properties.isWhitespace }
        if rest.first == "{" { return .json }
        if rest.starts(with: "NFG".unicodeScalars) {
            rest = rest.dropFirst(3)
            if rest.first.map({ $0.properties.isWhitespace }) ?? true { return .nfg }
        }
        return .matrixText
    }

    /// The format of a file: by extension (`.nfg`, `.json`), otherwise by content (`sniff`).
    /// A `.txt` file, a file without extension or `--matrix` text (`path == nil`) is sniffed.
    public static func detect(path: String?, text: String) -> GameFileFormat {
        path.flatMap(GameFileFormat.init(fileExtensionOf:)) ?? sniff(text)
    }
}
