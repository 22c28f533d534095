/// What a controller decided at one step, handed back to the world.
public struct CarCommand: Sendable {
    /// Acceleration to hold over the next step [m/s²] (admissible and inside the safety envelope).
    public var acceleration: Double
    /// The lane change to begin now, if any.
    public var laneChange: LaneChangePath?
    /// The message to broadcast.
    public var intent: IntentMessage
    /// The decision for the `decision` column.
    public var decision: DecisionKind
    /// Events of this decision (merge decisions, lane change, fallback...), at the decision time.
    public var events: [SimulationEvent]
    /// Wall time of the QP solve [s] (not part of any record: it varies from run to run).
    public var solveTime: Double
    /// Active-set changes of the QP solve.
    public var iterations: Int
    /// The QP failed and the fallback (strongest allowed braking) was applied.
    public var usedFallback: Bool
    /// The safety envelope changed the MPC's command.
    public var envelopeIntervened: Bool
    /// The accelerations of the plan broadcast [m/s²], one per step of the horizon (the QP's plan,
    /// or the braking plan actually applied).
    public var plan: [Double] = []
    /// The MPC objective of the QP's plan [cost units]; +infinity when the QP was not solved.
    public var cost: Double = .infinity
    /// The merge assessment behind the decision (the Nash gap's best response keeps it).
    var merge: MergeAssessment? = nil
}
