/// Risk dominance in the sense of Harsanyi and Selten (1988) for 2 x 2 games.
///
/// Applies when the game is 2 x 2 and has exactly two *strict* pure equilibria (each player loses by
/// deviating alone); they then sit on a diagonal, (i, j) and (i', j') with i ≠ i', j ≠ j'. At (i, j) the
/// row player's deviation loss is `A[i, j] - A[i', j]` and the column player's `B[i, j] - B[i, j']`;
/// the equilibrium with the larger product of the two losses risk-dominates the other (equal products:
/// neither does, both are kept). Mixed equilibria are never risk-dominant. The criterion is invariant
/// under swapping the players and under positive affine changes of each player's payoffs.
struct RiskDominanceAnalysis {
    /// One of the two strict pure equilibria and its product of deviation losses.
    struct Candidate {
        let outcome: PureOutcome
        /// Indices of the equilibria (in the list given) that are this profile.
        let indices: [Int]
        let product: SelectionValue
    }

    /// Both candidates when the criterion applies to the game and the equilibria given, else nil; then
    /// `reason` says why, or is nil too when no equilibria were given to a game it applies to.
    let candidates: (Candidate, Candidate)?
    let reason: String?
    /// The indices of the risk-dominant equilibria (both candidates on a tie); empty when not applicable.
    let dominant: [Int]

    init(game: BimatrixGame, equilibria: [Equilibrium], a: Matrix<SelectionValue>, b: Matrix<SelectionValue>,
         comparator: SelectionComparator, scale: Double) {
        self = Self.analyse(game: game, equilibria: equilibria, a: a, b: b, comparator: comparator, scale: scale)
    }

    private static func analyse(
        game: BimatrixGame, equilibria: [Equilibrium], a: Matrix<SelectionValue>, b: Matrix<SelectionValue>,
        comparator: SelectionComparator, scale: Double
    ) -> RiskDominanceAnalysis {
        guard game.rows == 2 && game.columns == 2 else {
            return RiskDominanceAnalysis(reason: "it compares the two strict pure equilibria of a 2x2 game, "
                + "and this game is \(game.rows)x\(game.columns)")
        }
        var strict: [PureOutcome] = []
        for i in 0..<2 {
            for j in 0..<2 where comparator.compare(a[i, j], a[1 - i, j]) > 0
                && comparator.compare(b[i, j], b[i, 1 - j]) > 0 {
                strict.append(PureOutcome(row: i, column: j))
            }
        }
        guard strict.count == 2 else {
            let count = strict.count == 1 ? "only one strict pure equilibrium" : "no strict pure equilibrium"
            return RiskDominanceAnalysis(reason: "it compares two strict pure equilibria, and this 2x2 game "
                + "has \(count)")
        }
        var found: [Candidate] = []
        for outcome in strict {
            let (i, j) = (outcome.row, outcome.column)
            let indices = equilibria.indices.filter { k in
                Self.isPure(equilibria[k], row: i, column: j)
            }
            guard !indices.isEmpty else {
                // No equilibria at all: nothing to select, but the criterion itself applies to the game.
                if equilibria.isEmpty { return RiskDominanceAnalysis(candidates: nil, reason: nil, dominant: []) }
                return RiskDominanceAnalysis(reason: "the equilibria given do not include the strict pure "
                    + "equilibrium (\(game.rowLabels[i]), \(game.columnLabels[j]))")
            }
            let product = (a[i, j] - a[1 - i, j]) * (b[i, j] - b[i, 1 - j])
            found.append(Candidate(outcome: outcome, indices: indices, product: product))
        }
        // Products of two payoff differences: tolerance scaled by the payoff magnitude once more.
        let c = comparator.compare(found[0].product, found[1].product,
                                   tolerance: comparator.payoffTolerance * (1 + scale))
        let dominant = c > 0 ? found[0].indices : c < 0 ? found[1].indices : found[0].indices + found[1].indices
        return RiskDominanceAnalysis(candidates: (found[0], found[1]), reason: nil, dominant: dominant.sorted())
    }

    private init(reason: String) {
        self.init(candidates: nil, reason: reason, dominant: [])
    }

    private init(candidates: (Candidate, Candidate)?, reason: String?, dominant: [Int]) {
        self.candidates = candidates
        self.reason = reason
        self.dominant = dominant
    }

    /// The product of deviation losses of equilibrium `k`, when it is one of the two candidates.
    func product(of k: Int) -> SelectionValue? {
        guard let (first, second) = candidates else { return nil }
        if first.indices.contains(k) { return first.product }
        if second.indices.contains(k) { return second.product }
        return nil
    }

    /// Whether `e` is the pure profile (row `i`, column `j`): exactly, or within
    /// `EquilibriumSelection.relativeTolerance` of probability 1 for floating-point profiles.
    static func isPure(_ e: Equilibrium, row i: Int, column j: Int) -> Bool {
        if let x = e.rowExact, let y = e.columnExact { return x[i] == .one && y[j] == .one }
        return abs(e.row[i] - 1) <= EquilibriumSelection.relativeTolerance
            && abs(e.column[j] - 1) <= EquilibriumSelection.relativeTolerance
    }
}
