/// A sensed car placed on the road map: its lane, station and longitudinal speed.
struct NeighbourTrack: Sendable {
    var id: AgentID
    var lane: LaneKind
    /// Station [m].
    var station: Double
    /// dξ/dt [m/s]: the speed along the route (the x component during a lane change).
    var speed: Double
    var length: Double
    var width: Double
    /// The newest intent received from it, if any (filled by the controller).
    var intent: IntentMessage?

    init(_ car: SensedCar, geometry: HighwayGeometry) {
        let located = geometry.locate(x: car.x, y: car.y)
        id = car.id
        lane = located.lane
        station = located.station
        speed = located.lane == .changing ? car.speed * Math.cos(car.heading) : car.speed
        length = car.length
        width = car.width
    }

    init(id: AgentID, lane: LaneKind, station: Double, speed: Double, length: Double, width: Double) {
        self.id = id
        self.lane = lane
        self.station = station
        self.speed = speed
        self.length = length
        self.width = width
    }
}
