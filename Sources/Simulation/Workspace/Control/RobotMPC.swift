import Optimization

/// One robot's model predictive controller: a condensed, dense QP over the accelerations of the
/// horizon (see ``RobotMPCProblem`` for the variables, the prediction and the cost), solved by a
/// warm-started ``QPSolver`` (Goldfarb–Idnani) that is set up once and updated at every call.
///
/// ## Constraints
/// Fixed rows (same matrix every call): the speed and acceleration limits as regular S-gons
/// inscribed in the discs `‖v_k‖ ≤ maxSpeed`, `‖a_k‖ ≤ maxAccel` (``RobotMPCSettings/polygonSides``),
/// so a solved plan satisfies the true Euclidean limits. Rows written per call, each a half-plane
/// `nᵀp_k ≥ b` on a predicted position (k = 1…N), linearised around the robot's own *predicted
/// trajectory* `ō_k`: the previous plan's accelerations shifted one step (the last one zero) and
/// rolled out from the current state — a straight line `p_0 + k·dt·v_0` on the first call:
/// - walls: `−h + r + m ≤ p_k ≤ h − r − m` per axis (h the half-extent, r the radius, m the
///   safety margin);
/// - circle obstacle (c, ρ): `n = (ō_k − c)/‖ō_k − c‖`, `nᵀ(p_k − c) ≥ ρ + r + m`;
/// - box obstacle: with `b` the point of the box nearest to `ō_k`, `n = (ō_k − b)/‖ō_k − b‖`,
///   `nᵀ(p_k − b) ≥ r + m`. Every point y of the box has `nᵀ(y − b) ≤ 0` (b is a projection onto a
///   convex set), so the half-plane keeps the disc clear of the whole box. When `ō_k` lies inside
///   the box, `n` is the normal of the nearest face and `b` the projection on that face;
/// - other robot j, predicted at `q_k`, with `d = r + r_j + m + margin_j` and
///   `n = (ō_k − q_k)/‖ō_k − q_k‖` (the linearisation of Luis & Schoellig's DMPC, "on-demand
///   collision avoidance"): `nᵀ(p_k − q_k) ≥ max(d, (‖ō_k − q_k‖ + d)/2)`. Since ‖n‖ = 1 it
///   implies `‖p_k − q_k‖ ≥ d`. The second term is the **shared plane**: the robot stays `d/2`
///   beyond the midpoint of its own prediction `ō_k` and the other's `q_k`. Robot j, planning in
///   the same step from the same two broadcast plans, writes the same plane with `−n` and keeps
///   `d/2` on its side, so the two *new* plans are `d` apart — whereas keeping `d` from the other's
///   *previous* plan alone lets both step into the gap at once. The previous plans themselves
///   (shifted, i.e. the committed stopping plans) satisfy the planes when they were `d` apart,
///   so with exact information the QP stays feasible from step to step. Lost messages, unequal
///   margins and the sidestep below break that symmetry; the margins cover part of it. Not for a
///   conflicting prediction (the plain `d`, around the sidestep point).
///   A neighbour with ``NeighbourPrediction/holdsNormal`` gets one row, at step 1, with the
///   fixed normal `n = (p_0 − q_1)/‖p_0 − q_1‖` (a "hold": do not move towards it now).
///
/// When the direction is undefined (`ō_k` on the centre or the predicted point), the direction
/// from the current position is used, then +x.
///
/// **Conflicts: pass, else hold.** When ō passes through an object (typically the straight line
/// of a first call, head-on), the normals along ō would turn through 180° ("be before it", then
/// "be past it") and contradict each other. The linearisation point for that object is then
/// moved sideways, so that the half-planes describe *passing* it on one side at the time ō
/// would meet it (see `sidestep(required:_:)`). If that QP is infeasible (the pass cannot be made
/// in time), the QP is rebuilt once with the conflicting objects linearised at the *current*
/// position `p_0` (*hold*: stay on this side of the tangent line facing me, i.e. stop or retreat
/// in front of it), which is feasible whenever stopping short of it is; routing around large
/// obstacles is the job of the intermediate targets given to the controller. Any unit normal
/// gives a valid half-plane, so neither choice weakens the guaranteed clearance.
///
/// **Which half-planes are written (the "on demand" rule).** Every row of a feasible plan obeys
/// `‖v_k‖ ≤ maxSpeed` for k ≥ 1, so `‖p_k − p_0‖ ≤ R_k = dt (‖v_0‖/2 + (k − ½)·maxSpeed)`
/// (trapezoidal integration of the speed bound). A half-plane at step k is written only when its
/// object is within `R_k` (+1 µm) of the required clearance from the *current* position
/// (`‖p_0 − q_k‖ ≤ d + R_k`, the distance of `p_0` to the obstacle ≤ `r + m + R_k`, the wall
/// within reach). A step that is left out cannot violate the real clearance, so **every solved
/// plan keeps the real clearance at every step**, written or not. (A left-out step may cross a
/// shared plane while keeping `d` from `q_k`, so the two-sided argument above is not proven for
/// such a step, which lies far along the horizon; the planes of the next steps take it up.)
///
/// **Recovery.** A robot whose current position already violates a wall's or an obstacle's
/// clearance (after a fallback, or placed there) could never satisfy that object's half-plane
/// at step 1, and would stay in fallback forever. For such an object only, each row's bound is
/// widened, where needed, to just beyond (relative 1e-6) the value reached by braking at the
/// polygon's apothem along `−v` (a plan that satisfies every fixed row): the QP then asks "no
/// worse than braking" of it, and the cost leads the robot out. Rows of objects whose clearance
/// holds now are never widened. **Never into contact:** a widened row is never below contact
/// (`r` instead of `r + m` from the half-plane's boundary point, plus the tightening) unless the
/// robot already touches that wall or obstacle. The braking point's clearance is measured along
/// the row's normal, which is taken at the plan's point, not the braking point's: at a box
/// corner it can be below the radius while the braking point itself is clear, so without the
/// floor a plan could pass the corner in contact. When braking itself would come into contact,
/// the QP is infeasible and the robot falls back. Robot–robot separation is hard by default: a robot already
/// closer to a neighbour's predicted point than required gets the fallback (two robots stopped
/// too close would stay stopped; the caller may retry with smaller margins). With
/// ``RobotMPCSettings/separationRecovery`` the same widening applies to such a neighbour, but
/// never below contact with its predicted point (`r + r_j`, plus the tightening): the margins
/// may be eaten only where they already are, contact is never planned, and when even that is
/// impossible the robot falls back. ``RobotPlan/recoveringObjects`` counts the objects in
/// recovery.
///
/// **Tightening.** Every bound is tightened by ``RobotMPCSettings/constraintTightening``, far
/// above what the solver's relative tolerance 1e-12 can leave, so the untightened constraints
/// hold on the returned plan.
///
/// ## Warm start and changing rows
/// The fixed rows, the variable bounds and every half-plane (identified by its object and step)
/// take the side they had at step k + 1 of the previous solve (shifting the active set one step;
/// step N keeps its own). Neighbours are identified by their index in ``RobotMPCInput/neighbours``,
/// so a caller that keeps their order stable (e.g. sorted by id) gets better guesses; a wrong
/// guess costs time, never correctness. The number of half-plane rows changes from call to call:
/// the solver is set up with room for a capacity of them (initially N), unused rows are zero
/// rows with infinite bounds (never binding, about n multiply-adds each per iteration), and the
/// capacity doubles — the solver is rebuilt, O(n³) once — when a call needs more, and halves
/// (not below N) after 100 calls in a row that used at most a quarter of it.
///
/// ## Stopping plans and the fallback
/// With ``RobotMPCSettings/terminalAtRest`` (the default) every solved plan ends at rest: it is
/// a *stopping plan*. When no plan can be solved — an infeasible QP (after the relaxations the
/// caller offers), an iteration limit, a numerical failure or an unusable input — ``plan(_:relaxations:)``
/// never traps; it returns the fallback, with status ``RobotPlanStatus/fallback(reason:)``:
/// - **the rest of the previous plan** (its accelerations shifted one step, then zero) when that
///   plan ended at rest, the robot is where it said it would be (``committedTail(from:)``), and
///   it is no worse than braking against the present input: not into contact with what it
///   predicts sooner; as soon, not deeper; as deep, no further short of its clearances
///   (``shortfalls(of:_:)``: news since that plan — a neighbour that changed its plan — may
///   have made it the worse choice);
/// - otherwise the **braking plan**: decelerate at `maxAccel` along `−v` (exactly to rest in the
///   last braking step), then keep the position.
///
/// Why the rest of the previous plan: it is the plan this robot *broadcast*, the one its
/// neighbours planned their own paths against, and it was checked against every constraint when
/// it was solved; it ends at rest, so it can be followed to its end. Braking straight instead
/// (what a robot without a stopping plan must do) leaves the path the others planned around:
/// a robot turning round a neighbour would brake along its tangent, into it. This is the
/// recursive-feasibility argument of MPC with a terminal set (here: at rest), carried over to
/// many robots: as long as no robot leaves its broadcast stopping plan, plans that were
/// mutually clear stay clear. What is not guaranteed: two robots that
/// replan in the same step each check their new plan against the other's previous one (the
/// prediction margins, ``NeighbourPrediction/margin``, cover what the other may change), and a
/// robot whose messages were lost is known only by an older plan.
///
/// The braking plan obeys the dynamics and both limits, is a pure function of the state, and of
/// all manoeuvres brings the robot to rest soonest (`‖v‖/maxAccel`) and in the shortest distance
/// (`‖v‖²/(2·maxAccel)`). Neither fallback is checked against the constraints (that is why the QP
/// failed); a robot that ends up within a wall's or an obstacle's clearance recovers from it
/// (above).
///
/// Value semantics, one per robot; ``evaluate(_:)`` works on a copy (it allocates: the solver's
/// buffers are copied on write). ``plan(_:)`` allocates only the returned plan's arrays (and,
/// rarely, when the half-plane capacity grows).
public struct RobotMPC: Sendable {
    public let settings: RobotMPCSettings
    let problem: RobotMPCProblem
    var solver: QPSolver
    /// Rows available for half-planes (walls, obstacles, neighbours).
    var variableRowCapacity: Int
    var gradient: [Double]
    var lower: [Double]
    var upper: [Double]
    var matrix: [Double]
    /// Object (0: x walls, 1: y walls, 2 + i: obstacle i, 2 + O + j: neighbour j) and step of
    /// each half-plane row in use.
    var rowSource: [Int]
    var rowStep: [Int]
    var variableRowCount = 0
    /// Half-plane rows that are non-zero in `matrix` (to be cleared when fewer are used).
    var writtenRowCount = 0
    var needsRebuild = false
    /// Calls in a row that used at most a quarter of the half-plane capacity.
    var idleCalls = 0
    /// The rows of `matrix` the last ``writeHalfPlanes(_:hold:)`` wrote or cleared.
    var changedRows = 0..<0

    var guess: QPActiveSet
    var hasWarmStart = false
    var previousFixed: [QPActiveSet.Side]
    var previousVariables: [QPActiveSet.Side]
    /// Side of each (object, step) half-plane at the last solve, stride N + 1.
    var previousSides: [QPActiveSet.Side]
    var previousSourceCount = 0

    var previousAccelerations: [Vector2]
    var hasPreviousPlan = false
    /// The state the previous plan predicts for the next call (its step 1).
    var previousNext = RobotState(position: Vector2(0, 0), velocity: Vector2(0, 0))
    /// Whether the previous plan ends at rest (``restTolerance``).
    var previousEndsAtRest = false
    /// ō_k, k = 0…N (see the type's documentation).
    var linearisation: [Vector2]
    var solution: [Double]
    /// Objects whose prediction conflicted (a non-zero sidestep) in the last QP built.
    var conflictCount = 0
    /// Walls and obstacles whose clearance the current position already violates (recovery).
    var recoveringCount = 0
    /// Scratch: the recovery braking plan's positions, k = 0…N.
    var recoveryBraking: [Vector2]
    /// Scratch: own linearisation relative to one object, k = 0…N.
    var relative: [Vector2]

    /// Sets up the problem and the solver.
    /// - Precondition: `settings.invalidSetting == nil`.
    /// - Complexity: O(N³).
    public init(settings: RobotMPCSettings) {
        if let problem = settings.invalidSetting { preconditionFailure("invalid RobotMPCSettings: \(problem)") }
        self.settings = settings
        let problem = RobotMPCProblem(settings: settings)
        self.problem = problem
        let big = settings.horizon, n = problem.variableCount
        let capacity = big
        let m = problem.fixedRowCount + capacity
        variableRowCapacity = capacity
        gradient = Array(repeating: 0, count: n)
        lower = Array(repeating: -.infinity, count: m)
        upper = Array(repeating: .infinity, count: m)
        matrix = problem.fixedMatrix + Array(repeating: 0, count: capacity * n)
        rowSource = Array(repeating: 0, count: capacity)
        rowStep = Array(repeating: 0, count: capacity)
        problem.writeFixedBounds(lower: &lower, upper: &upper, velocity: Vector2(0, 0))
        let bound = problem.accelerationApothem
        do {
            solver = try QPSolver(program: QuadraticProgram(
                hessian: problem.hessian, gradient: gradient, constraintMatrix: matrix,
                constraintLower: lower, constraintUpper: upper,
                variableLower: Array(repeating: -bound, count: n), variableUpper: Array(repeating: bound, count: n)))
        } catch {
            preconditionFailure("the robot MPC program is not a strictly convex QP: \(error)")
        }
        guess = QPActiveSet(constraintCount: m, variableCount: n)
        previousFixed = Array(repeating: .inactive, count: problem.fixedRowCount)
        previousVariables = Array(repeating: .inactive, count: n)
        previousSides = Array(repeating: .inactive, count: 8 * (big + 1))
        previousAccelerations = Array(repeating: Vector2(0, 0), count: big)
        linearisation = Array(repeating: Vector2(0, 0), count: big + 1)
        solution = Array(repeating: 0, count: n)
        relative = linearisation
        recoveryBraking = linearisation
    }

    /// N.
    public var horizon: Int { settings.horizon }

    /// Half-plane rows (walls, obstacles, neighbours) of the last QP built.
    public var halfPlaneCount: Int { variableRowCount }

    /// Plans from `input`: builds the QP, solves it warm-started, and remembers the plan (for the
    /// next linearisation, the next warm start and the fallback). When that QP has no solution,
    /// the inputs of `relaxations` (evaluated only then) are tried in order; the first one solved
    /// is the plan, carrying the iterations and solve times of every attempt. Never traps: when
    /// every attempt fails, the fallback (see the type's documentation) with
    /// ``RobotPlanStatus/fallback(reason:)`` giving the first attempt's reason.
    ///
    /// One call per control step: the fallback continues the plan of the *previous call*, so the
    /// retries of a step belong in `relaxations`, not in a second call.
    /// - Complexity: O(N·(N + rows)) to build, plus the solves.
    public mutating func plan(_ input: RobotMPCInput,
                              relaxations: () -> [RobotMPCInput] = { [] }) -> RobotPlan {
        var iterations = 0, seconds = 0.0
        let reason: String
        switch attempt(input, iterations: &iterations, seconds: &seconds) {
        case .success(let plan): return plan
        case .failure(let failure): reason = failure.reason
        }
        for relaxed in relaxations() {
            if case .success(let plan) = attempt(relaxed, iterations: &iterations, seconds: &seconds) { return plan }
        }
        return fallback(input, reason: reason, iterations: iterations, solveTime: seconds)
    }

    /// Why an attempt found no plan (the text of a `fallback-brake` event).
    struct AttemptFailure: Error {
        let reason: String
    }

    /// One attempt: builds the QP for `input` and solves it; on success the plan is remembered
    /// and returned with the iterations and solve time accumulated so far (both are added to).
    mutating func attempt(_ input: RobotMPCInput, iterations: inout Int,
                          seconds: inout Double) -> Result<RobotPlan, AttemptFailure> {
        if let reason = load(input) { return .failure(AttemptFailure(reason: reason)) }
        let useWarm = settings.warmStart && hasWarmStart
        let clock = ContinuousClock()
        var start = clock.now
        var result = solver.solve(warmStart: useWarm ? guess : nil)
        iterations += result.iterations
        if result.status != .solved && useWarm {
            // A wrong warm start costs time, never correctness: a cold start is a second opinion.
            result = solver.solve(warmStart: nil)
            iterations += result.iterations
        }
        seconds += Self.seconds(clock.now - start)
        if result.status == .infeasible && conflictCount > 0 {
            // Passing a conflicting object within the horizon is impossible: hold back instead.
            if let reason = load(input, hold: true) { return .failure(AttemptFailure(reason: reason)) }
            start = clock.now
            result = solver.solve(warmStart: nil)
            iterations += result.iterations
            seconds += Self.seconds(clock.now - start)
        }
        guard result.status == .solved else {
            hasWarmStart = false
            switch result.status {
            case .infeasible: return .failure(AttemptFailure(reason: "QP infeasible: \(constraintSummary(input))"))
            case .maxIterations:
                return .failure(AttemptFailure(
                    reason: "QP stopped after \(result.iterations) iterations: \(constraintSummary(input))"))
            default: return .failure(AttemptFailure(reason: "QP numerical failure: \(constraintSummary(input))"))
            }
        }
        let n = problem.variableCount
        for i in 0..<n { solution[i] = result.x[i] }
        for i in 0..<problem.fixedRowCount { previousFixed[i] = result.activeSet.constraints[i] }
        for i in 0..<n { previousVariables[i] = result.activeSet.variables[i] }
        let residual = result.residuals.maximum
        recordHalfPlaneSides(result.activeSet, sourceCount: 2 + input.obstacles.count + input.neighbours.count)
        hasWarmStart = true
        var accelerations = [Vector2](repeating: Vector2(0, 0), count: horizon)
        for k in 0..<horizon { accelerations[k] = Vector2(solution[2 * k], solution[2 * k + 1]) }
        var plan = rollout(from: input.state, accelerations: accelerations, target: input.target, status: .solved)
        plan.iterations = iterations
        plan.solveTime = seconds
        plan.kktResidual = residual
        plan.recoveringObjects = recoveringCount
        remember(plan)
        return .success(plan)
    }

    /// The plan ``plan(_:)`` would return for `input`, without changing this controller (for
    /// what-ifs such as "what does it cost me if I yield?"). Works on a copy: allocates.
    public func evaluate(_ input: RobotMPCInput) -> RobotPlan {
        var copy = self
        return copy.plan(input)
    }

    /// The quadratic program ``plan(_:)`` would solve for `input` (with the zero padding rows),
    /// or nil when the input is unusable. For tests, reference solvers and benchmarks; allocates.
    public func quadraticProgram(for input: RobotMPCInput) -> QuadraticProgram? {
        var copy = self
        if copy.load(input) != nil { return nil }
        return copy.solver.program
    }

    /// Forgets the previous plan and active set (the next call linearises around a straight line
    /// and starts cold), e.g. after the robot was moved by hand.
    public mutating func reset() {
        hasWarmStart = false
        hasPreviousPlan = false
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    func constraintSummary(_ input: RobotMPCInput) -> String {
        var walls = 0, obstacles = 0, neighbours = 0
        for i in 0..<variableRowCount {
            let source = rowSource[i]
            if source < 2 { walls += 1 } else if source < 2 + input.obstacles.count { obstacles += 1 } else { neighbours += 1 }
        }
        return "no plan meets the speed and acceleration polygons with \(neighbours) neighbour, "
            + "\(obstacles) obstacle and \(walls) wall half-planes"
    }
}
