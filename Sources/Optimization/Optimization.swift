// Optimization: linear and quadratic programs as plain values, and the dense QP solver used by the
// model predictive controllers. Standard library only; concrete LP solvers (GLPK) live in their own
// targets and are reached through the `LPSolving` protocol.
