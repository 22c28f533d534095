/// The controller's fixed assumptions and margins, with their documented defaults. They are not
/// scenario keys: they describe the sensor, the cooperation protocol and the safety margins of
/// this controller design, and every car of a run shares them.
public struct ControllerTuning: Sendable, Hashable {
    /// Sensors report every car whose centre is within this distance [m] (centre to centre),
    /// with its exact position, heading and speed and its footprint.
    public var sensorRange: Double = 150
    /// An intent is *fresh* while its age (in control steps) is at most the network's delay plus
    /// this many steps; older intents are stale.
    public var freshnessSlackSteps: Int = 3
    /// Without a fresh intent, a car ahead is predicted to brake at this rate [m/s²] from its
    /// sensed speed (or per its last intent when that is more pessimistic).
    public var stalePredictionDeceleration: Double = 1.5
    /// Extra gap kept to a car ahead predicted without a fresh intent [m].
    public var staleExtraGap: Double = 2
    /// A car takes a place behind another in the merge order only if it can do so braking at
    /// most at this rate [m/s²] (see ``MergeCoordinator``).
    public var comfortDeceleration: Double = 2.5
    /// A car that has taken such a place keeps it while it can braking at most at this rate
    /// [m/s²], and its MPC may brake this hard to keep it (cooperation is never more urgent than
    /// that; safety never depends on it).
    public var firmDeceleration: Double = 3.5
    /// A main-lane car that lets a ramp car go first opens the gap the merging car's gap
    /// acceptance asks of its new follower (see `GapAcceptance`, computed at the yielding car's
    /// speed) plus this margin [m].
    public var yieldExtraGap: Double = 2
    /// Clearance the safety envelope keeps between bumpers at standstill [m].
    public var safetyGap: Double = 0.5
    /// Margin [m] on the gap a car must be able to open to take its place behind another in
    /// the merge order (see ``MergeCoordinator``).
    public var contestGap: Double = 1
    /// Time [s] over which a car may brake comfortably to take its place behind another in the
    /// merge order (see ``MergeCoordinator``).
    public var contestPassTime: Double = 5
    /// Control steps a main-lane car is assumed to keep accelerating (at its maximum) before it
    /// reacts to a car that starts changing into its lane, on top of the network delay:
    /// detection by sensing takes one step, the reaction one more.
    public var reactionSteps: Int = 2
    /// Cars contest the merge from this distance upstream of `mergeStart` [m] to `mergeEnd`.
    public var contestUpstream: Double = 200
    /// Speed floor of the arrival-time prediction [m/s] (a standing car arrives, or has arrived,
    /// at most |distance| / floor seconds from now).
    public var arrivalSpeedFloor: Double = 1
    /// The MPC's hard upper speed bound is the desired speed plus this [m/s].
    public var speedBoundMargin: Double = 3
    /// Every MPC constraint is tightened by this much [m or m/s] so that the solver's tolerance
    /// (relative 1e-12 of the data, far below it) can never let a real constraint be violated.
    public var constraintTightening: Double = 1e-6
    /// The road beyond sensor range is assumed to hold a stopped car whose rear is this far
    /// inside the range [m]: a car always keeps the ability to stop within what it sees.
    public var unseenObstacleSetback: Double = 10
    /// The merge game: what reversing a pair's previous merge order costs each of the two cars
    /// [MPC cost units; one unit is 1 (m/s)² of speed error for one step] (see `MergeGamePolicy`).
    public var mergeSwitchCost: Double = 20

    public init() {}

    /// The defaults.
    public static let standard = ControllerTuning()
}
