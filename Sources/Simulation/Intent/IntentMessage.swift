/// What a car broadcasts every control step: its planned trajectory over the horizon and its
/// current decision. Receivers use it to predict the sender (see `NeighbourPredictor`) and to
/// agree on the merge order.
///
/// The plan is in stations (see ``HighwayGeometry``): `stations[k]` and `speeds[k]` are the
/// sender's planned station [m] and speed [m/s] at `sentTime + k·dt`, k = 0…N, where N is the
/// sender's horizon; `stations[0]` is where the sender was when it decided.
///
/// Immutable, and a class: one message reaches many receivers and sits in their memories, so
/// sharing it costs one reference each instead of copies of its arrays.
public final class IntentMessage: BroadcastMessage {
    public let sender: AgentID
    /// Control step at which the sender decided (its clock: `sentTime = sentStep · dt`).
    public let sentStep: Int
    /// The sender's lane when it decided.
    public let lane: LaneKind
    /// Planned stations [m], N + 1 entries.
    public let stations: [Double]
    /// Planned speeds [m/s], N + 1 entries.
    public let speeds: [Double]
    /// The sender's current decision in the merge.
    public let decision: IntentDecision
    /// The sender's strongest braking [m/s²] (> 0), for receivers' worst-case predictions.
    public let maxBrake: Double
    /// The sender's desired speed [m/s] (the merge game predicts its costs with it).
    public let desiredSpeed: Double
    /// The sender's place in the merge order: its arrival time at the merge point [s], as
    /// predicted when it entered the contest zone (see ``MergeCoordinator``); nil outside it.
    public let mergeTicket: Double?

    public init(sender: AgentID, sentStep: Int, lane: LaneKind, stations: [Double], speeds: [Double],
                decision: IntentDecision, maxBrake: Double, desiredSpeed: Double = 30, mergeTicket: Double? = nil) {
        precondition(stations.count == speeds.count && !stations.isEmpty, "a plan needs matching, non-empty stations and speeds")
        self.sender = sender
        self.sentStep = sentStep
        self.lane = lane
        self.stations = stations
        self.speeds = speeds
        self.decision = decision
        self.maxBrake = maxBrake
        self.desiredSpeed = desiredSpeed
        self.mergeTicket = mergeTicket
    }
}

/// A car's decision in the merge, as broadcast in its intent and written in the `decision` column.
public struct IntentDecision: Sendable, Hashable {
    public var kind: DecisionKind
    /// The contender the decision is about (the nearest car of the other lane contesting the
    /// merge), for `goFirst` and `yield`.
    public var counterpart: AgentID?

    public init(kind: DecisionKind, counterpart: AgentID? = nil) {
        self.kind = kind
        self.counterpart = counterpart
    }

    public static let none = IntentDecision(kind: .none)
}

/// The `decision` column's values.
public enum DecisionKind: String, Sendable, Hashable, CaseIterable {
    /// Goes before the counterpart in the merge order.
    case goFirst = "go-first"
    /// Lets the counterpart go first (a main-lane car opens a gap; a ramp car merges behind it).
    case yield
    /// No contest: follows the car ahead.
    case follow
    /// No contest and nobody ahead within sensor range.
    case none
}
