import BigInt
import Testing
@testable import GameTheory
import Optimization

@Suite("Rational")
struct RationalTests {
    private func parse(_ text: String) -> Rational? { try? Rational.parse(text).get() }

    @Test(arguments: [
        ("3", "3"), ("-3", "-3"), ("+7", "7"), ("-0", "0"), ("2.5", "5/2"), (".5", "1/2"), ("5.", "5"),
        ("-1e-3", "-1/1000"), ("6.02E2", "602"), ("1/3", "1/3"), ("-2/4", "-1/2"), ("0/5", "0"),
        ("0.1", "1/10"), ("1e0", "1"), ("123456789012345678901234567890", "123456789012345678901234567890"),
    ])
    func parsesExactly(text: String, expected: String) {
        #expect(parse(text)?.description == expected)
    }

    @Test(arguments: [
        ("", Rational.ParseFailure.empty), ("3abc", .malformed), ("0x10", .malformed), ("1,5", .malformed),
        ("--1", .malformed), ("1/2/3", .malformed), ("1/-3", .malformed), (" 1", .malformed), ("1 ", .malformed),
        ("inf", .nonFinite), ("-Infinity", .nonFinite), ("NaN", .nonFinite), ("1/0", .zeroDenominator),
        ("1e4001", .exponentOutOfRange), ("e5", .malformed), (".", .malformed), ("1.5/2", .malformed),
    ])
    func rejects(text: String, failure: Rational.ParseFailure) {
        #expect(throws: failure) { try Rational.parse(text).get() }
    }

    @Test func arithmeticStaysReduced() {
        let a = Rational(1, 6), b = Rational(1, 3)
        #expect((a + b).description == "1/2")
        #expect((a - b).description == "-1/6")
        #expect((a * b).description == "1/18")
        #expect((a / b).description == "1/2")
        #expect(Rational(4, -8).description == "-1/2")
        #expect(Rational(0, -8).denominator == 1)
        #expect(Rational(1, 3) < Rational(1, 2))
        #expect(-Rational(1, 3) < Rational.zero)
    }

    @Test func exactDoubleRoundTrips() {
        for value in [0.1, -2.5, 1e-300, 5e-324, 1.7976931348623157e308, 3.0, -0.0] {
            #expect(Rational(exactly: value).doubleValue == value)
        }
    }

    /// `doubleValue` is the nearest double: it agrees with the standard library's correctly rounded
    /// decimal parser on seeded random decimals, including ones with far more than 53 bits.
    @Test func doubleValueIsCorrectlyRounded() {
        var generator = SplitMix64(seed: 20261124)
        for _ in 0..<2000 {
            let digits = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
                String(Int.random(in: 0...9, using: &generator))
            }.joined()
            let exponent = Int.random(in: -320...300, using: &generator)
            let text = "\(Bool.random(using: &generator) ? "-" : "")\(digits)e\(exponent)"
            let expected = Double(text)!
            #expect(parse(text)?.doubleValue == expected, "\(text)")
        }
        #expect(parse("5.3876272295315975e+172")?.doubleValue == 5.3876272295315975e+172)
    }
}
