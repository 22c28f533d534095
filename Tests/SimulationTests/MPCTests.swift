import Testing
@testable import Simulation
import Optimization

/// The per-car MPC: against the LQR solution when no constraint binds, the headway constraint
/// behind a stopped car, feasibility in impossible situations, and the fallback.
@Suite("Car MPC")
struct MPCTests {
    /// Limits wide enough that no constraint binds.
    static let loose = CarControllerConfig(horizon: 20, maxAccel: 10, maxBrake: 10, maxJerk: 1000, minGap: 2,
                                           timeHeadway: 1, laneChangeDuration: 3)

    /// Finite-horizon LQR by the backward Riccati recursion for the same cost:
    /// state x = (v − v_des, a_prev), input u = a, x' = A x + B u,
    /// stage cost w_v (e + dt u)² + w_a u² + (w_j/dt²)(u − a_prev)² = xᵀQx + 2xᵀSu + R u².
    static func lqrSequence(speed v0: Double, previous a0: Double, desired: Double, settings: CarControllerConfig,
                            dt: Double) -> [Double] {
        let wv = settings.speedWeight, wa = settings.accelWeight, wj = settings.jerkWeight / (dt * dt)
        let q = [[wv, 0.0], [0.0, wj]], s = [wv * dt, -wj], r = wv * dt * dt + wa + wj
        let a = [[1.0, 0.0], [0.0, 0.0]], b = [dt, 1.0]
        var p = [[0.0, 0.0], [0.0, 0.0]]
        var gains: [[Double]] = []
        for _ in 0..<settings.horizon {
            // Bᵀ P B, Bᵀ P A (1×2), Aᵀ P A (2×2), Aᵀ P B (2×1)
            let pb = [p[0][0] * b[0] + p[0][1] * b[1], p[1][0] * b[0] + p[1][1] * b[1]]
            let bpb = b[0] * pb[0] + b[1] * pb[1]
            var bpa = [0.0, 0.0], apb = [0.0, 0.0], apa = [[0.0, 0.0], [0.0, 0.0]]
            for j in 0..<2 {
                for i in 0..<2 { bpa[j] += pb[i] * a[i][j]; apb[j] += a[i][j] * pb[i] }
                for k in 0..<2 {
                    var sum = 0.0
                    for i in 0..<2 { for l in 0..<2 { sum += a[i][j] * p[i][l] * a[l][k] } }
                    apa[j][k] = sum
                }
            }
            let denominator = r + bpb
            let k = [(s[0] + bpa[0]) / denominator, (s[1] + bpa[1]) / denominator]
            var next = [[0.0, 0.0], [0.0, 0.0]]
            for i in 0..<2 { for j in 0..<2 { next[i][j] = q[i][j] + apa[i][j] - (s[i] + apb[i]) * k[j] } }
            p = next
            gains.append(k)
        }
        gains.reverse()
        var x = [v0 - desired, a0], u: [Double] = []
        for k in gains {
            let input = -(k[0] * x[0] + k[1] * x[1])
            u.append(input)
            x = [x[0] + dt * input, input]
        }
        return u
    }

    /// (Speeds within the MPC's speed bound, desired + 3 m/s, so that no constraint binds.)
    @Test("with no binding constraint the MPC plan is the finite-horizon LQR sequence",
          arguments: [(20.0, 0.5, 25.0), (24.0, -1.0, 22.0), (10.0, 0.0, 10.5)])
    func unconstrainedEqualsLQR(v0: Double, a0: Double, desired: Double) {
        let dt = 0.1
        var mpc = CarMPC(settings: Self.loose, desiredSpeed: desired, dt: dt, tuning: .standard)
        mpc.resetBounds()
        let result = mpc.solve(speed: v0, previousAcceleration: a0, desiredSpeed: desired)
        #expect(result.status == .solved)
        let lqr = Self.lqrSequence(speed: v0, previous: a0, desired: desired, settings: Self.loose, dt: dt)
        let worst = zip(mpc.plan, lqr).map { abs($0 - $1) }.max()!
        #expect(worst <= 1e-8, "largest difference \(worst)")
    }

    @Test("behind a stopped car the plan keeps minGap + headway · speed at every step of the horizon")
    func stoppedLeader() {
        let settings = CarControllerConfig()
        let dt = 0.1, n = settings.horizon
        var mpc = CarMPC(settings: settings, desiredSpeed: 30, dt: dt, tuning: .standard)
        for gap in [40.0, 60.0, 90.0] {
            mpc.resetBounds()
            // A stopped car whose rear is `gap` metres ahead of the ego's front.
            mpc.follow(Array(repeating: gap, count: n + 1), offset: 0, virtual: false)
            let result = mpc.solve(speed: 15, previousAcceleration: 0, desiredSpeed: 30)
            #expect(result.status == .solved)
            var stations = Array(repeating: 0.0, count: n + 1), speeds = stations
            mpc.plannedTrajectory(from: 0, speed: 15, stations: &stations, speeds: &speeds)
            for k in 1...n {
                #expect(gap - stations[k] >= settings.minGap + settings.timeHeadway * speeds[k] - 1e-9, "gap \(gap) step \(k)")
            }
        }
    }

    @Test("an impossible situation still solves: the plan brakes as hard as the jerk limit allows")
    func impossibleSituationBrakes() {
        let settings = CarControllerConfig()
        var mpc = CarMPC(settings: settings, desiredSpeed: 30, dt: 0.1, tuning: .standard)
        mpc.resetBounds()
        mpc.follow(Array(repeating: 3, count: settings.horizon + 1), offset: 0, virtual: false)
        let result = mpc.solve(speed: 25, previousAcceleration: 0, desiredSpeed: 30)
        #expect(result.status == .solved)
        #expect(result.relaxedRows > 0)
        // 0 − maxJerk·dt, up to the backup slack of the widened rows.
        #expect(abs(result.firstAcceleration - (-1)) <= 0.05)
    }

    @Test("when the QP fails the controller applies the strongest braking in lane and logs it")
    func fallback() {
        let config = TestScenarios.contestedMerge()
        guard case .highwayMerge(let world) = config.world else { return }
        let names = AgentDirectory(sortedNames: ["a"])
        let car = CarConfig(id: "a", route: .main, s: 100, speed: 20)
        let controller = CarController(id: AgentID(index: 0), names: names, car: car, settings: world.controller,
                                       desiredSpeed: 30, geometry: HighwayGeometry(world), dt: 0.1, delaySteps: 1,
                                       rule: .firstComeFirstServed)
        controller.forceSolverFailure = true
        let ego = EgoState(id: AgentID(index: 0), route: .main, lane: .main,
                           motion: LongitudinalState(station: 100, speed: 20, acceleration: 0.5), length: 4.5, width: 1.8)
        let command = controller.decide(CarObservation(step: 3, time: 0.3, ego: ego, sensed: [], inbox: []))
        #expect(command.usedFallback)
        #expect(command.acceleration == 0.5 - world.controller.maxJerk * 0.1)
        #expect(command.events.contains { $0.event == "fallback-brake" && $0.agent == "a" })
    }
}
