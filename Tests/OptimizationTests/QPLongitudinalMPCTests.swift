import Optimization
import Testing

/// The condensed car-following MPC program: its matrices against a direct simulation, and its
/// solutions in free driving, behind a slow leader, and in an impossible situation.
@Suite("QP longitudinal MPC")
struct QPLongitudinalMPCTests {
    static let parameters = LongitudinalMPCParameters()

    /// Constant-speed prediction of a leader `gap` metres ahead, driving at `speed`.
    static func leader(gap: Double, speed: Double, horizon: Int, dt: Double) -> [Double] {
        (1...horizon).map { gap + Double($0) * dt * speed }
    }

    @Test("condensed predictions and cost equal a step-by-step simulation")
    func condensingMatchesSimulation() throws {
        let problem = try LongitudinalMPCProblem(parameters: Self.parameters)
        let p = Self.parameters, n = p.horizon, dt = p.timeStep
        var random = QPTestRandom(seed: 7)
        for trial in 0..<10 {
            let state = LongitudinalMPCState(
                speed: random.uniform(0, 30), acceleration: random.uniform(-3, 2),
                desiredSpeed: random.uniform(10, 30),
                leaderPositions: (1...n).map { Double($0) + random.uniform(20, 60) })
            let a = (0..<n).map { _ in random.uniform(-4, 2) }
            // Simulate the double integrator directly.
            var position = 0.0, speed = state.speed, previous = state.acceleration, cost = 0.0
            var positions: [Double] = [], speeds: [Double] = []
            for k in 0..<n {
                position += speed * dt + 0.5 * a[k] * dt * dt
                speed += a[k] * dt
                positions.append(position); speeds.append(speed)
                let jerk = (a[k] - previous) / dt
                cost += p.speedWeight * (speed - state.desiredSpeed) * (speed - state.desiredSpeed)
                    + p.accelerationWeight * a[k] * a[k] + p.jerkWeight * jerk * jerk
                previous = a[k]
            }
            #expect(maxAbsDifference(problem.predictedSpeeds(from: state.speed, accelerations: a), speeds) <= 1e-12, "trial \(trial)")
            #expect(maxAbsDifference(problem.predictedPositions(from: state.speed, accelerations: a), positions) <= 1e-12, "trial \(trial)")
            let program = problem.program(for: state)
            let condensed = program.objective(at: a) + problem.costConstant(for: state)
            #expect(abs(condensed - cost) <= 1e-9 * (1 + cost), "trial \(trial)")
            // Row values against the physical quantities they stand for.
            let rows = program.constraintValues(at: a)
            for k in 0..<n {
                #expect(abs(rows[k] + state.speed - speeds[k]) <= 1e-12)
                let gap = state.leaderPositions![k] - positions[k]
                let required = p.minimumGap + p.timeHeadway * speeds[k] + p.safetyMargin
                // row ≤ upper  ⟺  gap ≥ required
                #expect(abs((program.constraintUpper[n + k] - rows[n + k]) - (gap - required)) <= 1e-9)
                let jerk = (a[k] - (k == 0 ? state.acceleration : a[k - 1])) / dt
                #expect(abs((rows[2 * n + k] - program.constraintLower[2 * n + k]) - (jerk - p.minJerk) * dt) <= 1e-12)
            }
        }
    }

    @Test("free driving with no binding limit: the solution is the unconstrained minimiser")
    func unconstrainedMinimiser() throws {
        let problem = try LongitudinalMPCProblem(parameters: Self.parameters)
        let state = LongitudinalMPCState(speed: 20, acceleration: 0.2, desiredSpeed: 22)
        let program = problem.program(for: state)
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(solution.activeSet.count == 0)
        let expected = solveLinearSystem(program.hessian, program.gradient.map { -$0 })
        #expect(maxAbsDifference(solution.x, expected) <= 1e-10)
        // Sanity of the plan: it accelerates towards the desired speed.
        #expect(solution.x[0] > 0)
    }

    @Test("behind a slow leader the headway constraint holds at every horizon step")
    func slowLeader() throws {
        let problem = try LongitudinalMPCProblem(parameters: Self.parameters)
        let p = Self.parameters, n = p.horizon
        let state = LongitudinalMPCState(
            speed: 25, acceleration: 0, desiredSpeed: 25,
            leaderPositions: Self.leader(gap: 40, speed: 10, horizon: n, dt: p.timeStep))
        let program = problem.program(for: state)
        var solver = try QPSolver(program: program)
        let solution = solver.solve()
        #expect(solution.status == .solved)
        #expect(recomputedResiduals(solution, of: program).maximum <= 1e-9)
        let speeds = problem.predictedSpeeds(from: state.speed, accelerations: solution.x)
        let positions = problem.predictedPositions(from: state.speed, accelerations: solution.x)
        for k in 0..<n {
            let gap = state.leaderPositions![k] - positions[k]
            #expect(gap >= p.minimumGap + p.timeHeadway * speeds[k] + p.safetyMargin - 1e-9, "step \(k + 1)")
            #expect(speeds[k] >= -1e-12)
            #expect(solution.x[k] >= p.minAcceleration - 1e-12 && solution.x[k] <= p.maxAcceleration + 1e-12)
        }
        // The situation is tight enough that the headway binds somewhere.
        #expect(solution.activeSet.constraints[problem.headwayRows].contains(.upper))
    }

    /// Standing still exactly at the required gap behind a stopped leader: a ≡ 0 satisfies every
    /// row with equality, so the program is feasible. Round-off-level violations at this degenerate
    /// vertex (x = 0 makes the relative tolerance vanish) once made the solver report infeasible.
    @Test("standing still exactly at the required gap is feasible")
    func standingAtTheRequiredGap() throws {
        let problem = try LongitudinalMPCProblem(parameters: Self.parameters)
        let n = Self.parameters.horizon
        let gap = Self.parameters.minimumGap + Self.parameters.safetyMargin
        let state = LongitudinalMPCState(
            speed: 0, acceleration: 0, desiredSpeed: 25, leaderPositions: Array(repeating: gap, count: n))
        var solver = try QPSolver(program: problem.program(for: state))
        let cold = solver.solve()
        #expect(cold.status == .solved)
        #expect(cold.x.allSatisfy { abs($0) <= 1e-9 })
        #expect(cold.residuals.maximum <= 1e-9)
        #expect(solver.solve(warmStart: cold.activeSet).status == .solved)
    }

    @Test("a stopped leader just ahead with limited braking is infeasible")
    func impossibleSituation() throws {
        let problem = try LongitudinalMPCProblem(parameters: Self.parameters)
        let n = Self.parameters.horizon
        let state = LongitudinalMPCState(
            speed: 20, acceleration: 0, desiredSpeed: 25,
            leaderPositions: Array(repeating: 5, count: n))
        var solver = try QPSolver(program: problem.program(for: state))
        #expect(solver.solve().status == .infeasible)
        let guess = QPActiveSet(
            constraints: Array(repeating: .upper, count: 3 * n), variables: Array(repeating: .lower, count: n))
        #expect(solver.solve(warmStart: guess).status == .infeasible)
    }

    @Test("closed loop behind a braking leader: warm (shifted) and cold solves agree at every step")
    func closedLoop() throws {
        let p = Self.parameters, n = p.horizon, dt = p.timeStep
        let problem = try LongitudinalMPCProblem(parameters: p)
        var leaderPosition = 45.0, leaderSpeed = 22.0
        var egoPosition = 0.0
        var state = LongitudinalMPCState(speed: 25, acceleration: 0, desiredSpeed: 27)
        state.leaderPositions = Self.leader(gap: leaderPosition, speed: leaderSpeed, horizon: n, dt: dt)
        var program = problem.program(for: state)
        var warmSolver = try QPSolver(program: program)
        var coldSolver = warmSolver
        var guess: QPActiveSet?
        for step in 0..<150 {
            let leaderAcceleration = step < 60 ? -2.5 : (step < 100 ? 0 : 1.5)
            state.leaderPositions = Self.leader(gap: leaderPosition - egoPosition, speed: leaderSpeed, horizon: n, dt: dt)
            problem.update(&program, for: state)
            try warmSolver.update(program)
            try coldSolver.update(program)
            let warm = warmSolver.solve(warmStart: guess)
            let cold = coldSolver.solve()
            #expect(warm.status == .solved, "step \(step)")
            #expect(cold.status == .solved, "step \(step)")
            guard warm.status == .solved, cold.status == .solved else { return }
            #expect(maxAbsDifference(warm.x, cold.x) <= 1e-8, "step \(step)")
            #expect(warm.residuals.maximum <= 1e-8, "step \(step)")
            guess = problem.shifted(warm.activeSet)
            // Apply the first acceleration to both cars.
            let a = warm.x[0]
            egoPosition += state.speed * dt + 0.5 * a * dt * dt
            state.speed += a * dt
            state.acceleration = a
            leaderPosition += leaderSpeed * dt + 0.5 * leaderAcceleration * dt * dt
            leaderSpeed = max(0, leaderSpeed + leaderAcceleration * dt)
            #expect(leaderPosition - egoPosition >= p.minimumGap, "step \(step)")
        }
    }

    @Test("shifting an active set moves each block one step earlier and repeats its last entry")
    func shifting() throws {
        let problem = try LongitudinalMPCProblem(parameters: LongitudinalMPCParameters(horizon: 3))
        let set = QPActiveSet(
            constraints: [.lower, .inactive, .inactive, .inactive, .upper, .inactive, .inactive, .inactive, .lower],
            variables: [.lower, .upper, .inactive])
        let shifted = problem.shifted(set)
        #expect(shifted.constraints == [.inactive, .inactive, .inactive, .upper, .inactive, .inactive, .inactive, .lower, .lower])
        #expect(shifted.variables == [.upper, .inactive, .inactive])
    }

    @Test("parameters out of range are rejected with the field's name")
    func parameterValidation() {
        func name(_ p: LongitudinalMPCParameters) -> String? {
            do { _ = try LongitudinalMPCProblem(parameters: p); return nil } catch { return error.name }
        }
        #expect(name(LongitudinalMPCParameters()) == nil)
        #expect(name(LongitudinalMPCParameters(timeStep: 0)) == "timeStep")
        #expect(name(LongitudinalMPCParameters(timeStep: .nan)) == "timeStep")
        #expect(name(LongitudinalMPCParameters(horizon: 0)) == "horizon")
        #expect(name(LongitudinalMPCParameters(speedWeight: -1)) == "speedWeight")
        #expect(name(LongitudinalMPCParameters(accelerationWeight: 0, jerkWeight: 0)) == "accelerationWeight + jerkWeight")
        #expect(name(LongitudinalMPCParameters(minAcceleration: 1, maxAcceleration: 0)) == "maxAcceleration")
        #expect(name(LongitudinalMPCParameters(minJerk: 5, maxJerk: 1)) == "maxJerk")
        #expect(name(LongitudinalMPCParameters(maxSpeed: 0)) == "maxSpeed")
    }

    @Test("a non-finite state reaches the solver as a data error, not a trap")
    func nonFiniteState() throws {
        let problem = try LongitudinalMPCProblem(parameters: Self.parameters)
        var program = problem.program(for: LongitudinalMPCState(speed: 10, desiredSpeed: 10))
        var solver = try QPSolver(program: program)
        problem.update(&program, for: LongitudinalMPCState(speed: .nan, desiredSpeed: 10))
        #expect(throws: QPDataError.self) { try solver.update(program) }
    }
}

/// Gaussian elimination with partial pivoting (independent of the solver's Cholesky code).
func solveLinearSystem(_ matrix: [Double], _ rhs: [Double]) -> [Double] {
    let n = rhs.count
    var a = matrix, b = rhs
    for column in 0..<n {
        let pivot = (column..<n).max { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) }!
        if pivot != column {
            for j in 0..<n { a.swapAt(pivot * n + j, column * n + j) }
            b.swapAt(pivot, column)
        }
        for row in (column + 1)..<n {
            let factor = a[row * n + column] / a[column * n + column]
            for j in column..<n { a[row * n + j] -= factor * a[column * n + j] }
            b[row] -= factor * b[column]
        }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
        var sum = b[row]
        for j in (row + 1)..<n { sum -= a[row * n + j] * x[j] }
        x[row] = sum / a[row * n + row]
    }
    return x
}
