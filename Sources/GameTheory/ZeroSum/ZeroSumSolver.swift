import Optimization

/// Solves zero-sum and constant-sum games by one linear program (see `ZeroSumLP`), then checks
/// the answer.
///
/// Steps: (1) reject a game that is not constant-sum; (2) solve `ZeroSumLP` with the injected LP
/// solver and read both players' strategies from the primal values and row duals; (3) check the
/// `Double` certificate maxᵢ (A y)ᵢ − minⱼ (xᵀA)ⱼ ≤ `certificateTolerance` · range(A);
/// (4) for an exact game, confirm the LP's optimal basis exactly (`exactSupportLimit`), or failing
/// that bracket the value between exact bounds.
///
/// A constant-sum game (A + B = c) is strategically the zero-sum game (A, −A): it is solved with A
/// and the value is the row player's (the column player's is c − value).
///
/// The LP solver's settings decide the speed. With GLPK, the fastest measured on random games was
/// the dual simplex with the long-step ratio test, no presolve (see results/BENCHMARKS.md).
public struct ZeroSumSolver: Sendable {
    /// Solves the LP.
    public var lpSolver: any LPSolving
    /// Largest support size k for which the exact confirmation solves its two k × k systems;
    /// larger supports get the exact bracket instead. Default 40. The cost grows like k⁴
    /// (multi-modular elimination): on this project's machine about 0.5 ms at k = 27, 2 ms at
    /// k = 45 and 30–50 ms at k = 100, plus the exact certificate (results/BENCHMARKS.md).
    public var exactSupportLimit: Int
    /// Allowed `Double` certificate gap, relative to the payoff range max(A) − min(A) (or
    /// absolute for a constant game). Default 1e-6: GLPK's feasibility tolerances are 1e-7 on the
    /// LP, whose payoffs are normalized to [1, 2].
    public var certificateTolerance: Double

    public init(lpSolver: any LPSolving, exactSupportLimit: Int = 40, certificateTolerance: Double = 1e-6) {
        self.lpSolver = lpSolver
        self.exactSupportLimit = exactSupportLimit
        self.certificateTolerance = certificateTolerance
    }

    /// The value and optimal strategies of `game`.
    ///
    /// - Throws: `ZeroSumError.notConstantSum` for a game whose A + B is not constant,
    ///   `ZeroSumError.lpNotSolved` when the LP solver stops without an optimum,
    ///   `ZeroSumError.certificateFailed` when its strategies are not optimal within the
    ///   tolerance, and whatever the LP solver throws for input it rejects.
    /// - Complexity: one LP with m rows and n columns, plus O(m · n) for the certificates and
    ///   the bracket, and O(k⁴) word operations for an exact confirmation with support size k.
    public func solve(_ game: BimatrixGame) throws -> ZeroSumSolution {
        guard ZeroSumConstantSumCheck.holds(for: game) else { throw ZeroSumError.notConstantSum }
        let model = ZeroSumLP(rowPayoffs: game.rowPayoffs)
        let lp = try lpSolver.solve(model.program)
        guard lp.status == .optimal else { throw ZeroSumError.lpNotSolved(lp.status) }
        guard let strategies = model.strategies(from: lp) else {
            throw ZeroSumError.lpNotSolved(.failed(reason: "the optimal solution has no positive strategy weights"))
        }
        let certificate = ZeroSumCertificate(payoffs: game.rowPayoffs, row: strategies.row, column: strategies.column)
        let allowance = certificateTolerance * model.payoffRange
        guard certificate.gap <= allowance else {
            throw ZeroSumError.certificateFailed(gap: certificate.gap, allowance: allowance)
        }
        var solution = ZeroSumSolution(
            value: model.value(fromObjective: lp.objectiveValue),
            exactValue: nil, valueBounds: nil,
            rowStrategy: strategies.row, columnStrategy: strategies.column,
            exactRowStrategy: nil, exactColumnStrategy: nil,
            certificateGap: certificate.gap, lpIterations: lp.iterations, lpStatus: lp.status)
        if let exact = game.exactRowPayoffs {
            confirmExactly(&solution, payoffs: exact, nearestDoubles: game.rowPayoffs, basis: lp)
        }
        return solution
    }

    /// Sets the exact fields: confirmed value and strategies when the basis passes the exact
    /// certificate, otherwise the exact bracket of the `Double` strategies.
    private func confirmExactly(
        _ solution: inout ZeroSumSolution, payoffs: Matrix<Rational>, nearestDoubles: Matrix<Double>, basis: LPSolution
    ) {
        let integers = ZeroSumIntegerPayoffs(payoffs, nearestDoubles: nearestDoubles)
        let basicColumns = basis.basicColumns
        if basicColumns.count <= exactSupportLimit,
            let confirmed = ZeroSumExactConfirmation.confirm(
                payoffs: payoffs, integers: integers, tightRows: basis.nonbasicRows, basicColumns: basicColumns)
        {
            solution.exactValue = confirmed.value
            solution.valueBounds = (confirmed.value, confirmed.value)
            solution.exactRowStrategy = confirmed.row
            solution.exactColumnStrategy = confirmed.column
            solution.value = confirmed.value.doubleValue
            solution.rowStrategy = confirmed.row.map(\.doubleValue)
            solution.columnStrategy = confirmed.column.map(\.doubleValue)
            return
        }
        solution.valueBounds = ZeroSumValueBracket.bracket(
            payoffs: payoffs, integers: integers, row: solution.rowStrategy, column: solution.columnStrategy)
    }
}
