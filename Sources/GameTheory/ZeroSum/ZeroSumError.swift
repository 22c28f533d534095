import Optimization

/// Why `ZeroSumSolver` could not solve a game.
public enum ZeroSumError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A + B is not constant: the game is neither zero-sum nor constant-sum.
    case notConstantSum
    /// The LP solver did not reach an optimum (a failure or limit; the zero-sum LP is always
    /// feasible and bounded).
    case lpNotSolved(LPStatus)
    /// The LP's strategies failed their certificate: their gap exceeds the allowance.
    case certificateFailed(gap: Double, allowance: Double)

    public var description: String {
        switch self {
        case .notConstantSum:
            "the game is not zero-sum or constant-sum (A + B is not constant)"
        case .lpNotSolved(let status):
            "the zero-sum LP was not solved: \(status)"
        case .certificateFailed(let gap, let allowance):
            "the LP strategies fail their certificate: gap \(gap) exceeds \(allowance)"
        }
    }
}
