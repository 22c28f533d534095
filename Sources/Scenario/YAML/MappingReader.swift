import Yams

/// Reads one YAML mapping against the list of keys it may have.
///
/// Creating the reader reports, at once, everything wrong with the keys themselves: a value that is
/// not a mapping, keys that are not text, and unknown keys (with the nearest known key as a
/// suggestion). Merge keys (`<<: *anchor`, or a list of anchors) are honoured: their keys apply
/// unless the mapping sets them itself.
struct MappingReader {
    struct Entry {
        var keyPosition: SourcePosition
        var value: YAMLValue
    }

    let log: DiagnosticLog
    let path: YAMLPath
    /// The mapping's position (where problems about missing keys are reported).
    let position: SourcePosition
    private let entries: [String: Entry]

    /// - Returns: nil (after recording a diagnostic) when `value` is not a mapping.
    init?(_ value: YAMLValue, known: [String], log: DiagnosticLog) {
        guard case .mapping(let mapping) = value.node else {
            log.error("\(value.path.subject) must be a mapping of keys (got \(value.shown))",
                      at: value.position, path: value.path)
            return nil
        }
        self.log = log
        self.path = value.path
        self.position = value.position
        var entries: [String: Entry] = [:]
        MappingReader.collect(mapping, into: &entries, path: value.path, fallback: value.position, log: log,
                              known: known, reportUnknown: true)
        self.entries = entries
    }

    private static func collect(_ mapping: Node.Mapping, into entries: inout [String: Entry], path: YAMLPath,
                                fallback: SourcePosition, log: DiagnosticLog, known: [String], reportUnknown: Bool) {
        var merged: [Node] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = YAMLValue(node: keyNode, path: path, fallback: fallback)
            guard case .scalar(let keyScalar) = keyNode else {
                log.error("keys of \(path.subject) must be text (got \(keyValue.shown))",
                          at: keyValue.position, path: path)
                continue
            }
            let key = keyScalar.string
            if key == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                switch valueNode {
                case .sequence(let sources): merged.append(contentsOf: sources)
                default: merged.append(valueNode)
                }
                continue
            }
            let entryPath = path.appending(key)
            guard known.contains(key) else {
                if reportUnknown {
                    var message = "unknown key '\(entryPath)'"
                    if let suggestion = KeySuggestion.nearest(to: key, among: known) {
                        message += "; did you mean '\(suggestion)'?"
                    } else if !known.isEmpty {
                        message += " (known keys: \(known.joined(separator: ", ")))"
                    }
                    log.error(message, at: keyValue.position, path: entryPath)
                }
                continue
            }
            guard entries[key] == nil else { continue }  // an explicit key wins over a merged one
            entries[key] = Entry(keyPosition: keyValue.position,
                                 value: YAMLValue(node: valueNode, path: entryPath, fallback: keyValue.position))
        }
        for source in merged {
            let sourceValue = YAMLValue(node: source, path: path, fallback: fallback)
            guard case .mapping(let sourceMapping) = source else {
                log.error("a merge key (<<) in \(path.subject) must refer to a mapping (got \(sourceValue.shown))",
                          at: sourceValue.position, path: path)
                continue
            }
            // Keys merged from an anchor are checked where the anchor is defined.
            MappingReader.collect(sourceMapping, into: &entries, path: path, fallback: fallback, log: log,
                                  known: known, reportUnknown: false)
        }
    }

    /// Where `key` is written (nil when absent): problems about the key itself point there.
    func keyPosition(_ key: String) -> SourcePosition? { entries[key]?.keyPosition }

    /// Whether `key` is set (to anything but null).
    func contains(_ key: String) -> Bool { value(key) != nil }

    /// The value of `key`, or nil when it is absent or null (an optional key takes its default then).
    func value(_ key: String) -> YAMLValue? {
        guard let entry = entries[key], !entry.value.isNull else { return nil }
        return entry.value
    }

    /// The value of a required key; records `missing required key` when it is absent, and a type
    /// problem (through the typed readers) when it is null.
    func required(_ key: String) -> YAMLValue? {
        guard let entry = entries[key] else {
            log.error("missing required key '\(path.appending(key))'", at: position, path: path.appending(key))
            return nil
        }
        return entry.value
    }

    // MARK: Typed shortcuts

    /// A required number.
    func requiredNumber(_ key: String) -> Quantity? { required(key)?.number(log) }

    /// An optional number with its documented default; nil only when the value is not a number.
    func number(_ key: String, default defaultValue: Double) -> Quantity? {
        guard let value = value(key) else {
            return .defaulted(defaultValue, path: path.appending(key), at: position)
        }
        return value.number(log)
    }

    /// An optional number without a default (absent: `.some(nil)`; not a number: nil).
    func optionalNumber(_ key: String) -> Quantity?? {
        guard let value = value(key) else { return .some(nil) }
        guard let number = value.number(log) else { return nil }
        return .some(number)
    }
}
