/// The single entry point for reading games: picks the parser for a format.
public enum GameReader {
    /// The game in `text`, read exactly.
    /// - Parameter format: the format; nil means "sniff the text" (`GameFileFormat.sniff`).
    ///   Use `GameFileFormat.detect(path:text:)` to decide by file extension first.
    /// - Throws: `GameFormatErrors`, every problem found with its line and column in `text`.
    public static func read(text: String, format: GameFileFormat? = nil) throws(GameFormatErrors) -> BimatrixGame {
        switch format ?? GameFileFormat.sniff(text) {
        case .matrixText: try MatrixTextParser.parse(text)
        case .json: try GameJSONParser.parse(text)
        case .nfg: try NFGParser.parse(text)
        }
    }
}
