/// What going first or second costs a car in a contested merge, predicted with the car's own MPC
/// (the same QP its controller solves): the two costs of each contender that the merge game's
/// payoffs are made of.
///
/// - *first*: the car drives as if the other car were not there: its MPC cost tracking its
///   desired speed from its current speed, with no car to follow;
/// - *second*: it lets the other go first: the same MPC with the other car, predicted to hold its
///   speed, as a car to follow (a yielding bound, relaxed as the controller relaxes it: never
///   harder than firm braking), at the gap the merge needs — a main-lane car the gap a merging
///   car's gap acceptance asks of its new follower (plus `yieldExtraGap`), a ramp car its normal
///   headway.
///
/// Both cars of a pair compute the costs of both with this model from the same data (sensed
/// stations and speeds, desired speeds from intents) and the same settings — every car is
/// assumed to have the evaluating car's controller settings, as elsewhere in the coordination —
/// with cold solves, so two cars with the same information compute bit-identical costs.
/// Cost units: those of the MPC objective (speed error [(m/s)²] per step, plus the weighted
/// acceleration and jerk terms).
final class MergeCostModel {
    let settings: CarControllerConfig
    let dt: Double
    let tuning: ControllerTuning
    /// The gap [m] beyond the normal headway a main-lane car at a speed [m/s] leaves for a car
    /// merging ahead of it.
    let mainYieldExtra: (Double) -> Double
    /// One MPC per desired speed met (its speed bound depends on it).
    private var models: [Double: CarMPC] = [:]
    private var stations: [Double]

    init(settings: CarControllerConfig, dt: Double, tuning: ControllerTuning, mainYieldExtra: @escaping (Double) -> Double) {
        self.settings = settings
        self.dt = dt
        self.tuning = tuning
        self.mainYieldExtra = mainYieldExtra
        stations = Array(repeating: 0, count: settings.horizon + 1)
    }

    /// The (first, second) costs of `car` against `other`; `isMain` when `car` is the main-lane car.
    func costs(of car: MergeContender, against other: MergeContender, isMain: Bool) -> (first: Double, second: Double) {
        var mpc = models[car.desiredSpeed] ?? CarMPC(settings: settings, desiredSpeed: car.desiredSpeed, dt: dt, tuning: tuning)
        defer { models[car.desiredSpeed] = mpc }
        mpc.resetBounds()
        mpc.forgetWarmStart()
        let first = mpc.solve(speed: car.speed, previousAcceleration: 0, desiredSpeed: car.desiredSpeed).cost

        for k in 0...settings.horizon { stations[k] = other.station + other.speed * Double(k) * dt }
        let extra = isMain ? mainYieldExtra(car.speed) : 0
        mpc.resetBounds()
        mpc.forgetWarmStart()
        mpc.follow(stations, offset: 0.5 * other.length + car.station + 0.5 * car.length + extra, virtual: true)
        let second = mpc.solve(speed: car.speed, previousAcceleration: 0, desiredSpeed: car.desiredSpeed).cost
        // The backup plan keeps every program feasible; a numerical failure leaves a cost of
        // +infinity, which the game must not see: fall back to "second costs what first does plus
        // the largest penalty a plan can reach" — the pair then orders by priority.
        let ceiling = 1e9
        return (Swift.min(first, ceiling), Swift.min(Swift.max(second, first), ceiling))
    }
}
