import Testing
@testable import Simulation

/// The merge-order seam: the first-come-first-served rule, tickets, and the orders physics settles.
@Suite("Merge order")
struct MergeOrderTests {
    let geometry = HighwayGeometry(HighwayMergeConfig())
    let tuning = ControllerTuning.standard

    func contender(_ id: Int, arrival: Double) -> MergeContender {
        MergeContender(id: AgentID(index: id), station: 0, speed: 20, arrival: arrival)
    }

    @Test("first come, first served: the earlier arrival goes first; on a tie, the lower id")
    func fcfs() {
        let rule = FirstComeFirstServed()
        #expect(rule.rampCarGoesFirst(ramp: contender(5, arrival: 3), main: contender(1, arrival: 4)))
        #expect(!rule.rampCarGoesFirst(ramp: contender(5, arrival: 4.5), main: contender(1, arrival: 4)))
        #expect(!rule.rampCarGoesFirst(ramp: contender(5, arrival: 4), main: contender(1, arrival: 4)))
        #expect(rule.rampCarGoesFirst(ramp: contender(0, arrival: 4), main: contender(1, arrival: 4)))
        #expect(ContestRule.firstComeFirstServed.makeMergePolicy(settings: CarControllerConfig(), dt: 0.1, tuning: tuning,
                                                                 mainYieldExtra: { _ in 0 }) is FirstComeFirstServed)
    }

    @Test("the predicted arrival accelerates to the desired speed, then holds it (closed form)")
    func predictedArrival() {
        // 100 m to go at 20 m/s, a = 2.5 up to 30: 4 s and 100 m of acceleration exactly.
        let t = MergeCoordinator.predictedArrival(time: 10, station: 200, speed: 20, desiredSpeed: 30, acceleration: 2.5,
                                                  geometry: geometry, tuning: tuning)
        #expect(abs(t - 14) <= 1e-12)
        // 200 m to go: 4 s accelerating, then 100 m at 30 m/s.
        let later = MergeCoordinator.predictedArrival(time: 0, station: 100, speed: 20, desiredSpeed: 30, acceleration: 2.5,
                                                      geometry: geometry, tuning: tuning)
        #expect(abs(later - (4 + 100.0 / 30)) <= 1e-12)
        // Past the merge point: when it passed, at its current speed.
        let past = MergeCoordinator.predictedArrival(time: 0, station: 350, speed: 25, desiredSpeed: 30, acceleration: 2.5,
                                                     geometry: geometry, tuning: tuning)
        #expect(abs(past - (-2)) <= 1e-12)
    }

    func entry(_ id: Int, station: Double, speed: Double) -> MergeCoordinator.Entry {
        MergeCoordinator.Entry(id: AgentID(index: id), station: station, speed: speed, length: 4.5, ticket: 0,
                               isEgo: false, contends: true, track: 0)
    }

    /// Clearances as a car with the default settings computes them (reaction time 0.3 s).
    let clearances: MergeCoordinator.Clearances = {
        let settings = CarControllerConfig(), limits = VehicleLimits(settings)
        return MergeCoordinator.Clearances(
            mainBehindRamp: { main, ramp in
                GapAcceptance.requiredFollowerGap(followerSpeed: main, leaderSpeed: ramp, settings: settings, limits: limits,
                                                  reactionTime: 0.3, dt: 0.1)
            },
            rampBehindMain: { ramp in settings.minGap + settings.timeHeadway * ramp })
    }()

    func settled(ramp: (Double, Double), main: (Double, Double), previous: Bool? = nil) -> Bool? {
        MergeCoordinator.settledOrder(ramp: entry(1, station: ramp.0, speed: ramp.1),
                                      main: entry(2, station: main.0, speed: main.1),
                                      clearances: clearances, tuning: tuning, previous: previous)
    }

    @Test("physics settles the order when only one car can still take its place behind the other")
    func settledOrders() {
        // A main-lane car ahead of a stopped ramp car cannot wait for it: it goes first.
        #expect(settled(ramp: (427, 0), main: (448, 0)) == false)
        // Side by side, both stopped: the main-lane car goes first.
        #expect(settled(ramp: (427, 0), main: (426, 0)) == false)
        // A main-lane car stopped just behind a stopped ramp car, closer than the merge needs:
        // it goes first (waiting would deadlock).
        #expect(settled(ramp: (427.7, 0), main: (421, 0)) == false)
        // A main-lane car far behind a stopped ramp car can stop comfortably far enough back: the
        // ramp car goes first.
        #expect(settled(ramp: (427, 0), main: (250, 25)) == true)
        // A fast main-lane car close behind a slow ramp car cannot: it goes first.
        #expect(settled(ramp: (300, 10), main: (280, 30)) == false)
        // Side by side at speed: each could drop behind the other, the rule decides.
        #expect(settled(ramp: (300, 25), main: (300, 25)) == nil)
    }

    @Test("a car that goes second keeps doing so while firm braking still suffices (hysteresis)")
    func commitment() {
        // Too close for comfortable braking, close enough for firm braking.
        let ramp = (400.0, 0.0), main = (278.0, 25.0)
        #expect(settled(ramp: ramp, main: main) == false)
        #expect(settled(ramp: ramp, main: main, previous: true) == true)
        #expect(settled(ramp: ramp, main: main, previous: false) == false)
    }

    @Test("tickets never decrease from the front of a lane to its back")
    func monotoneTickets() {
        var lane = [
            MergeCoordinator.Entry(id: AgentID(index: 0), station: 100, speed: 20, length: 4.5, ticket: 9, isEgo: false, contends: true, track: 0),
            MergeCoordinator.Entry(id: AgentID(index: 1), station: 200, speed: 20, length: 4.5, ticket: 7, isEgo: false, contends: true, track: 1),
            MergeCoordinator.Entry(id: AgentID(index: 2), station: 150, speed: 30, length: 4.5, ticket: 5, isEgo: false, contends: true, track: 2),
        ]
        MergeCoordinator.makeTicketsMonotone(&lane)
        #expect(lane.map(\.station) == [200, 150, 100])
        #expect(lane.map(\.ticket) == [7, 7, 9])
    }
}
