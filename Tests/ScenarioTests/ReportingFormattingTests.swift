import Foundation
@testable import Reporting
import Testing

@Suite("Reporting: number and text formatting")
struct ReportingFormattingTests {
    @Test("fixed decimals: plain, rounded, no negative zero", arguments: [
        (0.0, 4, "0.0000"), (-0.0, 4, "0.0000"), (-0.00004, 4, "0.0000"), (-0.00005, 4, "-0.0001"),
        (1.5, 4, "1.5000"), (-1.5, 4, "-1.5000"), (0.1, 3, "0.100"), (2.0 / 3.0, 4, "0.6667"),
        (1e-7, 4, "0.0000"), (123456789.123456, 4, "123456789.1235"), (42, 0, "42"), (-2.5, 0, "-3"),
        (1e20, 2, "100000000000000000000.00"), (-3e19, 1, "-30000000000000000000.0"),
    ])
    func fixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(FixedDecimal.format(value, decimals: decimals) == expected)
    }

    @Test("compact figures print whole values as integers")
    func compact() {
        #expect(FixedDecimal.formatCompact(12, decimals: 4) == "12")
        #expect(FixedDecimal.formatCompact(-3, decimals: 4) == "-3")
        #expect(FixedDecimal.formatCompact(12.5, decimals: 4) == "12.5000")
    }

    @Test("seeded random values: always digits, one point, the right decimals, within half a unit",
          arguments: [UInt64(1), 2, 3])
    func fixedDecimalProperty(seed: UInt64) {
        var random = LoaderTestRandom(seed: seed)
        for index in 0..<2000 {
            let magnitude = Double.random(in: -12...12, using: &random)
            let value = (Bool.random(using: &random) ? 1 : -1) * pow(10, magnitude)
            let decimals = Int.random(in: 0...6, using: &random)
            let text = FixedDecimal.format(value, decimals: decimals)
            let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            let wellFormed = !body.isEmpty && parts.count == (decimals > 0 ? 2 : 1)
                && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
                && (decimals == 0 || parts[1].count == decimals)
            #expect(wellFormed, "seed \(seed), case \(index): \(value) → \(text)")
            let unit = pow(10, Double(-decimals))
            #expect(abs((Double(text) ?? .nan) - value) <= unit / 2 * (1 + 1e-9) + abs(value) * 1e-15,
                    "seed \(seed), case \(index): \(value) → \(text)")
            #expect(Double(text) != 0 || !text.hasPrefix("-"), "negative zero: seed \(seed), case \(index)")
        }
    }

    @Test("RFC 4180 quoting", arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("cr\rx", "\"cr\rx\""), (" padded", "\" padded\""), ("", ""),
    ])
    func csvQuoting(field: String, expected: String) {
        #expect(CSVField.escape(field) == expected)
    }

    @Test("JSON strings escape quotes, backslashes and control characters")
    func jsonStrings() {
        #expect(JSONText.quoted("a\"b\\c\nd\u{1}é") == "\"a\\\"b\\\\c\\nd\\u0001é\"")
    }

    @Test("solve-time percentiles use the nearest rank, in milliseconds")
    func percentiles() {
        let stats = SolveTimeStatistics(solveTimes: [0.004, 0.001, 0.003, 0.002])
        #expect(stats.p50 == 2 && stats.p95 == 4 && stats.max == 4)
        let many = SolveTimeStatistics(solveTimes: (1...100).map { Double($0) / 1000 })
        #expect(many.p50 == 50 && many.p95 == 95 && many.max == 100)
        #expect(SolveTimeStatistics(solveTimes: []) == SolveTimeStatistics(solveTimes: [.nan]))
        #expect(SolveTimeStatistics(solveTimes: []).p50 == nil)
    }
}
