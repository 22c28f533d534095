import Foundation

/// A temporary folder for end-to-end tests of `run` and `validate`, with scenario files in it.
struct ScenarioScratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nashsim-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the folder and returns its URL.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func read(_ name: String) -> String? { try? String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }
    func data(_ name: String) -> Data? { try? Data(contentsOf: url.appendingPathComponent(name)) }
    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(folder).path)) ?? []).sorted()
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }

    /// The shipped scenarios (`scenarios/*.yaml`), as paths relative to the repository root.
    static var shippedScenarios: [String] {
        let folder = NashSimBinary.repositoryRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "scenarios/\($0)" }
    }

    /// The shipped scenarios `nashsim run` simulates in this build. Workspace scenarios validate but
    /// are left out until the workspace world loop is wired into `run` (drop this filter then).
    static var shippedRunnableScenarios: [String] {
        shippedScenarios.filter { file in
            let text = (try? String(contentsOf: NashSimBinary.repositoryRoot.appendingPathComponent(file), encoding: .utf8)) ?? ""
            return !text.contains("type: workspace")
        }
    }

    /// A small valid scenario: two main-lane cars and one ramp car, two simulated seconds.
    static let small = """
        version: 1
        name: e2e-small
        seed: 3
        dt_s: 0.1
        duration_s: 2
        world:
          type: highway-merge
          main_length_m: 600
          ramp_length_m: 100
          merge_start_m: 200
          merge_end_m: 320
          speed_limit_mps: 25
        agents:
          - {id: m1, route: main, s_m: 120, speed_mps: 22}
          - {id: m2, route: main, s_m: 80, speed_mps: 22}
          - {id: r1, route: ramp, s_m: 40, speed_mps: 18}

        """
}
