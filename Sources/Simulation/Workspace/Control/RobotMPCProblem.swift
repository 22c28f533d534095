/// The constant part of a robot's condensed MPC quadratic program (see ``RobotMPC``): the
/// Hessian, the polygon faces and the rows that never change, plus the formulas that write the
/// state-dependent data. Built once per controller from its settings.
///
/// Decision variables (n = 2N), interleaved by step: `x = (a_0x, a_0y, a_1x, a_1y, …)` [m/s²].
/// Prediction (exact zero-order hold, see ``RobotDynamics``), for k = 1…N:
///
///     v_k = v_0 + dt Σ_{j<k} a_j
///     p_k = p_0 + k·dt·v_0 + Σ_{j<k} c_{k,j} a_j,     c_{k,j} = dt² (k − j − ½)
///
/// Rows with a constant matrix (``fixedRowCount`` = N(S − 2) (+ 2), S = polygon sides), in this order:
/// - speed polygon, k = 1…N, face s = 0…S/2−1: `−c_v ≤ n_sᵀ v_k ≤ c_v` (S/2 rows per step),
///   with `n_s = (cos 2πs/S, sin 2πs/S)` and `c_v = maxSpeed·cos(π/S) − tightening`;
/// - acceleration polygon, k = 0…N−1, the S/2 − 2 faces that are not axis-aligned: likewise
///   with `c_a = maxAccel·cos(π/S) − tightening`; the two axis-aligned faces (s = 0 and
///   s = S/4) are the variable bounds `|a_kx|, |a_ky| ≤ c_a`, which the solver handles in O(1);
/// - with ``RobotMPCSettings/terminalAtRest``, the terminal velocity per axis, `dt Σ_j a_j = v_N − v_0`:
///   an equality `= −v_0` (the plan ends at rest) when `‖v_0‖ ≤ N·dt·c_a`, else unbounded.
///
/// The Hessian is block-diagonal in the axes (the cost does not couple x and y):
/// `H = 2 (Σ_k w_k P_kᵀP_k + w_a I + w_v V_NᵀV_N) ⊗ I₂` with `w_k = w_p (+ w_T at k = N)`.
struct RobotMPCProblem: Sendable {
    let settings: RobotMPCSettings
    /// N.
    let horizon: Int
    /// n = 2N.
    let variableCount: Int
    /// S/2 face normals of the polygons (angles 2πs/S, s = 0…S/2−1).
    let faces: [Vector2]
    /// Indices into `faces` of the acceleration faces written as rows (not axis-aligned).
    let accelerationRowFaces: [Int]
    /// `c_v`, `c_a`: the tightened apothems [m/s], [m/s²].
    let speedApothem: Double
    let accelerationApothem: Double
    /// H, n×n row-major.
    let hessian: [Double]
    /// The fixed rows, `fixedRowCount`×n row-major.
    let fixedMatrix: [Double]

    var fixedRowCount: Int { horizon * (faces.count + accelerationRowFaces.count) + terminalRowCount }
    /// The first acceleration-polygon row.
    var accelerationRowStart: Int { horizon * faces.count }
    /// The terminal-velocity rows (x, then y): 2 with ``RobotMPCSettings/terminalAtRest``, else 0.
    var terminalRowCount: Int { settings.terminalAtRest ? 2 : 0 }
    /// The first terminal-velocity row.
    var terminalRowStart: Int { horizon * (faces.count + accelerationRowFaces.count) }

    init(settings: RobotMPCSettings) {
        self.settings = settings
        let big = settings.horizon, n = 2 * big, dt = settings.dt
        horizon = big
        variableCount = n
        let half = settings.polygonSides / 2
        faces = (0..<half).map { s in
            // The axis-aligned faces exactly (cos(π/2) is not exactly 0 in floating point).
            if s == 0 { return Vector2(1, 0) }
            if s == half / 2 { return Vector2(0, 1) }
            let angle = 2 * Double.pi * Double(s) / Double(settings.polygonSides)
            return Vector2(Math.cos(angle), Math.sin(angle))
        }
        accelerationRowFaces = (0..<half).filter { $0 != 0 && $0 != half / 2 }
        let cosine = Math.cos(Double.pi / Double(settings.polygonSides))
        speedApothem = settings.maxSpeed * cosine - settings.constraintTightening
        accelerationApothem = settings.maxAccel * cosine - settings.constraintTightening

        // Per-axis Hessian Hs (N×N), then H = Hs ⊗ I₂.
        var hs = [Double](repeating: 0, count: big * big)
        for i in 0..<big {
            for j in 0...i {
                var sum = 0.0
                for k in (i + 1)...big {
                    let weight = settings.positionWeight + (k == big ? settings.terminalWeight : 0)
                    sum += weight * Self.positionCoefficient(step: k, acceleration: i, dt: dt)
                        * Self.positionCoefficient(step: k, acceleration: j, dt: dt)
                }
                sum += settings.terminalVelocityWeight * dt * dt
                if i == j { sum += settings.accelWeight }
                hs[i * big + j] = 2 * sum
                hs[j * big + i] = 2 * sum
            }
        }
        var h = [Double](repeating: 0, count: n * n)
        for i in 0..<big {
            for j in 0..<big {
                h[(2 * i) * n + 2 * j] = hs[i * big + j]
                h[(2 * i + 1) * n + 2 * j + 1] = hs[i * big + j]
            }
        }
        hessian = h

        let terminalRows = settings.terminalAtRest ? 2 : 0
        var matrix = [Double](repeating: 0, count: (big * (faces.count + accelerationRowFaces.count) + terminalRows) * n)
        var row = 0
        for k in 1...big {
            for face in faces {
                for j in 0..<k {
                    matrix[row * n + 2 * j] = dt * face.x
                    matrix[row * n + 2 * j + 1] = dt * face.y
                }
                row += 1
            }
        }
        for k in 0..<big {
            for s in accelerationRowFaces {
                matrix[row * n + 2 * k] = faces[s].x
                matrix[row * n + 2 * k + 1] = faces[s].y
                row += 1
            }
        }
        for axis in 0..<terminalRows {
            for j in 0..<big { matrix[row * n + 2 * j + axis] = dt }
            row += 1
        }
        fixedMatrix = matrix
    }

    /// `c_{k,j} = dt²(k − j − ½)`: the effect of `a_j` on `p_k` (0 for j ≥ k).
    @inline(__always)
    static func positionCoefficient(step k: Int, acceleration j: Int, dt: Double) -> Double {
        j < k ? dt * dt * (Double(k - j) - 0.5) : 0
    }

    /// The position at step k with every acceleration zero: `p_0 + k·dt·v_0`.
    @inline(__always)
    func freePosition(step k: Int, from state: RobotState) -> Vector2 {
        state.position + (Double(k) * settings.dt) * state.velocity
    }

    /// Writes `g` (length n) for `state` and `target`:
    /// `g = 2 (Σ_k w_k P_kᵀ(p_0 + k dt v_0 − t) + w_v dt·𝟙 v_0)` per axis.
    func writeGradient(_ gradient: inout [Double], state: RobotState, target: Vector2) {
        let big = horizon, dt = settings.dt
        for j in 0..<big {
            var gx = settings.terminalVelocityWeight * dt * state.velocity.x
            var gy = settings.terminalVelocityWeight * dt * state.velocity.y
            for k in (j + 1)...big {
                let weight = settings.positionWeight + (k == big ? settings.terminalWeight : 0)
                let c = weight * Self.positionCoefficient(step: k, acceleration: j, dt: dt)
                let error = freePosition(step: k, from: state) - target
                gx += c * error.x
                gy += c * error.y
            }
            gradient[2 * j] = 2 * gx
            gradient[2 * j + 1] = 2 * gy
        }
    }

    /// Whether a plan from velocity `v0` can end at rest: `‖v0‖ ≤ N·dt·c_a` (braking at the
    /// acceleration polygon's apothem along `−v0` stops within the horizon).
    func canStop(from v0: Vector2) -> Bool {
        v0.length <= Double(horizon) * settings.dt * accelerationApothem
    }

    /// Writes the bounds of the fixed rows for the current velocity `v0`.
    func writeFixedBounds(lower: inout [Double], upper: inout [Double], velocity v0: Vector2) {
        var row = 0
        for _ in 1...horizon {
            for face in faces {
                let offset = face.dot(v0)
                lower[row] = -speedApothem - offset
                upper[row] = speedApothem - offset
                row += 1
            }
        }
        for _ in 0..<horizon {
            for _ in accelerationRowFaces {
                lower[row] = -accelerationApothem
                upper[row] = accelerationApothem
                row += 1
            }
        }
        guard settings.terminalAtRest else { return }
        let stops = canStop(from: v0)
        for value in [v0.x, v0.y] {
            lower[row] = stops ? -value : -.infinity
            upper[row] = stops ? -value : .infinity
            row += 1
        }
    }

    /// Writes row `row` of `matrix` (n columns) as `normalᵀ p_k` minus its constant part, i.e.
    /// the coefficients `c_{k,j}·normal` on `a_j` for j < k and zeros elsewhere.
    @inline(__always)
    func writePositionRow(_ matrix: inout [Double], row: Int, normal: Vector2, step k: Int) {
        let n = variableCount, dt = settings.dt, base = row * n
        for j in 0..<horizon {
            let c = Self.positionCoefficient(step: k, acceleration: j, dt: dt)
            matrix[base + 2 * j] = c * normal.x
            matrix[base + 2 * j + 1] = c * normal.y
        }
    }

    /// The MPC objective of a plan (see ``RobotMPCSettings``), from its own arrays.
    func cost(positions: [Vector2], velocities: [Vector2], accelerations: [Vector2], target: Vector2) -> Double {
        var total = 0.0
        for k in 1...horizon {
            let weight = settings.positionWeight + (k == horizon ? settings.terminalWeight : 0)
            total += weight * (positions[k] - target).lengthSquared
        }
        total += settings.terminalVelocityWeight * velocities[horizon].lengthSquared
        for a in accelerations { total += settings.accelWeight * a.lengthSquared }
        return total
    }
}
