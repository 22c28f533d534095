import Optimization

/// Computes the equilibria of a game with a chosen method and assembles the `EquilibriumReport`
/// every renderer reads. The LP solver is injected (GLPK in the command line and tests), so this
/// target never touches C.
public struct GameSolver: Sendable {
    /// What to compute.
    public enum Method: String, Sendable, CaseIterable {
        /// All equilibria by enumeration (extreme equilibria of degenerate games) and, for zero-sum
        /// and constant-sum games, the value by LP cross-checked against the enumeration.
        case auto
        /// All equilibria by enumeration only.
        case support
        /// Zero-sum and constant-sum games only: the value and one optimal profile by LP.
        case lp
        /// Pure-strategy equilibria only.
        case pure
    }

    /// Solves the zero-sum LPs; without one, `auto` skips the LP and `lp` fails.
    public var lpSolver: (any LPSolving)?
    /// Settings of the enumeration (threads, cancellation, time budget, dominance pre-step).
    public var options: EnumerationOptions

    public init(lpSolver: (any LPSolving)? = nil, options: EnumerationOptions = .init()) {
        self.lpSolver = lpSolver
        self.options = options
    }

    /// The report for `game` under `method`.
    /// - Throws: `GameSolverError` when the method does not apply to the game (LP on a game that is
    ///   not constant-sum), when no LP solver was given, or when the LP fails.
    public func solve(_ game: BimatrixGame, method: Method) throws -> EquilibriumReport {
        switch method {
        case .pure:
            return PureEquilibria.find(in: game)
        case .support:
            return withEnumeratedValue(EquilibriumEnumerator(options: options).allEquilibria(of: game))
        case .lp:
            return try linearProgrammingReport(game)
        case .auto:
            let report = withEnumeratedValue(EquilibriumEnumerator(options: options).allEquilibria(of: game))
            guard game.constantSum != nil, lpSolver != nil else { return report }
            let solution: ZeroSumSolution
            do {
                solution = try zeroSumSolution(game)
            } catch {
                // The enumeration stands on its own; the LP only adds a cross-check.
                var result = report
                result.notes.append("\(error); the value comes from the enumeration alone")
                return result
            }
            return try crossChecked(report, against: solution)
        }
    }

    /// For a constant-sum game every equilibrium pays the row player the value: take it from the
    /// first equilibrium of a complete enumeration.
    private func withEnumeratedValue(_ report: EquilibriumReport) -> EquilibriumReport {
        guard report.game.constantSum != nil, report.isComplete, let first = report.equilibria.first else {
            return report
        }
        var result = report
        result.value = first.rowPayoff
        result.exactValue = first.rowPayoffExact
        return result
    }

    private func zeroSumSolution(_ game: BimatrixGame) throws -> ZeroSumSolution {
        guard let lpSolver else { throw GameSolverError.noLPSolver }
        guard game.constantSum != nil else { throw GameSolverError.notConstantSum }
        do {
            return try ZeroSumSolver(lpSolver: lpSolver).solve(game)
        } catch {
            throw GameSolverError.lpFailed("\(error)")
        }
    }

    /// The LP value next to the enumeration's: they must agree (exactly when both are exact, within
    /// `1e-6 * (1 + |value|)` otherwise); a disagreement is a bug and is reported, not hidden.
    private func crossChecked(_ report: EquilibriumReport, against solution: ZeroSumSolution) throws -> EquilibriumReport {
        var result = report
        if let enumerated = report.exactValue, let lpValue = solution.exactValue, enumerated != lpValue {
            throw GameSolverError.inconsistentValue(lp: lpValue.description, enumeration: enumerated.description)
        }
        if let enumerated = report.value, abs(enumerated - solution.value) > 1e-6 * (1 + abs(enumerated)) {
            throw GameSolverError.inconsistentValue(lp: "\(solution.value)", enumeration: "\(enumerated)")
        }
        result.value = solution.value
        result.exactValue = solution.exactValue ?? report.exactValue
        if solution.exactValue != nil {
            result.notes.append("value by LP (GLPK), confirmed exactly by certificate")
        } else if report.exactValue != nil {
            result.notes.append("value by LP (GLPK), equal to the enumeration's exact value")
        }
        return result
    }

    private func linearProgrammingReport(_ game: BimatrixGame) throws -> EquilibriumReport {
        let solution = try zeroSumSolution(game)
        let profile: Equilibrium
        if let x = solution.exactRowStrategy, let y = solution.exactColumnStrategy {
            profile = Equilibrium(exactRow: x, exactColumn: y, in: game)
        } else {
            profile = Equilibrium(row: solution.rowStrategy, column: solution.columnStrategy, in: game)
        }
        var notes = ["one optimal strategy pair; other optimal pairs may exist (use --method support for all)"]
        if solution.exactValue == nil, let bounds = solution.valueBounds {
            notes.append("value bracketed exactly in [\(bounds.lower), \(bounds.upper)]")
        }
        return EquilibriumReport(game: game, algorithm: "lp", equilibria: [profile], value: solution.value,
                                 exactValue: solution.exactValue, notes: notes)
    }
}

/// Why `GameSolver` could not produce a report.
public enum GameSolverError: Error, Sendable, CustomStringConvertible {
    case notConstantSum
    case noLPSolver
    case lpFailed(String)
    case inconsistentValue(lp: String, enumeration: String)

    public var description: String {
        switch self {
        case .notConstantSum:
            "the lp method needs a zero-sum or constant-sum game (A + B constant); use --method auto"
        case .noLPSolver: "no LP solver available"
        case .lpFailed(let reason): "the zero-sum LP failed: \(reason)"
        case .inconsistentValue(let lp, let enumeration):
            "internal inconsistency: LP value \(lp) differs from the enumerated value \(enumeration)"
        }
    }
}
