import XCTest
@testable import Simulation

/// One XCTest case, so that `swift test` prints the XCTest runner's closing line too.
final class SimulationXCTests: XCTestCase {
    func testDefaultConfigurationRunsOneStep() {
        let simulation = HighwayMergeSimulation(config: TestScenarios.contestedMerge(duration: 0.1))
        XCTAssertFalse(simulation.isFinished)
        let record = simulation.step()
        XCTAssertEqual(record.step, 1)
        XCTAssertEqual(record.samples.count, 7)
        XCTAssertTrue(simulation.isFinished)
    }
}
