#!/usr/bin/env python3
"""Times OSQP on the robot MPC QPs exported by `nashsim-bench robot-qp`, the anchor of that section.
Not run by the tests; rerun by hand:

    pip install numpy scipy osqp
    NASHSIM_ROBOT_QP_EXPORT=/tmp/robot-qp.json swift run -c release nashsim-bench robot-qp
    python3 Tests/SimulationTests/Workspace/Fixtures/osqp_robot_qp.py /tmp/robot-qp.json

Each exported QP is  minimise ½xᵀHx + gᵀx  s.t.  l ≤ Cx ≤ u,  lb ≤ x ≤ ub  (|bounds| ≥ 1e30 mean ∞).
OSQP takes  l ≤ Ax ≤ u  with A = [C; I]. Per episode, OSQP is set up once on the union sparsity
pattern of the episode's matrices; every step updates q, l, u and A's values and solves warm-started
from the previous step's solution (OSQP's warm_starting), at eps_abs = eps_rel = 1e-6 (polish off,
the default). Reported: OSQP's own solve_time (excludes setup and updates), p50/p95/max, and the
largest difference from nashsim's solution.
"""
import json
import sys
from importlib.metadata import version

import numpy as np
import osqp
import scipy.sparse as sp


def main(path):
    data = json.load(open(path))
    n = data["n"]
    hessian = np.array(data["hessian"]).reshape(n, n)
    fixed = np.array(data["fixed_matrix"]).reshape(-1, n)
    lb, ub = np.array(data["variable_lower"]), np.array(data["variable_upper"])
    episodes = {}
    for problem in data["problems"]:
        episodes.setdefault(problem["episode"], []).append(problem)
    times, ours, iterations, differences, statuses = [], [], [], [], {}
    P = sp.csc_matrix(np.triu(hessian))
    for name, problems in episodes.items():
        rows = max(len(p["lower"]) for p in problems)
        matrices = []
        for p in problems:
            extra = np.array(p["rows"]).reshape(-1, n)
            c = np.zeros((rows, n))
            c[: fixed.shape[0]] = fixed
            c[fixed.shape[0] : fixed.shape[0] + extra.shape[0]] = extra
            matrices.append(np.vstack([c, np.eye(n)]))
        pattern = np.zeros_like(matrices[0], dtype=bool)
        for a in matrices:
            pattern |= a != 0
        rr, cc = np.nonzero(pattern.T)  # column-major order, as CSC stores it
        shape = matrices[0].shape

        def csc(a):
            return sp.csc_matrix((a[cc, rr], (cc, rr)), shape=shape)

        def bounds(p):
            lower = np.full(rows, -np.inf)
            upper = np.full(rows, np.inf)
            lower[: len(p["lower"])] = p["lower"]
            upper[: len(p["upper"])] = p["upper"]
            lower = np.concatenate([lower, lb])
            upper = np.concatenate([upper, ub])
            lower[lower <= -1e30] = -np.inf
            upper[upper >= 1e30] = np.inf
            return lower, upper

        solver = osqp.OSQP()
        first_lower, first_upper = bounds(problems[0])
        a0 = csc(matrices[0])
        solver.setup(P, np.array(problems[0]["gradient"]), a0, first_lower, first_upper,
                     eps_abs=1e-6, eps_rel=1e-6, verbose=False, warm_starting=True, polishing=False)
        for index, (p, a) in enumerate(zip(problems, matrices)):
            lower, upper = bounds(p)
            if index > 0:
                solver.update(q=np.array(p["gradient"]), l=lower, u=upper, Ax=a[cc, rr])
            result = solver.solve()
            statuses[result.info.status] = statuses.get(result.info.status, 0) + 1
            times.append(result.info.solve_time)
            iterations.append(result.info.iter)
            ours.append(p["solve_seconds"])
            if result.x is not None:
                differences.append(np.max(np.abs(result.x - np.array(p["solution"]))))
    t = np.array(times) * 1e6
    o = np.array(ours) * 1e6
    print(f"osqp {version('osqp')}, numpy {np.__version__}; {len(t)} QPs in {len(episodes)} episodes; statuses {statuses}")
    print(f"OSQP solve_time p50 {np.percentile(t, 50):.1f} us, p95 {np.percentile(t, 95):.1f} us, max {t.max():.1f} us; "
          f"iterations p50 {int(np.percentile(iterations, 50))}, max {max(iterations)}")
    print(f"nashsim (warm) on the same QPs: p50 {np.percentile(o, 50):.1f} us, p95 {np.percentile(o, 95):.1f} us, max {o.max():.1f} us")
    print(f"largest |x_osqp - x_nashsim|: {max(differences):.1e}")


if __name__ == "__main__":
    main(sys.argv[1])
