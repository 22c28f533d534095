/// The outcome of solving a linear program.
///
/// An infeasible or unbounded program is a normal outcome, reported here; solvers throw only
/// for invalid input.
public enum LPStatus: Sendable, Hashable, CustomStringConvertible {
    /// An optimal solution was found (within the solver's feasibility tolerances).
    case optimal
    /// The constraints and bounds admit no point.
    case infeasible
    /// The objective can be improved without limit over the feasible set.
    case unbounded
    /// The solver stopped without a verdict: iteration or time limit, numerical trouble, or an
    /// internal failure. `reason` says which, for people.
    case failed(reason: String)

    public var description: String {
        switch self {
        case .optimal: "optimal"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .failed(let reason): "failed (\(reason))"
        }
    }
}

/// Where a variable or row activity sits in a basic solution.
public enum LPBasisStatus: Sendable, Hashable {
    /// In the basis: its value is determined by the non-basic ones and may lie strictly inside
    /// its bounds (a basic variable at a bound is *degenerate*).
    case basic
    /// Non-basic at its lower bound.
    case atLower
    /// Non-basic at its upper bound.
    case atUpper
    /// Non-basic and free (no bounds): its value is 0.
    case free
    /// Non-basic with equal lower and upper bounds.
    case fixed

    /// Whether the variable or row is non-basic (held at a bound or at 0).
    public var isNonbasic: Bool { self != .basic }
}
