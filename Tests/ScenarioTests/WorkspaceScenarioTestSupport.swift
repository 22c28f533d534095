/// A complete, valid workspace scenario used as the base of the workspace loader tests (line
/// numbers matter: tests quote them).
let workspaceBaseScenario = """
    version: 1
    name: ws-test
    seed: 5
    dt_s: 0.1
    duration_s: 30
    world:
      type: workspace
      width_m: 12
      height_m: 8
      obstacles:
        - {type: circle, center: [0, 0], radius_m: 1}
        - {type: box, min: [2, -1], max: [3, 2]}
    agents:
      - id: a
        start: [-5, 0]
        goal: [5, 3]
        radius_m: 0.3
      - {id: b, start: [-5, 2], goal: [5, -3], radius_m: 0.25, max_speed_mps: 0.8, max_accel_mps2: 1.5}
    controller:
      horizon: 15
      max_speed_mps: 1.2
      safety_margin_m: 0.1
    communication: {latency_s: 0.1, drop_rate: 0.0, range_m: 20}

    """

/// `workspaceBaseScenario` with `old` replaced by `new` (which must occur exactly once).
func workspaceScenario(replacing old: String, with new: String, in text: String = workspaceBaseScenario) -> String {
    loaderScenario(replacing: old, with: new, in: text)
}

/// A small workspace scenario header (lines 1–6) followed by `body` from line 7.
func workspaceScenario(body: String) -> String {
    """
    version: 1
    name: ws
    seed: 1
    dt_s: 0.1
    duration_s: 10
    world: {type: workspace, width_m: 10, height_m: 10}

    """ + body
}
