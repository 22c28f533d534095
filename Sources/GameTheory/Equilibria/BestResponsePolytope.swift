import BigInt

/// One player's best-response polytope `{x ≥ 0 : Cᵀ x ≤ 1}` in the form the vertex search reads.
///
/// For the row player's mixed strategies `x` the constraints are the columns (`C = B`); for the column
/// player's `y` they are the rows (`C = Aᵀ`), both after the positive affine change of
/// `PositiveIntegerPayoffs` (exact games) or `normalizedApproximatePayoffs` (approximate games), so
/// `C ≥ 1` and the polytope is bounded. Its labels are the own strategies `i` with `x_i = 0` and the
/// opponent strategies `j` with `(Cᵀx)_j = 1` (best responses to `x`).
///
/// Storage is constraint-major: `entry(j, i) = C[i, j]` is at `j * own + i`, so one constraint's
/// coefficients over the own strategies are contiguous.
struct BestResponsePolytope: Sendable {
    /// Whose strategies the points of this polytope are.
    let player: Player
    /// Number of own strategies (the dimension).
    let own: Int
    /// Number of opponent strategies (the constraints `Cᵀx ≤ 1`).
    let opponent: Int
    let doubles: [Double]
    /// Exact integer entries (exact games only).
    let big: [BigInt]?
    let small: [Int]?
    let isExact: Bool
    /// Whether `doubles` equal the exact entries (always true for approximate games by definition).
    let isExactlyRepresentable: Bool
    /// `Σ_i |C[i, j]|` for each constraint `j`, rounded up a little (used in error bounds).
    let constraintWeights: [Double]

    /// The polytope of `player` in `game` (exact when the game is).
    init(of player: Player, in game: BimatrixGame) {
        self.player = player
        own = game.strategyCount(of: player)
        opponent = game.strategyCount(of: player.opponent)
        if let a = game.exactRowPayoffs, let b = game.exactColumnPayoffs {
            // Row player: constraints are columns j, entry(j, i) = B[i, j]: Bᵀ row-major.
            // Column player: constraints are rows i, entry(i, j) = A[i, j]: A row-major.
            let p = player == .row ? PositiveIntegerPayoffs(b).transposed() : PositiveIntegerPayoffs(a)
            doubles = p.doubles
            big = p.big
            small = p.small
            isExact = true
            isExactlyRepresentable = p.isExactlyRepresentable
        } else {
            let m = player == .row ? game.columnPayoffs.transposed() : game.rowPayoffs
            doubles = normalizedApproximatePayoffs(m)
            big = nil
            small = nil
            isExact = false
            isExactlyRepresentable = true
        }
        let own = self.own, doubles = self.doubles
        constraintWeights = (0..<opponent).map { j in
            (0..<own).reduce(0.0) { $0 + abs(doubles[j * own + $1]) } * (1 + 1e-12)
        }
    }

    /// Whether `C[i, j2] > C[i, j]`, decided exactly in exact mode.
    func strictlyGreater(_ i: Int, _ j2: Int, than j: Int) -> Bool {
        if let big, !isExactlyRepresentable { return big[j2 * own + i] > big[j * own + i] }
        return doubles[j2 * own + i] > doubles[j * own + i]
    }

    /// Whether `C[i, j] == C[i, j2]`, decided exactly in exact mode.
    func entriesEqual(_ i: Int, _ j: Int, _ j2: Int) -> Bool {
        if let big, !isExactlyRepresentable { return big[j * own + i] == big[j2 * own + i] }
        return doubles[j * own + i] == doubles[j2 * own + i]
    }
}
