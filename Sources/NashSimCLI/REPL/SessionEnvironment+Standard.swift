import Foundation
import GameTheory
import GLPK

extension SessionEnvironment {
    /// Longest a `solve` may search before it reports what it found so far [s]. Ctrl-C stops it sooner.
    static let solveTimeBudgetSeconds = 120.0

    /// The real solver (`GameSolver` with GLPK for the zero-sum LP, all cores for the enumeration) and
    /// the catalogue of `GameTheory`; paths relative to the working directory. A solve can be
    /// interrupted through `SolveInterruption.shared` (Ctrl-C on a terminal).
    static var standard: SessionEnvironment {
        SessionEnvironment(
            solve: { game, method in
                try SolveInterruption.shared.whileRunning { cancellation in
                    let solver = GameSolver(
                        lpSolver: GLPKSolver(),
                        options: EnumerationOptions(threads: max(1, ProcessInfo.processInfo.activeProcessorCount),
                                                    cancellation: cancellation,
                                                    timeBudgetSeconds: solveTimeBudgetSeconds))
                    do {
                        return try solver.solve(game, method: method.gameSolverMethod)
                    } catch GameSolverError.notConstantSum {
                        throw SessionSolveError("the lp method needs a zero-sum or constant-sum game (A + B "
                                                + "constant); use `solve` or `solve support`")
                    }
                }
            },
            classics: ClassicGames.all)
    }
}

extension SessionSolveMethod {
    var gameSolverMethod: GameSolver.Method {
        switch self {
        case .auto: .auto
        case .support: .support
        case .lp: .lp
        case .pure: .pure
        }
    }
}

/// A solver failure worded for the session.
struct SessionSolveError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
