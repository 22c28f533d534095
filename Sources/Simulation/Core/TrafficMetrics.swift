/// Traffic figures of a highway run that show what a merge rule buys (summary.json, and the
/// comparison table of `nashsim compare`):
///
/// - **time to merge** [s]: for each ramp car, from the moment its station passes the start of
///   the acceleration lane (`mergeStart`) to the completion of its lane change;
/// - **total delay** [s]: the time lost against driving at the desired speed, summed over the cars:
///   Σ over steps and cars of `dt · max(0, 1 − v / v_desired)`;
/// - **hard braking events**: onsets (per car) of an acceleration below
///   ``hardBrakingThreshold`` (−3 m/s², a common threshold in traffic-safety studies);
/// - **minimum time headway** [s]: over the steps and the pairs of consecutive cars in the main
///   lane (cars changing into it count from the start of their change), the bumper gap divided
///   by the follower's speed, for followers faster than ``headwaySpeedFloor``.
struct TrafficMetrics: Sendable {
    /// Acceleration below which a car brakes hard [m/s²].
    static let hardBrakingThreshold = -3.0
    /// Followers slower than this [m/s] are left out of the time headway (it diverges at rest).
    static let headwaySpeedFloor = 1.0

    private(set) var mergeTimes: [Double] = []
    private(set) var totalDelay = 0.0
    private(set) var hardBrakingEvents = 0
    private(set) var minimumTimeHeadway: Double?
    /// Per car index: when it passed `mergeStart` (ramp cars), whether it is braking hard now.
    private var passedMergeStart: [Int: Double] = [:]
    private var brakingHard: Set<Int> = []

    /// Accounts one car over the step that ended at `time`.
    mutating func observe(car index: Int, _ car: CarTruth, time: Double, dt: Double, geometry: HighwayGeometry) {
        let v = car.motion.speed
        if car.desiredSpeed > 0 { totalDelay += dt * Swift.max(0, 1 - v / car.desiredSpeed) }
        if car.motion.acceleration < Self.hardBrakingThreshold {
            if brakingHard.insert(index).inserted { hardBrakingEvents += 1 }
        } else {
            brakingHard.remove(index)
        }
        if car.route == .ramp, !car.merged, passedMergeStart[index] == nil, car.motion.station >= geometry.mergeStart {
            passedMergeStart[index] = time
        }
    }

    /// Records a completed merge of car `index` at `time`.
    mutating func merged(car index: Int, time: Double) {
        let start = passedMergeStart.removeValue(forKey: index) ?? time
        mergeTimes.append(time - start)
    }

    /// Accounts the headways of the main lane; `lane` holds (station, speed, length) of the cars
    /// in the main lane or changing into it.
    mutating func observeHeadways(_ lane: [(station: Double, speed: Double, length: Double)]) {
        guard lane.count >= 2 else { return }
        let sorted = lane.sorted { $0.station > $1.station }
        for i in 1..<sorted.count where sorted[i].speed > Self.headwaySpeedFloor {
            let leader = sorted[i - 1], follower = sorted[i]
            let gap = leader.station - follower.station - 0.5 * (leader.length + follower.length)
            let headway = Swift.max(0, gap) / follower.speed
            minimumTimeHeadway = Swift.min(minimumTimeHeadway ?? .infinity, headway)
        }
    }

    /// The figures for summary.json, in a fixed order.
    var summaryFigures: [(key: String, value: Double)] {
        var figures: [(key: String, value: Double)] = [
            ("merge_time_p50_s", HighwayMergeSimulation.percentile(mergeTimes, 0.5)),
            ("merge_time_p95_s", HighwayMergeSimulation.percentile(mergeTimes, 0.95)),
            ("total_delay_s", totalDelay),
            ("hard_braking_events", Double(hardBrakingEvents)),
        ]
        if let minimumTimeHeadway { figures.append(("min_time_headway_s", minimumTimeHeadway)) }
        return figures
    }
}
