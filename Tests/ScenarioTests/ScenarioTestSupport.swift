import Foundation
@testable import Scenario
import Simulation
import Optimization

/// A complete, valid scenario used as the base of the loader tests (line numbers matter: tests
/// quote them).
let loaderBaseScenario = """
    version: 1
    name: merge-test
    seed: 7
    dt_s: 0.1
    duration_s: 20
    world:
      type: highway-merge
      lane_width_m: 3.5
      main_length_m: 800
      ramp_length_m: 120
      merge_start_m: 250
      merge_end_m: 400
      speed_limit_mps: 28
    agents:
      - id: m1
        route: main
        s_m: 150
        speed_mps: 25
      - id: r1
        route: ramp
        s_m: 60
        speed_mps: 20
        desired_speed_mps: 27
        length_m: 5
        controller: {max_accel_mps2: 3.5}
    controller:
      horizon: 25
      max_brake_mps2: 7
    communication: {latency_s: 0.2, drop_rate: 0.1, range_m: 120}
    game: {selection: fcfs}

    """

/// Loads `text`, returning the diagnostics' descriptions (empty when it loads).
func loaderDiagnostics(of text: String, file: String = "s.yaml") -> [String] {
    do {
        _ = try ScenarioLoader.load(text: text, fileName: file)
        return []
    } catch let error as ScenarioDiagnostics {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected error: \(error)"]
    }
}

/// `loaderBaseScenario` with `old` replaced by `new` (which must occur exactly once).
func loaderScenario(replacing old: String, with new: String, in text: String = loaderBaseScenario) -> String {
    precondition(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
    return text.replacingOccurrences(of: old, with: new)
}

/// The project's seeded generator (SplitMix64), so every random input is reproducible from its seed.
typealias LoaderTestRandom = SplitMix64
