import BigInt

/// An exact rational number `numerator / denominator` with arbitrary-precision integers.
///
/// Invariants: `denominator > 0` and `gcd(numerator, denominator) == 1`; zero is `0/1`.
/// Arithmetic never overflows (the integers grow as needed) and never rounds.
public struct Rational: Sendable, Hashable, Comparable {
    public let numerator: BigInt
    public let denominator: BigInt

    /// `numerator / denominator`, reduced. - Precondition: `denominator != 0`.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "Rational with zero denominator")
        var n = numerator
        var d = denominator
        if d.signum() < 0 { n.negate(); d.negate() }
        let g = n.magnitude.greatestCommonDivisor(with: d.magnitude)
        if g != 1 && !g.isZero {
            n /= BigInt(g)
            d /= BigInt(g)
        }
        if n.isZero { d = 1 }
        self.numerator = n
        self.denominator = d
    }

    /// Builds from parts already in lowest terms with a positive denominator (no gcd work).
    @usableFromInline
    init(reduced numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(_ value: Int) { self.init(reduced: BigInt(value), 1) }
    public init(_ value: BigInt) { self.init(reduced: value, 1) }

    /// The exact value of a finite `Double` (every finite double is a dyadic rational).
    /// - Precondition: `value.isFinite`.
    public init(exactly value: Double) {
        precondition(value.isFinite, "Rational(exactly:) needs a finite Double")
        if value == 0 { self.init(0); return }
        let significand = BigInt(value.significandBitPattern) | (value.isNormal ? BigInt(1) << 52 : 0)
        var exponent = Int(value.exponent) - 52
        if !value.isNormal { exponent = -1074 }
        let signed = value < 0 ? -significand : significand
        if exponent >= 0 {
            self.init(reduced: signed << exponent, 1)
        } else {
            self.init(signed, BigInt(1) << -exponent)
        }
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    public var isZero: Bool { numerator.isZero }
    public var isInteger: Bool { denominator == 1 }
    /// -1, 0 or 1.
    public var signum: Int { Int(numerator.signum()) }

    /// The nearest `Double` (correctly rounded, ties to even; within one unit in the last place for
    /// subnormal results; ±infinity beyond the range of `Double`).
    public var doubleValue: Double {
        if numerator.isZero { return 0 }
        let magnitude = numerator.magnitude, divisor = denominator.magnitude
        if magnitude.bitWidth <= 53 && divisor.bitWidth <= 53 {
            return Double(numerator) / Double(denominator)  // both exact, one correctly rounded division
        }
        // q = floor(|n| * 2^shift / d) carries at least 65 significant bits; keep the top 53, round
        // to nearest-even on the rest, with any remainder of the division acting as a sticky bit.
        let shift = 66 - (magnitude.bitWidth - divisor.bitWidth)
        let (quotient, remainder) = shift >= 0
            ? (magnitude << shift).quotientAndRemainder(dividingBy: divisor)
            : magnitude.quotientAndRemainder(dividingBy: divisor << -shift)
        let dropped = quotient.bitWidth - 53
        var mantissa = quotient >> dropped
        let rest = quotient - (mantissa << dropped)
        let half = BigUInt(1) << (dropped - 1)
        if rest > half || (rest == half && (!remainder.isZero || mantissa & 1 == 1)) { mantissa += 1 }
        let result = Double(sign: .plus, exponent: dropped - shift, significand: Double(UInt64(mantissa)))
        return numerator.signum() < 0 ? -result : result
    }

    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator {
            return Rational(a.numerator + b.numerator, a.denominator)
        }
        return Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
    public static prefix func - (a: Rational) -> Rational { Rational(reduced: -a.numerator, a.denominator) }
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    /// - Precondition: `b` is not zero.
    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    public var magnitude: Rational { numerator.signum() < 0 ? -self : self }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: CustomStringConvertible {
    /// `"3"`, `"-1/3"`: the exact form used in every output.
    public var description: String {
        denominator == 1 ? numerator.description : "\(numerator)/\(denominator)"
    }
}
