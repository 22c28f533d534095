/// All Nash equilibria of a bimatrix game of any shape, exactly for exact games.
///
/// Method (von Stengel 2002, labelled best-response polytopes): after optional iterated elimination
/// of strictly dominated strategies, the vertices of both players' best-response polytopes are
/// enumerated basis by basis with exact label sets (`VertexSearch`: a floating-point filter whose
/// doubtful cases are decided exactly), then joined into completely labelled pairs (`VertexJoin`).
/// - Nondegenerate games (`isDegenerate == false`, algorithm `support-enumeration`): all equilibria;
///   there are finitely many, an odd number.
/// - Degenerate games (`isDegenerate == true`, algorithm `vertex-enumeration`): all *extreme*
///   equilibria (the vertices of the equilibrium components), each once.
/// Degeneracy is decided exactly for the full game (see `allEquilibria(of:)`).
///
/// Exact games give exact probabilities and payoffs. Approximate games run the same code with
/// `EnumerationOptions.approximateTolerance`.
///
/// Order of the equilibria: see `EquilibriumOrdering` (total support size, row support, column support,
/// probabilities); identical for every thread count.
public struct EquilibriumEnumerator: Sendable {
    public var options: EnumerationOptions

    public init(options: EnumerationOptions = .init()) { self.options = options }

    /// Enumerates the equilibria of `game`; never hangs when a cancellation flag or time budget is set.
    ///
    /// Degeneracy of the full game: a mixed strategy supported on surviving strategies has the same
    /// best responses in the full and in the reduced game (an eliminated strategy is strictly worse
    /// than a surviving one against it), so a degenerate reduced game means a degenerate full game. When
    /// the reduced game is nondegenerate but strategies were eliminated, the vertices of the full game's
    /// polytopes whose support contains an eliminated strategy are scanned as well (stopping at the first
    /// degenerate one). The equilibria themselves come from the reduced game: strict dominance removes
    /// no equilibrium, so the two games have the same equilibria and the same extreme equilibria.
    /// - Complexity: O(C(m + n, m) · k²) floating-point operations for the search (k the support size),
    ///   plus exact work for doubtful bases and for the equilibria reported.
    public func allEquilibria(of game: BimatrixGame) -> EquilibriumReport {
        let reduction: DominanceReduction = options.eliminateDominated
            ? DominanceElimination.reduce(game)
            : DominanceReduction(game: game, steps: [], rowMap: Array(0..<game.rows),
                                 columnMap: Array(0..<game.columns))
        let reduced = reduction.game
        let control = SearchControl(cancellation: options.cancellation, timeBudgetSeconds: options.timeBudgetSeconds)
        let polytopes = [BestResponsePolytope(of: .row, in: reduced), BestResponsePolytope(of: .column, in: reduced)]
        let search = VertexEnumeration.run(polytopes, mode: .collect, threads: workers(reduced), control: control,
                                           tolerance: options.approximateTolerance)
        let complete = !control.wasInterrupted
        var notes: [String] = []

        let pairs = VertexJoin.completelyLabelledPairs(
            rowVertices: search.vertices[0], columnVertices: search.vertices[1],
            rows: reduced.rows, columns: reduced.columns)
        let equilibria = realize(pairs, search.vertices, polytopes, reduction, in: game)

        var degenerate: Bool? = search.foundDegenerate ? true : (complete ? false : nil)
        if degenerate == false && !reduction.steps.isEmpty {
            degenerate = fullGameIsDegenerate(game, reduction, control)
            if degenerate == nil {
                notes.append("degeneracy of the full game not decided: the check was stopped")
            }
        }
        if degenerate == true {
            notes.append("degenerate game: the equilibria listed are the extreme equilibria "
                         + "(vertices of the equilibrium components)")
        }
        if !game.isExact {
            notes.append("approximate payoffs: tolerance \(options.approximateTolerance) after mapping each "
                         + "player's payoffs into [1, 2]")
        }
        var progress: String?
        if !complete {
            let total = 2 * VertexEnumeration.basisCount(own: reduced.rows, opponent: reduced.columns)
            progress = "checked \(control.checked) of \(total) support pairs (both players' polytopes)"
        }
        return EquilibriumReport(
            game: game, algorithm: degenerate == true ? "vertex-enumeration" : "support-enumeration",
            equilibria: equilibria, isDegenerate: degenerate, eliminated: reduction.steps,
            isComplete: complete, progressNote: progress, notes: notes)
    }

    /// Turns completely labelled vertex pairs of the reduced game into equilibria of the full game,
    /// without duplicates, in the documented order.
    private func realize(
        _ pairs: [(Int, Int)], _ vertices: [[PolytopeVertex]], _ polytopes: [BestResponsePolytope],
        _ reduction: DominanceReduction, in game: BimatrixGame
    ) -> [Equilibrium] {
        var exactCache: [[Int: ExactPoint]] = [[:], [:]]
        func exactPoint(_ side: Int, _ index: Int) -> ExactPoint {
            let v = vertices[side][index]
            if let p = v.exact { return p }
            if let p = exactCache[side][index] { return p }
            guard case let .vertex(w) = ExactBasisCheck.check(polytopes[side], support: v.basis.support,
                                                              tight: v.basis.tight), let p = w.exact
            else { preconditionFailure("a certified vertex failed its exact check") }
            exactCache[side][index] = p
            return p
        }
        var result: [Equilibrium] = []
        if game.isExact {
            var seen = Set<[Rational]>()
            for (p, q) in pairs {
                let x = expand(exactPoint(0, p).normalizedStrategy, reduction.rowMap, game.rows, Rational.zero)
                let y = expand(exactPoint(1, q).normalizedStrategy, reduction.columnMap, game.columns, Rational.zero)
                if seen.insert(x + [-1] + y).inserted {
                    result.append(Equilibrium(exactRow: x, exactColumn: y, in: game))
                }
            }
        } else {
            var seen = Set<[Int64]>()
            for (p, q) in pairs {
                guard let xp = vertices[0][p].approximate, let yp = vertices[1][q].approximate else { continue }
                let x = expand(normalized(xp), reduction.rowMap, game.rows, 0.0)
                let y = expand(normalized(yp), reduction.columnMap, game.columns, 0.0)
                guard seen.insert((x + y).map { Int64(($0 / VertexEnumeration.approximateGrid).rounded()) }).inserted
                else { continue }
                let duplicate = result.contains { e in
                    zip(e.row + e.column, x + y).allSatisfy { abs($0 - $1) <= 1e3 * options.approximateTolerance }
                }
                if !duplicate { result.append(Equilibrium(row: x, column: y, in: game)) }
            }
        }
        return EquilibriumOrdering.sorted(result)
    }

    /// Small games run on one thread: starting workers would cost more than the search (results are
    /// the same for every thread count anyway).
    private func workers(_ game: BimatrixGame) -> Int {
        VertexEnumeration.basisCount(own: game.rows, opponent: game.columns) < 2_000 ? 1 : options.threads
    }

    private func normalized(_ v: [Double]) -> [Double] {
        let s = v.reduce(0, +)
        return v.map { $0 / s }
    }

    private func expand<T>(_ v: [T], _ map: [Int], _ count: Int, _ zero: T) -> [T] {
        var full = [T](repeating: zero, count: count)
        for (r, f) in map.enumerated() { full[f] = v[r] }
        return full
    }

    /// Scans the full game's polytopes for a degenerate vertex whose support contains an eliminated
    /// strategy. nil when stopped before deciding.
    private func fullGameIsDegenerate(
        _ game: BimatrixGame, _ reduction: DominanceReduction, _ control: SearchControl
    ) -> Bool? {
        let eliminatedRows = Set(0..<game.rows).subtracting(reduction.rowMap)
        let eliminatedColumns = Set(0..<game.columns).subtracting(reduction.columnMap)
        let scan = SearchControl(sharingStopConditionsOf: control)
        let polytopes = [BestResponsePolytope(of: .row, in: game), BestResponsePolytope(of: .column, in: game)]
        let result = VertexEnumeration.run(
            polytopes, mode: .detectDegeneracy, threads: workers(game), control: scan,
            tolerance: options.approximateTolerance,
            accepts: { side, support in
                support.contains { side == 0 ? eliminatedRows.contains($0) : eliminatedColumns.contains($0) }
            })
        if result.foundDegenerate { return true }
        return scan.wasInterrupted ? nil : false
    }
}
