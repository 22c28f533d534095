/// One car contesting the merge, as a controller sees it from its sensors and the car's intents.
public struct MergeContender: Sendable, Hashable {
    public var id: AgentID
    /// Station [m] (the projection onto the main lane for a ramp car).
    public var station: Double
    /// Speed [m/s].
    public var speed: Double
    /// Its place in the first-come-first-served order: the arrival time at the merge point
    /// (`mergeStart`) [s, simulation clock] predicted when it entered the contest zone (its
    /// *ticket*; see ``MergeCoordinator``).
    public var arrival: Double
    /// Desired speed [m/s]: from its intent, or the speed limit until an intent has arrived.
    public var desiredSpeed: Double
    /// Body length [m].
    public var length: Double

    public init(id: AgentID, station: Double, speed: Double, arrival: Double, desiredSpeed: Double = 30,
                length: Double = 4.5) {
        self.id = id
        self.station = station
        self.speed = speed
        self.arrival = arrival
        self.desiredSpeed = desiredSpeed
        self.length = length
    }
}

/// The order of one contested pair and why.
public struct MergeOrder: Sendable, Hashable {
    /// Whether the ramp car merges before the main-lane car.
    public var rampFirst: Bool
    /// For the event log: the tickets compared, or the game, its equilibria and the choice.
    public var reason: String

    public init(rampFirst: Bool, reason: String) {
        self.rampFirst = rampFirst
        self.reason = reason
    }
}

/// The seam where the merge order of an open pair is decided (one whose order physics has not
/// settled, see ``MergeCoordinator``): given a ramp car and a main-lane car that contest the
/// merge, who goes first. ``FirstComeFirstServed`` is the baseline, ``MergeGamePolicy`` the game.
///
/// Contract: a deterministic function of its arguments. Both cars of a pair evaluate it with the
/// same arguments when they have the same information (their sensors see the same snapshot;
/// desired speeds and tickets travel in the intents), so they reach the same order without
/// talking. Each controller owns its policy (a policy may keep caches), so it need not be
/// thread-safe.
public protocol MergeOrderPolicy {
    /// The name written in events (`fcfs`, `payoff-dominant`, ...).
    var name: String { get }
    /// The order of the pair; `previous` is the pair's order at the last decision (nil if none).
    func order(ramp: MergeContender, main: MergeContender, previous: Bool?) -> MergeOrder
}

/// First come, first served: the car with the earlier predicted arrival at the merge point (its
/// ticket) goes first; on equal arrivals, the lower id.
public struct FirstComeFirstServed: MergeOrderPolicy {
    public init() {}

    public var name: String { ContestRule.firstComeFirstServed.rawValue }

    public func rampCarGoesFirst(ramp: MergeContender, main: MergeContender) -> Bool {
        if ramp.arrival != main.arrival { return ramp.arrival < main.arrival }
        return ramp.id < main.id
    }

    public func order(ramp: MergeContender, main: MergeContender, previous: Bool?) -> MergeOrder {
        MergeOrder(rampFirst: rampCarGoesFirst(ramp: ramp, main: main),
                   reason: "ticket \(DecimalText.render(ramp.arrival)) s vs \(DecimalText.render(main.arrival)) s")
    }
}
