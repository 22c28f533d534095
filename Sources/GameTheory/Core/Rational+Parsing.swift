import BigInt

extension Rational {
    /// Why a payoff entry could not be read as a number.
    public enum ParseFailure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        /// Infinity or NaN in any spelling: payoffs must be finite.
        case nonFinite
        /// A fraction with a zero denominator.
        case zeroDenominator
        /// A decimal exponent beyond ±`Rational.maximumDecimalExponent`.
        case exponentOutOfRange
        /// Anything else: `3abc`, `0x10`, `1,5`, `--1`, `1/2/3`.
        case malformed
        /// A payoff whose magnitude exceeds `BimatrixGame.maximumPayoffMagnitude` (`parsePayoff` only).
        case payoffTooLarge

        public var description: String {
            switch self {
            case .empty: "empty entry"
            case .nonFinite: "payoffs must be finite numbers"
            case .zeroDenominator: "fraction with a zero denominator"
            case .exponentOutOfRange: "exponent out of range (at most ±\(Rational.maximumDecimalExponent))"
            case .malformed: "not a number (expected an integer, a decimal like 2.5 or -1e-3, or a fraction like 1/3)"
            case .payoffTooLarge: "payoff too large: payoffs must lie within ±1e30"
            }
        }
    }

    /// The largest decimal exponent accepted by `parse` (keeps `1e999999999` from exhausting memory).
    public static let maximumDecimalExponent = 4000

    /// Parses a whole entry exactly: an integer (`-3`, `+7`), a decimal (`2.5`, `.5`, `-1e-3`, `6.02E23`)
    /// or a fraction of integers (`1/3`, `-2/4`). `-0` is 0. Nothing else is accepted: no surrounding
    /// spaces, no hex, no decimal comma, no `inf`/`nan`.
    public static func parse<S: StringProtocol>(_ text: S) -> Result<Rational, ParseFailure> {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return .failure(.empty) }
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            guard let n = parseInteger(bytes[..<slash], allowSign: true),
                  let d = parseInteger(bytes[(slash + 1)...], allowSign: false)
            else { return .failure(looksNonFinite(bytes) ? .nonFinite : .malformed) }
            if d.isZero { return .failure(.zeroDenominator) }
            return .success(Rational(n, d))
        }
        return parseDecimal(bytes[...])
    }

    /// `parse`, restricted to payoffs: also rejects magnitudes above
    /// `BimatrixGame.maximumPayoffMagnitude` (`payoffTooLarge`), so a game read from text always
    /// satisfies the game's invariants.
    public static func parsePayoff<S: StringProtocol>(_ text: S) -> Result<Rational, ParseFailure> {
        parse(text).flatMap { value in
            value.magnitude > BimatrixGame.maximumPayoffMagnitudeExact ? .failure(.payoffTooLarge) : .success(value)
        }
    }

    private static func looksNonFinite(_ bytes: [UInt8]) -> Bool {
        let word = String(decoding: bytes, as: UTF8.self).lowercased()
            .trimmingPrefix(while: { $0 == "+" || $0 == "-" })
        return ["inf", "infinity", "nan", "∞"].contains(String(word))
    }

    /// Optional sign then at least one ASCII digit, nothing else.
    private static func parseInteger(_ bytes: ArraySlice<UInt8>, allowSign: Bool) -> BigInt? {
        var digits = bytes
        var negative = false
        if allowSign, let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        guard let value = BigInt(String(decoding: digits, as: UTF8.self), radix: 10) else { return nil }
        return negative ? -value : value
    }

    private static func parseDecimal(_ bytes: ArraySlice<UInt8>) -> Result<Rational, ParseFailure> {
        var rest = bytes
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        let mantissaEnd = rest.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) ?? rest.endIndex
        let mantissa = rest[..<mantissaEnd]
        var exponent = 0
        if mantissaEnd != rest.endIndex {
            guard let e = parseInteger(rest[(mantissaEnd + 1)...], allowSign: true) else {
                return .failure(.malformed)
            }
            guard e.magnitude <= BigUInt(maximumDecimalExponent) else { return .failure(.exponentOutOfRange) }
            exponent = Int(e)
        }
        let point = mantissa.firstIndex(of: UInt8(ascii: "."))
        let integerPart = point.map { mantissa[..<$0] } ?? mantissa
        let fractionPart = point.map { mantissa[($0 + 1)...] } ?? []
        guard integerPart.count + fractionPart.count > 0,
              integerPart.allSatisfy(isDigit), fractionPart.allSatisfy(isDigit)
        else { return .failure(looksNonFinite(Array(bytes)) ? .nonFinite : .malformed) }
        let digits = String(decoding: integerPart + fractionPart, as: UTF8.self)
        guard var value = BigInt(digits, radix: 10) else { return .failure(.malformed) }
        if negative { value.negate() }
        let scale = exponent - fractionPart.count
        if scale >= 0 {
            return .success(Rational(value * BigInt(10).power(scale), 1))
        }
        return .success(Rational(value, BigInt(10).power(-scale)))
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
