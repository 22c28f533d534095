import Testing
import Optimization
@testable import Simulation

/// The controller over many calls: warm starts change nothing but time, the half-plane capacity
/// grows and shrinks soundly, and robots that exchange their plans pass each other.
@Suite("Robot MPC in closed loop")
struct RobotMPCClosedLoopTests {
    typealias Support = RobotMPCTestSupport

    @Test("warm-started plans equal cold-started ones along seeded closed-loop runs (to 1e-8 m/s²)")
    func warmEqualsCold() {
        var warmTotal = 0, coldTotal = 0
        for seed in UInt64(900)...905 {
            var input = Support.randomSituation(seed: seed, maxNeighbours: 3)
            var warm = RobotMPC(settings: Support.standard)
            var coldSettings = Support.standard
            coldSettings.warmStart = false
            var cold = RobotMPC(settings: coldSettings)
            var warmIterations = 0, coldIterations = 0
            for step in 0..<60 {
                let a = warm.plan(input), b = cold.plan(input)
                #expect(a.status.isSolved == b.status.isSolved, "seed \(seed), step \(step)")
                if a.status.isSolved {
                    let problems = a.constraintViolations(for: input, settings: Support.standard)
                    #expect(problems.isEmpty, "seed \(seed), step \(step): \(problems)")
                }
                if a.status.isSolved && b.status.isSolved {
                    warmIterations += a.iterations
                    coldIterations += b.iterations
                    for k in 0..<Support.standard.horizon {
                        #expect((a.accelerations[k] - b.accelerations[k]).length < 1e-8, "seed \(seed), step \(step), k \(k)")
                    }
                }
                input.state = RobotState(position: a.positions[1], velocity: a.velocities[1])
                for j in input.neighbours.indices where input.neighbours[j].positions.count > 1 {
                    input.neighbours[j].positions.removeFirst()
                }
            }
            #expect(warmIterations <= coldIterations, "seed \(seed): the warm start should save iterations")
            warmTotal += warmIterations
            coldTotal += coldIterations
        }
        #expect(warmTotal < coldTotal)
    }

    @Test("many neighbours grow the half-plane capacity; fewer afterwards leave no stale rows")
    func capacityGrowsAndShrinks() throws {
        let settings = Support.standard
        var mpc = RobotMPC(settings: settings)
        let initial = mpc.variableRowCapacity
        let crowd = (0..<12).map { i -> NeighbourPrediction in
            let angle = Double(i) * Double.pi / 6
            return NeighbourPrediction(positions: [Vector2(1.2 * Math.cos(angle), 1.2 * Math.sin(angle))], radius: 0.2, margin: 0)
        }
        let crowded = Support.input(at: Vector2(0, 0), target: Vector2(3, 0), neighbours: crowd)
        let first = mpc.plan(crowded)
        #expect(first.status == .solved)
        #expect(mpc.variableRowCapacity > initial)
        #expect(first.constraintViolations(for: crowded, settings: settings).isEmpty)
        // Then alone: the program must have no binding rows left from the crowd.
        let alone = Support.input(at: first.positions[1], velocity: first.velocities[1], target: Vector2(3, 0))
        let program = try #require(mpc.quadraticProgram(for: alone))
        let used = mpc.problem.fixedRowCount + mpc.halfPlaneCountAfterLoading(alone)
        for row in used..<program.constraintCount {
            #expect(program.constraintLower[row] == -.infinity && program.constraintUpper[row] == .infinity)
            for c in 0..<program.variableCount { #expect(program.constraintMatrix[row * program.variableCount + c] == 0) }
        }
        let second = mpc.plan(alone)
        #expect(second.status == .solved)
        var fresh = RobotMPC(settings: settings)
        _ = fresh.plan(crowded)
        let check = fresh.plan(alone)
        #expect(second.accelerations == check.accelerations)
        // Long alone: the capacity shrinks back, and plans stay identical to a fresh controller's.
        var input = alone
        var previous = second
        for _ in 0..<(2 * RobotMPC.shrinkAfter + 10) {
            input.state = RobotState(position: previous.positions[1], velocity: previous.velocities[1])
            previous = mpc.plan(input)
            #expect(previous.status == .solved)
        }
        #expect(mpc.variableRowCapacity < 2 * initial + 1)
        // The shrunken controller solves exactly the program it reports (checked by a fresh solver).
        input.state = RobotState(position: previous.positions[1], velocity: previous.velocities[1])
        input.neighbours = [crowd[0]]
        let shrunkProgram = try #require(mpc.quadraticProgram(for: input))
        var solver = try QPSolver(program: shrunkProgram)
        let reference = solver.solve()
        let last = mpc.plan(input)
        #expect(reference.status == .solved && last.status == .solved)
        for k in 0..<settings.horizon {
            #expect(abs(last.accelerations[k].x - reference.x[2 * k]) < 1e-9 && abs(last.accelerations[k].y - reference.x[2 * k + 1]) < 1e-9)
        }
    }

    @Test("a prediction shorter than N + 1 points is held at its last point")
    func shortPredictionIsHeld() {
        let settings = Support.standard
        let point = Vector2(0.8, 0.1)
        let short = NeighbourPrediction(positions: [point], radius: 0.2, margin: 0.01)
        let full = NeighbourPrediction(positions: Array(repeating: point, count: settings.horizon + 1), radius: 0.2, margin: 0.01)
        var a = RobotMPC(settings: settings), b = RobotMPC(settings: settings)
        let pa = a.plan(Support.input(at: Vector2(0, 0), velocity: Vector2(0.5, 0), target: Vector2(2, 0), neighbours: [short]))
        let pb = b.plan(Support.input(at: Vector2(0, 0), velocity: Vector2(0.5, 0), target: Vector2(2, 0), neighbours: [full]))
        #expect(pa.status == .solved)
        #expect(pa.accelerations == pb.accelerations)
    }

    @Test("the settings from a controller block take its horizon, margin and weights")
    func settingsFromController() {
        let controller = RobotControllerConfig(horizon: 12, maxSpeed: 2, maxAccel: 3, safetyMargin: 0.1,
                                               positionWeight: 2, terminalWeight: 5, accelWeight: 0.25)
        let settings = RobotMPCSettings(dt: 0.05, radius: 0.3, maxSpeed: 1.5, maxAccel: 2.5, controller: controller)
        #expect(settings == RobotMPCSettings(dt: 0.05, horizon: 12, radius: 0.3, maxSpeed: 1.5, maxAccel: 2.5,
                                             safetyMargin: 0.1, positionWeight: 2, terminalWeight: 5, accelWeight: 0.25))
        #expect(settings.invalidSetting == nil)
        var bad = settings
        bad.polygonSides = 6
        #expect(bad.invalidSetting != nil)
    }

    /// Robots that broadcast their plans and plan against each other's previous plans, as the
    /// world will run them: every robot decides from the same snapshot, then all move.
    static func run(starts: [Vector2], goals: [Vector2], steps: Int,
                    margin: Double = 0.01) -> (minimumGap: Double, arrived: Int, fallbacks: Int) {
        let settings = Support.standard
        let dynamics = RobotDynamics(dt: settings.dt, maxSpeed: settings.maxSpeed, maxAccel: settings.maxAccel)
        var controllers = starts.map { _ in RobotMPC(settings: settings) }
        var states = starts.map { RobotState(position: $0, velocity: Vector2(0, 0)) }
        var plans: [[Vector2]] = starts.map { [$0] }
        var minimumGap = Double.infinity, fallbacks = 0
        for _ in 0..<steps {
            var newPlans = plans
            var commands = [Vector2](repeating: Vector2(0, 0), count: starts.count)
            for i in starts.indices {
                // The others' previous plans, shifted one step (they are one step older now).
                let neighbours = starts.indices.filter { $0 != i }.map { j in
                    NeighbourPrediction(positions: Array(plans[j].dropFirst(plans[j].count > 1 ? 1 : 0)),
                                        radius: settings.radius, margin: margin)
                }
                let input = RobotMPCInput(state: states[i], target: goals[i], neighbours: neighbours, obstacles: [],
                                          halfWidth: 5, halfHeight: 5)
                let plan = controllers[i].plan(input)
                if !plan.status.isSolved { fallbacks += 1 }
                newPlans[i] = plan.positions
                commands[i] = plan.command
            }
            plans = newPlans
            for i in starts.indices { states[i] = dynamics.step(states[i], command: commands[i]) }
            for i in starts.indices {
                for j in starts.indices where j > i {
                    minimumGap = min(minimumGap, (states[i].position - states[j].position).length - 2 * settings.radius)
                }
            }
        }
        let arrived = starts.indices.filter { (states[$0].position - goals[$0]).length < 0.1 }.count
        return (minimumGap, arrived, fallbacks)
    }

    @Test("two robots swapping places head-on pass each other without contact and arrive")
    func headOnSwap() {
        let result = Self.run(starts: [Vector2(-2, 0), Vector2(2, 0)], goals: [Vector2(2, 0), Vector2(-2, 0)], steps: 120)
        #expect(result.minimumGap > 0, "closest gap \(result.minimumGap)")
        #expect(result.arrived == 2)
    }

    @Test("four robots swapping across a circle keep apart")
    func circleSwap() {
        let starts = (0..<4).map { i in Vector2(2 * Math.cos(Double(i) * Double.pi / 2 + 0.1), 2 * Math.sin(Double(i) * Double.pi / 2 + 0.1)) }
        let goals = starts.map { Vector2(-$0.x, -$0.y) }
        let result = Self.run(starts: starts, goals: goals, steps: 150)
        #expect(result.minimumGap > 0, "closest gap \(result.minimumGap)")
        #expect(result.arrived == 4, "fallbacks \(result.fallbacks)")
    }
}

extension RobotMPC {
    /// The number of half-plane rows `input` gets (for tests).
    func halfPlaneCountAfterLoading(_ input: RobotMPCInput) -> Int {
        var copy = self
        _ = copy.load(input)
        return copy.variableRowCount
    }
}
