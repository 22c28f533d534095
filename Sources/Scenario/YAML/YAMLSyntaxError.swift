import Yams

/// Turns Yams' `YamlError` (a syntax error of the YAML itself) into a positioned diagnostic.
enum YAMLSyntaxError {
    static func diagnostic(for error: Error, text: String, file: String) -> ScenarioDiagnostic {
        func make(_ position: SourcePosition, _ message: String) -> ScenarioDiagnostic {
            let position = clamped(position, in: text)
            return ScenarioDiagnostic(file: file, line: position.line, column: position.column, keyPath: "",
                                      message: message)
        }
        guard let yamlError = error as? YamlError else {
            return make(.start, "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return make(SourcePosition(line: mark.line, column: mark.column), message)
        case .reader(let problem, let offset, _, _):
            return make(offset.map { position(ofCharacterOffset: $0, in: text) } ?? .start,
                        "cannot read the text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = SourcePosition(line: context.mark.line, column: context.mark.column)
            let key = duplicates.first ?? "?"
            let position = repeatedKeyPosition(key: key, after: first, in: text) ?? first
            return make(position, "duplicate key '\(key)' in a mapping (each key may be given once)")
        default:
            return make(.start, "invalid YAML: \(yamlError)")
        }
    }

    /// libYAML reports an error at the end of a text without a final newline on the line after the
    /// last; such positions point just after the last character instead.
    static func clamped(_ position: SourcePosition, in text: String) -> SourcePosition {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard position.line > lines.count, let last = lines.last else { return position }
        return SourcePosition(line: lines.count, column: last.unicodeScalars.count + 1)
    }

    /// The line and column of the `offset`-th character of `text`.
    static func position(ofCharacterOffset offset: Int, in text: String) -> SourcePosition {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character.isNewline { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return SourcePosition(line: line, column: column)
    }

    /// Where `key:` occurs again at the same column as its first occurrence (block mappings), so that
    /// the diagnostic points at the repetition rather than at the original.
    static func repeatedKeyPosition(key: String, after first: SourcePosition, in text: String) -> SourcePosition? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line <= lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= first.column - 1 + key.unicodeScalars.count else { continue }
            let indentation = scalars[..<(first.column - 1)]
            guard indentation.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
            guard rest.hasPrefix(key) else { continue }
            let after = rest.dropFirst(key.count).drop { $0 == " " }
            if after.hasPrefix(":") { return SourcePosition(line: index + 1, column: first.column) }
        }
        return nil
    }
}
