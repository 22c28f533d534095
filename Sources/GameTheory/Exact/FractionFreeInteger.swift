import BigInt

/// The integer arithmetic that fraction-free (Bareiss) elimination needs, with overflow made visible.
///
/// Two conformances: `Int` (fast; every operation reports overflow as `nil`, so an overflow can never
/// corrupt a result silently: callers rerun the whole computation with `BigInt`) and `BigInt` (never
/// overflows, never returns `nil`).
protocol FractionFreeInteger: Hashable, Sendable {
    static var zeroValue: Self { get }
    static var oneValue: Self { get }
    /// `a * b`, or nil on overflow.
    static func checkedProduct(_ a: Self, _ b: Self) -> Self?
    /// `a - b`, or nil on overflow.
    static func checkedDifference(_ a: Self, _ b: Self) -> Self?
    /// `a + b`, or nil on overflow.
    static func checkedSum(_ a: Self, _ b: Self) -> Self?
    /// `a / b` when `b` divides `a` exactly. - Precondition: `b != 0`.
    static func exactQuotient(_ a: Self, _ b: Self) -> Self?
    /// -1, 0 or 1.
    var sign: Int { get }
    /// `-self`, or nil on overflow.
    var checkedNegation: Self? { get }
    var asBigInt: BigInt { get }
}

extension Int: FractionFreeInteger {
    static var zeroValue: Int { 0 }
    static var oneValue: Int { 1 }
    @inline(__always) static func checkedProduct(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }
    @inline(__always) static func checkedDifference(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? nil : r
    }
    @inline(__always) static func checkedSum(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }
    @inline(__always) static func exactQuotient(_ a: Int, _ b: Int) -> Int? {
        let (r, o) = a.dividedReportingOverflow(by: b)   // Int.min / -1 overflows
        return o ? nil : r
    }
    var sign: Int { signum() }
    var checkedNegation: Int? { self == .min ? nil : -self }
    var asBigInt: BigInt { BigInt(self) }
}

extension BigInt: FractionFreeInteger {
    static var zeroValue: BigInt { 0 }
    static var oneValue: BigInt { 1 }
    static func checkedProduct(_ a: BigInt, _ b: BigInt) -> BigInt? { a * b }
    static func checkedDifference(_ a: BigInt, _ b: BigInt) -> BigInt? { a - b }
    static func checkedSum(_ a: BigInt, _ b: BigInt) -> BigInt? { a + b }
    static func exactQuotient(_ a: BigInt, _ b: BigInt) -> BigInt? { a / b }
    var sign: Int { Int(signum()) }
    var checkedNegation: BigInt? { -self }
    var asBigInt: BigInt { self }
}
