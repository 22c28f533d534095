import Foundation
import Simulation
import Yams

/// Reads scenario files (YAML) into `SimulationConfig`s, reporting every problem of a file at once
/// with its position and key path.
///
/// The format (DESIGN.md, "Scenario files"; a user's guide is `docs/scenario-format.md`). Keys are
/// snake_case with unit suffixes; unknown keys are errors (with the nearest known key suggested).
/// Optional keys take the defaults of the Swift configuration types, shown here:
/// ```
/// version: 1                      # required; the only format version
/// name: highway-merge             # required; letters, digits, - _ . (names results/<name>/)
/// seed: 42                        # required; 0...2^64-1
/// dt_s: 0.1                       # required; > 0, a whole number of milliseconds
/// duration_s: 40                  # required; >= dt_s, at most 10^7 steps
/// world:                          # required
///   type: highway-merge           # required; highway-merge or workspace (read first: the keys of
///                                 # world, agents and controller depend on it)
///   lane_width_m: 3.5             # > 0
///   main_length_m: 1000           # > merge_end_m
///   ramp_length_m: 150            # > 0
///   merge_start_m: 300            # > 0, < merge_end_m
///   merge_end_m: 450              # < main_length_m
///   speed_limit_mps: 30           # > 0; the default desired speed
/// agents:                         # required; may be [] when traffic generates cars
///   - id: r1                      # required; unique; letters, digits, - _ .
///     route: ramp                 # required; main | ramp
///     s_m: 60                     # required; >= 0, distance along the route, start on the route
///     speed_mps: 20               # required; >= 0
///     desired_speed_mps: 28       # > 0; default: the speed limit
///     length_m: 4.5               # > 0
///     width_m: 1.8                # > 0
///     controller: {max_accel_mps2: 3}   # overrides of the top-level controller block
/// traffic:                        # optional; cars generated from the seed
///   main: {count: 10, min_headway_s: 1.5, mean_headway_s: 3, speed_min_mps: 22, speed_max_mps: 28,
///          desired_speed_min_mps: 26, desired_speed_max_mps: 30, start_time_s: 0}
///   ramp: {...}                   # same keys; count, speed_min_mps, speed_max_mps required
/// controller:                     # optional; defaults for every car
///   horizon: 20                   # control steps, 2...1000
///   max_accel_mps2: 2.5           # > 0
///   max_brake_mps2: 6             # > 0 (a positive number)
///   max_jerk_mps3: 10             # > 0
///   min_gap_m: 2                  # >= 0
///   time_headway_s: 1.0           # >= 0
///   lane_change_s: 3              # > 0
///   weights: {speed: 1, accel: 0.5, jerk: 0.1}   # >= 0; accel and jerk not both 0
/// communication: {latency_s: 0.1, drop_rate: 0.0, range_m: 150}   # >= 0, [0, 1], > 0
/// game: {selection: fcfs}         # fcfs (first come, first served)
/// ```
/// A workspace scenario (`world.type: workspace`; `traffic:` is an error there, as `formation:`
/// is on a highway):
/// ```
/// world: {type: workspace, width_m: 20, height_m: 20,          # > 0; centred on the origin
///         obstacles: [{type: circle, center: [0, 0], radius_m: 1},   # radius > 0
///                     {type: box, min: [2, -1], max: [3, 2]}]}       # max > min on both axes
/// agents:                         # required; may be [] when a formation generates robots
///   - {id: a, start: [-5, 0], goal: [5, 3], radius_m: 0.3,   # discs inside, clear of obstacles
///      max_speed_mps: 0.8, max_accel_mps2: 1.5}              # > 0; default: the controller's
/// formation:                      # optional; robots r00, r01, ... generated from the seed
///   {type: circle-swap, count: 8, radius_m: 4, robot_radius_m: 0.25}
///   # or {type: crossing, count_per_group, spacing_m, distance_m, robot_radius_m?}
///   # or {type: random-tasks, count, min_spacing_m, robot_radius_m?}
/// controller: {horizon: 20, max_speed_mps: 1.0, max_accel_mps2: 1.0, safety_margin_m: 0.05,
///              goal_tolerance_m: 0.05, goal_speed_tolerance_mps: 0.05, position_weight: 1,
///              terminal_weight: 10, accel_weight: 0.5}
/// ```
/// Numbers are plain decimal literals (`40`, `0.1`, `1e3`); quoted numbers, `.inf`, `.nan`,
/// hexadecimal and `_` separators are errors. An optional key set to null (`~`, or nothing) takes
/// its default. Anchors, aliases and merge keys (`<<: *defaults`) may be used.
///
/// Diagnostics: positions are 1-based (columns count Unicode scalars); key paths index lists from 0
/// (`agents[0].s_m`). A YAML syntax error is reported alone (nothing after it can be read
/// reliably); otherwise every problem of the file is reported, in the order of the file.
public enum ScenarioLoader {
    /// The longest run a scenario may ask for, in control steps (`duration_s / dt_s`); the command
    /// line applies it to `--duration` too.
    public static var maximumSteps: Int { ScenarioParser.maximumSteps }

    /// Reads and checks the scenario file at `path`; diagnostics name the file as `path`.
    /// - Throws: `ScenarioFileError` when the file cannot be read or is not UTF-8;
    ///   `ScenarioDiagnostics` when the scenario is invalid.
    public static func load(path: String) throws -> SimulationConfig {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ScenarioFileError(path: path, reason: FileManager.default.fileExists(atPath: path)
                ? "cannot read the file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioFileError(path: path, reason: "not UTF-8 text")
        }
        return try load(text: text, fileName: path)
    }

    /// Checks the scenario `text`; diagnostics name it `fileName`.
    /// - Throws: `ScenarioDiagnostics` (never empty) when the scenario is invalid.
    public static func load(text: String, fileName: String) throws -> SimulationConfig {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        let root: Node
        do {
            // An explicit encoding: with the default one, Yams reads YAMS_DEFAULT_ENCODING and prints
            // to stdout when it is set (libraries never print).
            root = try Yams.compose(yaml: text, .default, .default, .utf8) ?? Node("", .implicit, .plain)
        } catch {
            throw ScenarioDiagnostics([YAMLSyntaxError.diagnostic(for: error, text: text, file: fileName)])
        }
        let log = DiagnosticLog(file: fileName)
        let parser = ScenarioParser(log: log)
        let config = parser.parse(YAMLValue(node: root, path: .root, fallback: .start))
        guard let config, log.isEmpty else {
            throw ScenarioDiagnostics(log.sortedDiagnostics)
        }
        return config
    }
}
