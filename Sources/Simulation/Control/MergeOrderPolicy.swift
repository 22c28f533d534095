/// One car contesting the merge, as a controller sees it from its sensors.
public struct MergeContender: Sendable, Hashable {
    public var id: AgentID
    /// Station [m] (the projection onto the main lane for a ramp car).
    public var station: Double
    /// Speed [m/s].
    public var speed: Double
    /// Its place in the merge order: the arrival time at the merge point (`mergeStart`) [s,
    /// simulation clock] predicted when it entered the contest zone (its *ticket*; see
    /// ``MergeCoordinator``).
    public var arrival: Double

    public init(id: AgentID, station: Double, speed: Double, arrival: Double) {
        self.id = id
        self.station = station
        self.speed = speed
        self.arrival = arrival
    }
}

/// The seam where the merge order is decided: given a ramp car and a main-lane car that contest
/// the merge, who goes first. The baseline is ``FirstComeFirstServed``; the merge game replaces it.
///
/// Contract: a pure function of its arguments. Both cars of a pair evaluate it with the same
/// arguments (their sensors see the same snapshot), so they reach the same order without talking.
public protocol MergeOrderPolicy: Sendable {
    /// Whether `ramp` merges before `main`.
    func rampCarGoesFirst(ramp: MergeContender, main: MergeContender) -> Bool
}

/// First come, first served: the car with the earlier predicted arrival at the merge point (its
/// ticket) goes first; on equal arrivals, the lower id.
public struct FirstComeFirstServed: MergeOrderPolicy {
    public init() {}

    public func rampCarGoesFirst(ramp: MergeContender, main: MergeContender) -> Bool {
        if ramp.arrival != main.arrival { return ramp.arrival < main.arrival }
        return ramp.id < main.id
    }
}

extension MergeOrderRule {
    /// The policy that implements the rule.
    public var policy: any MergeOrderPolicy {
        switch self {
        case .firstComeFirstServed: return FirstComeFirstServed()
        }
    }
}
