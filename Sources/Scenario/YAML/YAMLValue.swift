import Yams

/// A YAML node with its key path and position, and typed readers that record a diagnostic (and
/// return nil) when the node is not of the expected type.
///
/// Scalars are read strictly: numbers are plain (unquoted) decimal literals (`42`, `-0.5`, `1e3`,
/// `.5`); `.inf`, `.nan`, hexadecimal, octal, sexagesimal and `_` separators are rejected, and so is
/// a quoted `"0.1"`. Strings may be written in any scalar style.
struct YAMLValue {
    var node: Node
    var path: YAMLPath
    var position: SourcePosition

    init(node: Node, path: YAMLPath, fallback: SourcePosition) {
        self.node = node
        self.path = path
        self.position = node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? fallback
    }

    /// Whether the node is the YAML null (`~`, `null`, or nothing after the colon).
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How the value is shown in messages: the scalar's text, or `a mapping`, `a list`, `nothing`.
    var shown: String {
        switch node {
        case .scalar(let scalar):
            if isNull { return scalar.string.isEmpty ? "nothing" : scalar.string }
            return scalar.style == .plain || scalar.style == .any ? scalar.string : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// A number (see the type's doc comment); finite.
    func number(_ log: DiagnosticLog) -> Quantity? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any, !isNull,
              let value = YAMLValue.decimal(scalar.string)
        else {
            log.error("\(path.subject) must be a number (got \(shown))", at: position, path: path)
            return nil
        }
        guard value.isFinite else {
            log.error("\(path.subject) must be a finite number (got \(shown))", at: position, path: path)
            return nil
        }
        return Quantity(value: value, text: scalar.string, position: position, path: path)
    }

    /// `true` or `false` (plain scalars only; YAML 1.1's yes/no/on/off are not accepted, they are
    /// usually mistakes).
    func boolean(_ log: DiagnosticLog) -> Bool? {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            if scalar.string == "true" { return true }
            if scalar.string == "false" { return false }
        }
        log.error("\(path.subject) must be true or false (got \(shown))", at: position, path: path)
        return nil
    }

    /// A whole number in `Int`'s range.
    func integer(_ log: DiagnosticLog) -> (value: Int, text: String)? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any, !isNull,
              YAMLValue.isIntegerLiteral(scalar.string)
        else {
            log.error("\(path.subject) must be a whole number (got \(shown))", at: position, path: path)
            return nil
        }
        guard let value = Int(scalar.string) else {
            log.error("\(path.subject) is out of range (got \(shown))", at: position, path: path)
            return nil
        }
        return (value, scalar.string)
    }

    /// A whole number in `range`; outside it, records "`path` must be `requirement` (got …)".
    func integer(in range: ClosedRange<Int>, _ log: DiagnosticLog, requirement: String) -> Int? {
        guard let parsed = integer(log) else { return nil }
        guard range.contains(parsed.value) else {
            log.error("\(path.subject) must be \(requirement) (got \(parsed.text))", at: position, path: path)
            return nil
        }
        return parsed.value
    }

    /// A whole number in 0...UInt64.max (seeds).
    func unsignedInteger(_ log: DiagnosticLog) -> UInt64? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any, !isNull,
              YAMLValue.isIntegerLiteral(scalar.string)
        else {
            log.error("\(path.subject) must be a whole number (got \(shown))", at: position, path: path)
            return nil
        }
        guard let value = UInt64(scalar.string.hasPrefix("+") ? String(scalar.string.dropFirst()) : scalar.string) else {
            log.error("\(path.subject) must be a whole number in 0...\(UInt64.max) (got \(shown))",
                      at: position, path: path)
            return nil
        }
        return value
    }

    /// A scalar's text (any style; not null, not a mapping or a list).
    func string(_ log: DiagnosticLog) -> String? {
        guard case .scalar(let scalar) = node, !isNull else {
            log.error("\(path.subject) must be a text value (got \(shown))", at: position, path: path)
            return nil
        }
        return scalar.string
    }

    /// The items of a list, each with its path `path[i]`.
    func sequence(_ log: DiagnosticLog) -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            log.error("\(path.subject) must be a list (got \(shown))", at: position, path: path)
            return nil
        }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, path: path.appending(index: index), fallback: position)
        }
    }

    /// A plain decimal literal: `[+-]digits[.digits][(e|E)[+-]digits]` or `[+-].digits[...]`.
    static func decimal(_ text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "+" || first == "-" { scalars = scalars.dropFirst() }
        let digits = scalars.prefix { ("0"..."9").contains($0) }
        scalars = scalars.dropFirst(digits.count)
        var fraction = 0
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            let fractionDigits = scalars.prefix { ("0"..."9").contains($0) }
            fraction = fractionDigits.count
            scalars = scalars.dropFirst(fraction)
        }
        guard digits.count + fraction > 0 else { return nil }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix { ("0"..."9").contains($0) }
            guard !exponent.isEmpty else { return nil }
            scalars = scalars.dropFirst(exponent.count)
        }
        guard scalars.isEmpty else { return nil }
        return Double(text)
    }

    /// `[+-]digits`.
    static func isIntegerLiteral(_ text: String) -> Bool {
        var body = Substring(text)
        if let first = body.first, first == "+" || first == "-" { body = body.dropFirst() }
        return !body.isEmpty && body.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}

/// A number read from the file (or a default), with what is needed to report a problem with it.
struct Quantity {
    var value: Double
    /// The literal as written (`"200"`), or the default's rendering followed by `(the default)`.
    var text: String
    var position: SourcePosition
    var path: YAMLPath
    /// Whether the value was not written in the file (a documented default).
    var isDefault = false

    /// A default value for `path`, positioned at the mapping that lacks it.
    static func defaulted(_ value: Double, path: YAMLPath, at position: SourcePosition) -> Quantity {
        Quantity(value: value, text: "\(Quantity.render(value)), the default", position: position, path: path,
                 isDefault: true)
    }

    /// `200` for 200.0, `0.1` for 0.1: the shortest text, without a trailing `.0`.
    static func render(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

extension DiagnosticLog {
    /// Records `"<path> <requirement> (got <text>)"` at the quantity unless `condition` holds.
    /// - Returns: `condition`.
    @discardableResult
    func require(_ quantity: Quantity, _ condition: Bool, _ requirement: String) -> Bool {
        if !condition {
            error("\(quantity.path.subject) \(requirement) (got \(quantity.text))", at: quantity.position,
                  path: quantity.path)
        }
        return condition
    }
}
