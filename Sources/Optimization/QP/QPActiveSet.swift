/// Which side of each constraint row and each variable bound holds with equality at a solution:
/// the combinatorial part of a QP solution, and the warm start for the next solve.
///
/// An MPC caller typically shifts the previous active set one step along its horizon before the
/// next solve (see ``LongitudinalMPCProblem/shifted(_:)``). A guess does not need to be right, or
/// even consistent: the solver keeps the guessed constraints that are linearly independent, drops
/// those whose multipliers come out with the wrong sign, and carries on from there.
public struct QPActiveSet: Sendable, Hashable {
    /// The state of one row or bound.
    public enum Side: UInt8, Sendable, Hashable {
        /// Not binding (or not known to bind).
        case inactive
        /// Held at its lower bound (`(Cx)_i = l_i`, or `x_j = lb_j`).
        case lower
        /// Held at its upper bound.
        case upper
        /// An equality row or fixed variable (`l == u`). Equalities are always in the active
        /// set; on input this case means the same as any other for such a row.
        case equality
    }

    /// One entry per constraint row, in the order of the rows of `C`.
    public var constraints: [Side]
    /// One entry per variable.
    public var variables: [Side]

    /// An active set with every row and bound inactive (a cold start).
    public init(constraintCount: Int, variableCount: Int) {
        constraints = Array(repeating: .inactive, count: constraintCount)
        variables = Array(repeating: .inactive, count: variableCount)
    }

    public init(constraints: [Side], variables: [Side]) {
        self.constraints = constraints
        self.variables = variables
    }

    /// The active set implied by multipliers in OSQP's sign convention: a positive multiplier
    /// marks the upper side, a negative one the lower side, zero marks the entry inactive. Useful
    /// to warm-start from a dual solution obtained elsewhere.
    public init(constraintMultipliers y: [Double], boundMultipliers z: [Double]) {
        func side(_ value: Double) -> Side { value > 0 ? .upper : (value < 0 ? .lower : .inactive) }
        constraints = y.map(side)
        variables = z.map(side)
    }

    /// Number of rows and bounds that are not ``Side/inactive``.
    public var count: Int {
        constraints.lazy.filter { $0 != .inactive }.count + variables.lazy.filter { $0 != .inactive }.count
    }
}
