import BigInt

/// How numbers are written in every output of this module (standard library only).
///
/// - `shortest`: the shortest decimal that reads back as the same `Double`, in plain notation
///   (`0.1`, `1`, `-2.5`, `0.00001`, `12345678901234567000`) when the decimal exponent is within
///   `plainExponentRange`, in JSON-compatible exponent notation outside it (`1e-300`, `1.5e+25`).
///   Integers have no `.0`; `-0` is written `0`. Callers must not pass NaN or infinity.
/// - `rounded(_:places:)`: for people; at most `places` decimals, trailing zeros dropped.
/// - `exactDecimal(_:)`: a rational written exactly as a terminating decimal, when it is one.
public enum NumberFormatting {
    /// Plain notation is used for `|x|` in `[1e-12, 1e21)`.
    public static let plainExponentRange = -11...21

    /// The shortest round-trip decimal of a finite double. - Precondition: `x.isFinite`.
    public static func shortest(_ x: Double) -> String {
        precondition(x.isFinite, "cannot format a non-finite number")
        if x == 0 { return "0" }
        // Swift's description is the shortest round-trip form; rewrite it without exponent.
        var text = Substring(x.description)
        var negative = false
        if text.first == "-" { negative = true; text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0].utf8) + (parts.count > 1 ? Array(parts[1].utf8) : [])
        // value = 0.d1d2d3... × 10^point
        var point = parts[0].utf8.count + exponent
        while digits.first == UInt8(ascii: "0") { digits.removeFirst(); point -= 1 }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return "0" }
        let sign = negative ? "-" : ""
        let d = String(decoding: digits, as: UTF8.self)
        if !plainExponentRange.contains(point) {
            let mantissa = digits.count == 1 ? d : "\(d.prefix(1)).\(d.dropFirst())"
            let e = point - 1
            return "\(sign)\(mantissa)e\(e < 0 ? "-" : "+")\(abs(e))"
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + d }
        if point >= digits.count { return sign + d + String(repeating: "0", count: point - digits.count) }
        return sign + d.prefix(point) + "." + d.dropFirst(point)
    }

    /// `x` rounded to at most `places` decimals (trailing zeros dropped), for people.
    /// Values too large to round this way are written by `shortest`. - Precondition: `x.isFinite`.
    public static func rounded(_ x: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        guard abs(x) * scale < 9e15 else { return shortest(x) }
        return shortest((x * scale).rounded() / scale)
    }

    /// The exact terminating decimal of `r` (`"0.1"`, `"-2.25"`, `"3"`), or nil when `r` has no
    /// terminating decimal expansion or needs more than `maximumFractionDigits` decimals.
    public static func exactDecimal(_ r: Rational, maximumFractionDigits: Int = 30) -> String? {
        if r.isInteger { return r.numerator.description }
        var d = r.denominator
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        let places = max(twos, fives)
        guard d == 1, places <= maximumFractionDigits else { return nil }
        let scaled = r.numerator * BigInt(10).power(places) / r.denominator
        var digits = scaled.magnitude.description
        if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
        let integerPart = digits.dropLast(places), fractionPart = digits.suffix(places)
        return (r.signum < 0 ? "-" : "") + integerPart + "." + fractionPart
    }

    /// How an exact payoff is written in files: an integer or a short exact decimal as is,
    /// otherwise a fraction (`1/3`). Every form reads back exactly with `Rational.parse`.
    static func exactEntry(_ r: Rational) -> String {
        exactDecimal(r, maximumFractionDigits: 12) ?? r.description
    }
}

/// `s` as a JSON string literal: quotes, backslashes and control characters escaped; every other
/// character (including non-ASCII) written as is in UTF-8.
func jsonQuoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
            let hex = String(scalar.value, radix: 16, uppercase: false)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// A JSON number for a finite double (`shortest`), `null` for NaN or infinity.
func jsonNumber(_ x: Double) -> String { x.isFinite ? NumberFormatting.shortest(x) : "null" }
