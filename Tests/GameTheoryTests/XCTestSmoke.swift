import XCTest
@testable import GameTheory

/// The XCTest case that keeps XCTest's closing line in `swift test` (the rest is Swift Testing).
final class XCTestSmoke: XCTestCase {
    func testMatchingPenniesHasExactlyOneEquilibriumAtOneHalf() {
        let game = ClassicGames.named("matching-pennies")!
        let report = EquilibriumEnumerator().allEquilibria(of: game)
        XCTAssertEqual(report.equilibria.count, 1)
        XCTAssertEqual(report.equilibria.first?.rowExact, [Rational(1, 2), Rational(1, 2)])
        XCTAssertEqual(report.equilibria.first?.columnExact, [Rational(1, 2), Rational(1, 2)])
        XCTAssertEqual(report.isDegenerate, false)
        XCTAssertTrue(report.isComplete)
    }
}
