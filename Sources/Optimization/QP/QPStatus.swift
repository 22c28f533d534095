/// How a call to ``QPSolver/solve(warmStart:)`` ended.
///
/// An infeasible program is an outcome, not an error: the solver reports it here and never traps.
/// Errors (``QPDataError``) are reserved for data that cannot describe a strictly convex QP at all
/// (non-finite numbers, an asymmetric or indefinite Hessian).
public enum QPStatus: String, Sendable, Hashable, CustomStringConvertible {
    /// The returned point satisfies the KKT conditions: every constraint holds within
    /// ``QPSettings/primalTolerance``, the multipliers have the right signs and stationarity holds
    /// to rounding. See ``QPSolution/residuals`` for the measured accuracy.
    case solved
    /// No point satisfies all constraints: a bound pair is crossed (`lower > upper`), a zero row
    /// excludes zero, or the dual active-set method found a violated constraint that no change of
    /// the active set can satisfy (the dual problem is unbounded).
    case infeasible
    /// ``QPSettings/maxIterations`` active-set changes were made without reaching optimality.
    /// The returned point is the last iterate: it minimises the objective on its active set but
    /// may violate other constraints.
    case maxIterations
    /// Rounding destroyed the iterate (a non-finite step, point or multiplier), for example because
    /// the data spans too many orders of magnitude. The returned point must not be used.
    case numericalFailure

    public var description: String { rawValue }
}
