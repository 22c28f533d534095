#!/usr/bin/env python3
"""Generates Tests/SimulationTests/Workspace/RobotMPCReferenceFixtures.swift: robot MPC situations
with reference plans from independent tools. Not run by the tests; rerun by hand:

    pip install numpy cvxopt quadprog
    python3 Tests/SimulationTests/Workspace/Fixtures/generate_robot_mpc_references.py \
        > Tests/SimulationTests/Workspace/RobotMPCReferenceFixtures.swift

What is independent of nashsim: the QP is built here from the formulation documented on RobotMPC
and RobotMPCProblem (first call: linearisation around the straight line p0 + k dt v0), by other
means: the prediction matrices come from powers of the 4-state (p, v) transition matrix instead of
the closed-form coefficients, the cost from stacked weighted least squares, the octagon from its
4 face normals applied to both the velocity and the acceleration (no bound/row split), and every
constraint as a one-sided row G x <= h, plus the terminal rest v_N = 0 as an equality A x = b
(written, as in RobotMPC, when |v0| <= N dt c_a), and the neighbour rows with the shared plane
(half the required distance beyond the midpoint of the two predictions, at least the required
distance; the plain required distance where the prediction conflicts). The reference is quadprog.solve_qp (Goldfarb-Idnani,
Fortran: exact to rounding), confirmed by cvxopt.solvers.qp (interior point, an independent
algorithm) at tolerances 1e-10 to within 1e-6 (cvxopt's own accuracy; a case on which they
disagree is skipped with a note on stderr); a case
that both report infeasible is written as an expected fallback. As in RobotMPC, an infeasible
"pass" QP with conflicting objects is rebuilt once in "hold" mode. No case starts inside a wall's
or an obstacle's clearance, so RobotMPC's recovery widening is not modelled here. Data are rounded to short
decimals so the Swift literals are exact.
"""
import math
import sys
from importlib.metadata import version

import cvxopt
import numpy as np
import quadprog

DT, N, RADIUS, VMAX, AMAX, MARGIN = 0.1, 20, 0.2, 1.0, 1.0, 0.05
WP, WT, WA, WV = 1.0, 10.0, 0.5, 1.0  # RobotControllerConfig defaults; terminalVelocityWeight 1
SIDES, TIGHTENING, REACH_SLACK = 8, 1e-7, 1e-6


def prediction_matrices():
    """x = (px, py, vx, vy); returns Phi (4N x 4), Gamma (4N x 2N) with X = Phi x0 + Gamma u."""
    a = np.eye(4)
    a[0, 2] = a[1, 3] = DT
    b = np.zeros((4, 2))
    b[0, 0] = b[1, 1] = 0.5 * DT * DT
    b[2, 0] = b[3, 1] = DT
    phi = np.zeros((4 * N, 4))
    gamma = np.zeros((4 * N, 2 * N))
    for k in range(1, N + 1):
        phi[4 * (k - 1):4 * k] = np.linalg.matrix_power(a, k)
        for j in range(k):
            gamma[4 * (k - 1):4 * k, 2 * j:2 * j + 2] = np.linalg.matrix_power(a, k - 1 - j) @ b
    return phi, gamma


PHI, GAMMA = prediction_matrices()


def rows_of(k, what):  # rows of (Phi, Gamma) giving p_k or v_k (2 rows)
    base = 4 * (k - 1) + (0 if what == "p" else 2)
    return PHI[base:base + 2], GAMMA[base:base + 2]


def unit(v):
    return v / np.linalg.norm(v)


def direction(a, b, c, d):
    primary = b - a
    if np.linalg.norm(primary) > 1e-9:
        return unit(primary)
    secondary = d - c
    if np.linalg.norm(secondary) > 1e-9:
        return unit(secondary)
    return np.array([1.0, 0.0])


def box_distance(p, lo, hi):
    return np.linalg.norm(p - np.minimum(np.maximum(p, lo), hi))


def obstacle_distance(p, obstacle):
    if obstacle[0] == "circle":
        return max(0.0, np.linalg.norm(p - obstacle[1]) - obstacle[2])
    return box_distance(p, obstacle[1], obstacle[2])


def open_side(direction, obj, required, case):
    """direction, or the opposite when passing obj on that side leaves no room (walls, obstacles)
    and on the other side does."""
    clearance = RADIUS + MARGIN

    def is_open(point):
        if abs(point[0]) > case["half"] - clearance or abs(point[1]) > case["half"] - clearance:
            return False
        return all(obstacle_distance(point, o) >= clearance for o in case["obstacles"])

    if not is_open(obj + required * direction) and is_open(obj - required * direction):
        return -direction
    return direction


def sidestep(relative, required, way, line, case):
    """relative[k] = line[k] - object(k); way: target - line[N], for the 'blocked' check."""
    lengths = [np.linalg.norm(relative[k]) for k in range(1, N + 1)]
    best = 1 + int(np.argmin(lengths))
    if lengths[best - 1] >= required:
        length = np.linalg.norm(way)
        if length <= 1e-9:
            return np.zeros(2)
        u = way / length
        along = min(length, max(0.0, -u @ relative[N]))
        closest = relative[N] + along * u
        if along <= 0 or np.linalg.norm(closest) >= required:
            return np.zeros(2)
        right = np.array([u[1], -u[0]])
        direction = -right if right @ closest < -1e-9 else right
        return required * open_side(direction, line[N] - relative[N], required, case)
    motion = relative[min(best + 1, N)] - relative[best - 1]
    if np.linalg.norm(motion) < 1e-9:
        return np.zeros(2)
    right = np.array([motion[1], -motion[0]]) / np.linalg.norm(motion)
    side = right @ relative[best]
    direction = -right if side < -1e-9 else right
    return required * open_side(direction, line[best] - relative[best], required, case)


def half_plane(obstacle, point, current, clearance):
    if obstacle[0] == "circle":
        normal = direction(obstacle[1], point, obstacle[1], current)
        return normal, normal @ obstacle[1] + obstacle[2] + clearance
    lo, hi = obstacle[1], obstacle[2]
    nearest = np.minimum(np.maximum(point, lo), hi)
    if np.linalg.norm(point - nearest) > 1e-9:
        normal = unit(point - nearest)
        return normal, normal @ nearest + clearance
    depths = [point[0] - lo[0], hi[0] - point[0], point[1] - lo[1], hi[1] - point[1]]
    face = int(np.argmin(depths))
    return [(np.array([-1.0, 0]), -lo[0] + clearance), (np.array([1.0, 0]), hi[0] + clearance),
            (np.array([0, -1.0]), -lo[1] + clearance), (np.array([0, 1.0]), hi[1] + clearance)][face]


def build_qp(case, hold=False):
    p0, v0, target = case["p0"], case["v0"], case["target"]
    x0 = np.concatenate([p0, v0])
    # Cost: sum_k w_k |p_k - t|^2 + WV |v_N|^2 + WA |u|^2 as stacked least squares.
    blocks, offsets = [], []
    for k in range(1, N + 1):
        phi, gamma = rows_of(k, "p")
        w = WP + (WT if k == N else 0.0)
        blocks.append(math.sqrt(w) * gamma)
        offsets.append(math.sqrt(w) * (phi @ x0 - target))
    phi, gamma = rows_of(N, "v")
    blocks.append(math.sqrt(WV) * gamma)
    offsets.append(math.sqrt(WV) * (phi @ x0))
    blocks.append(math.sqrt(WA) * np.eye(2 * N))
    offsets.append(np.zeros(2 * N))
    m, r = np.vstack(blocks), np.concatenate(offsets)
    hessian, gradient = 2 * m.T @ m, 2 * m.T @ r
    constant = r @ r

    g_rows, h_rows = [], []

    def at_most(row, bound):
        g_rows.append(row)
        h_rows.append(bound)

    faces = [np.array([math.cos(2 * math.pi * s / SIDES), math.sin(2 * math.pi * s / SIDES)]) for s in range(SIDES // 2)]
    cv = VMAX * math.cos(math.pi / SIDES) - TIGHTENING
    ca = AMAX * math.cos(math.pi / SIDES) - TIGHTENING
    for k in range(1, N + 1):
        phi, gamma = rows_of(k, "v")
        for f in faces:
            at_most(f @ gamma, cv - f @ phi @ x0)
            at_most(-f @ gamma, cv + f @ phi @ x0)
    for k in range(N):
        for f in faces:
            row = np.zeros(2 * N)
            row[2 * k:2 * k + 2] = f
            at_most(row, ca)
            at_most(-row, ca)

    speed = np.linalg.norm(v0)
    reach = lambda k: DT * (0.5 * speed + (k - 0.5) * VMAX) + REACH_SLACK
    clearance = RADIUS + MARGIN
    line = [p0 + k * DT * v0 for k in range(N + 1)]
    half_planes = []  # (k, normal, offset): normal . p_k >= offset
    conflicts = 0

    for axis in range(2):
        room = case["half"] - clearance - abs(p0[axis])
        e = np.eye(2)[axis]
        for k in range(1, N + 1):
            if room <= reach(k):
                half_planes.append((k, e, -case["half"] + clearance))
                half_planes.append((k, -e, -(case["half"] - clearance)))
    for obstacle in case["obstacles"]:
        gap = obstacle_distance(p0, obstacle) - clearance
        if gap > reach(N):
            continue
        if obstacle[0] == "circle":
            centre, extent = obstacle[1], obstacle[2]
        else:
            centre, extent = 0.5 * (obstacle[1] + obstacle[2]), 0.5 * np.linalg.norm(obstacle[2] - obstacle[1])
        shift = sidestep([line[k] - centre for k in range(N + 1)], extent + clearance, target - line[N], line, case)
        conflict = bool(np.any(shift != 0))
        conflicts += conflict
        for k in range(1, N + 1):
            if gap <= reach(k):
                point = p0 if conflict and hold else line[k] + shift
                normal, offset = half_plane(obstacle, point, p0, clearance)
                half_planes.append((k, normal, offset))
    for positions, radius, margin in case["neighbours"]:
        q = lambda k: positions[min(k, len(positions) - 1)]
        required = RADIUS + radius + MARGIN + margin
        if not any(np.linalg.norm(p0 - q(k)) - required <= reach(k) for k in range(1, N + 1)):
            continue
        shift = sidestep([line[k] - q(k) for k in range(N + 1)], required, target - line[N], line, case)
        conflict = bool(np.any(shift != 0))
        conflicts += conflict
        for k in range(1, N + 1):
            if np.linalg.norm(p0 - q(k)) - required <= reach(k):
                point = p0 if conflict and hold else line[k] + shift
                normal = direction(q(k), point, q(k), p0)
                # Shared plane: half the required distance beyond the midpoint of the two
                # predictions, never less than the required distance from q (not for a conflict).
                shared = 0.0 if conflict else 0.5 * (np.linalg.norm(point - q(k)) + required)
                half_planes.append((k, normal, normal @ q(k) + max(required, shared)))
    for k, normal, offset in half_planes:
        phi, gamma = rows_of(k, "p")
        at_most(-normal @ gamma, -(offset + TIGHTENING) + normal @ phi @ x0)
    # Terminal rest: v_N = Phi x0 + Gamma u = 0, when the speed can be cancelled within the horizon.
    phi, gamma = rows_of(N, "v")
    if speed <= N * DT * ca:
        a_rows, b_rows = gamma, -(phi @ x0)
    else:
        a_rows, b_rows = np.zeros((0, 2 * N)), np.zeros(0)
    return hessian, gradient, constant, np.array(g_rows), np.array(h_rows), a_rows, b_rows, conflicts


def solve_cvxopt(hessian, gradient, g, h, a, b):
    m = lambda v: cvxopt.matrix(np.asarray(v, dtype=float))
    cvxopt.solvers.options.update(show_progress=False, abstol=1e-10, reltol=1e-10, feastol=1e-10, maxiters=300)
    if len(b):
        result = cvxopt.solvers.qp(m(hessian), m(gradient), m(g), m(h), m(a), m(b))
    else:
        result = cvxopt.solvers.qp(m(hessian), m(gradient), m(g), m(h))
    # "unknown" (tolerance not reached) still returns its last iterate, checked against quadprog.
    x = result["x"]
    return (np.array(x).ravel() if x is not None else None), result["status"]


def solve_quadprog(hessian, gradient, g, h, a, b):
    try:  # quadprog: C^T x >= b with the first meq rows equalities
        return quadprog.solve_qp(hessian, -gradient, np.vstack([a, -g]).T, np.concatenate([b, -h]), len(b))[0]
    except ValueError:
        return None


def random_case(seed, neighbours_max=4):
    rng = np.random.default_rng(seed)
    r = lambda lo, hi, size=None: np.round(rng.uniform(lo, hi, size), 3)
    half = 5.0
    p0 = r(-4.5, 4.5, 2)
    speed, heading = r(0, 0.85), r(0, 2 * math.pi)
    v0 = np.round(np.array([speed * math.cos(heading), speed * math.sin(heading)]), 3)
    obstacles = []
    for _ in range(rng.integers(0, 3)):
        centre = p0 + r(-2, 2, 2)
        if rng.uniform() < 0.5:
            obstacle = ("circle", centre, r(0.2, 0.6))
        else:
            obstacle = ("box", centre, np.round(centre + r(0.2, 1.2, 2), 3))
        if obstacle_distance(p0, obstacle) > RADIUS + MARGIN + 0.1:
            obstacles.append(obstacle)
    neighbours = []
    for _ in range(rng.integers(0, neighbours_max + 1)):
        start = p0 + r(-1.5, 1.5, 2)
        velocity = r(-0.7, 0.7, 2)
        radius, margin = r(0.1, 0.3), r(0, 0.05)
        if np.linalg.norm(start - p0) < RADIUS + radius + MARGIN + margin + 0.1:
            continue
        count = int(rng.integers(N // 2, N + 2))  # sometimes shorter than N + 1: held at the last point
        neighbours.append(([start + k * DT * velocity for k in range(count)], radius, margin))
    return dict(p0=p0, v0=v0, target=r(-4.5, 4.5, 2), half=half, obstacles=obstacles, neighbours=neighbours)


def handmade_cases():
    head_on = [np.array([1.0 - 0.08 * k, 0.05]) for k in range(N + 1)]
    return [
        ("headOnNeighbour", dict(p0=np.array([-1.0, 0.0]), v0=np.array([0.8, 0.0]), target=np.array([3.0, 0.0]),
                                 half=5.0, obstacles=[], neighbours=[(head_on, 0.2, 0.02)])),
        ("nearWall", dict(p0=np.array([4.5, 0.3]), v0=np.array([0.6, 0.2]), target=np.array([6.0, 2.0]),
                          half=5.0, obstacles=[], neighbours=[])),
        ("circleInPath", dict(p0=np.array([-2.0, 0.0]), v0=np.array([0.5, 0.0]), target=np.array([2.0, 0.0]),
                              half=5.0, obstacles=[("circle", np.array([-1.0, 0.0]), 0.3)], neighbours=[])),
        ("boxInPath", dict(p0=np.array([0.0, -2.0]), v0=np.array([0.0, 0.7]), target=np.array([0.3, 2.0]),
                           half=5.0, obstacles=[("box", np.array([-0.5, -1.2]), np.array([0.6, -0.9]))], neighbours=[])),
        ("boxedIn", dict(p0=np.array([0.0, 0.0]), v0=np.array([0.5, 0.0]), target=np.array([3.0, 0.0]), half=5.0,
                         obstacles=[], neighbours=[([np.array([round(0.35 * math.cos(i * math.pi / 4), 6),
                                                               round(0.35 * math.sin(i * math.pi / 4), 6)])], 0.2, 0.0)
                                                   for i in range(8)])),
    ]


def vec(v):
    return f"Vector2({float(v[0])!r}, {float(v[1])!r})"


def swift_case(name, case, reference, cost, note):
    lines = [f"    /// {note}", f"    static let {name} = RobotMPCReferenceCase(", f"        name: \"{name}\","]
    lines.append(f"        position: {vec(case['p0'])}, velocity: {vec(case['v0'])}, target: {vec(case['target'])},")
    lines.append(f"        half: {float(case['half'])!r},")
    obstacles = []
    for o in case["obstacles"]:
        if o[0] == "circle":
            obstacles.append(f".circle(center: {vec(o[1])}, radius: {float(o[2])!r})")
        else:
            obstacles.append(f".box(min: {vec(o[1])}, max: {vec(o[2])})")
    lines.append(f"        obstacles: [{', '.join(obstacles)}],")
    lines.append("        neighbours: [")
    for positions, radius, margin in case["neighbours"]:
        points = ", ".join(vec(p) for p in positions)
        lines.append(f"            NeighbourPrediction(positions: [{points}], radius: {float(radius)!r}, margin: {float(margin)!r}),")
    lines.append("        ],")
    if reference is None:
        lines.append("        referenceAccelerations: nil, referenceCost: nil)")
    else:
        values = ", ".join(repr(float(x)) for x in reference)
        lines.append(f"        referenceAccelerations: [{values}],")
        lines.append(f"        referenceCost: {float(cost)!r})")
    return "\n".join(lines) + "\n"


def main():
    cases = handmade_cases() + [(f"random{seed}", random_case(seed)) for seed in range(101, 115)]
    out = sys.stdout
    out.write("// Generated by Tests/SimulationTests/Workspace/Fixtures/generate_robot_mpc_references.py; do not edit.\n")
    out.write(f"// Reference plans: quadprog {version('quadprog')} (solve_qp), each confirmed by cvxopt {version('cvxopt')}\n")
    out.write(f"// (solvers.qp, abstol = reltol = feastol = 1e-10) to within 1e-6; numpy {np.__version__},\n")
    out.write(f"// Python {sys.version.split()[0]}.\n\nimport Simulation\n\n")
    out.write("/// Robot MPC situations (first call, standard settings) with reference plans from independent tools.\n")
    out.write("enum RobotMPCReferenceFixtures {\n")
    names = []
    for name, case in cases:
        hessian, gradient, constant, g, h, a, b, conflicts = build_qp(case)
        mode = "pass"
        x_check = solve_quadprog(hessian, gradient, g, h, a, b)
        if x_check is None and conflicts > 0:
            hessian, gradient, constant, g, h, a, b, conflicts = build_qp(case, hold=True)
            mode = "hold"
            x_check = solve_quadprog(hessian, gradient, g, h, a, b)
        x_ref, status = solve_cvxopt(hessian, gradient, g, h, a, b)
        if x_check is None:
            assert status != "optimal", f"{name}: quadprog says infeasible, cvxopt found a solution"
            note = f"{len(h)} one-sided rows, {len(b)} equalities; infeasible: quadprog and cvxopt ({status}) agree."
            out.write(swift_case(name, case, None, None, note) + "\n")
        else:
            gap = np.max(np.abs(x_ref - x_check)) if x_ref is not None else np.inf
            if gap > 1e-6:
                print(f"skipping {name}: cvxopt ({status}) and quadprog differ by {gap}", file=sys.stderr)
                continue
            x_ref = x_check  # the active-set solution is exact to rounding; cvxopt confirms it
            cost = 0.5 * x_ref @ hessian @ x_ref + gradient @ x_ref + constant
            active = int(np.sum(g @ x_ref >= h - 1e-9))
            note = (f"{mode}: {len(h)} one-sided rows and {len(b)} equalities, {active} active at the reference; "
                    f"cvxopt and quadprog agree to {gap:.1e}.")
            out.write(swift_case(name, case, x_ref, cost, note) + "\n")
        names.append(name)
    out.write(f"    static let all: [RobotMPCReferenceCase] = [{', '.join(names)}]\n")
    out.write("}\n")


if __name__ == "__main__":
    main()
