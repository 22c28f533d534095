/// Pairs vertices `x` of the row player's polytope `P` with vertices `y` of the column player's `Q`
/// into completely labelled pairs: every row is unplayed in `x` or a best response to `y`, every
/// column unplayed in `y` or a best response to `x`. The completely labelled pairs other than
/// `(0, 0)` are exactly the extreme equilibria (all equilibria when the game is nondegenerate).
///
/// For two simple vertices (exactly `m`, resp. `n`, labels) the condition is an equality of label
/// sets, i.e. of support pairs: `x` with support `I` and tight columns `J` matches the `y` with
/// support `J` and tight rows `I`, found by a hash lookup; this is support enumeration with each
/// player's indifference solved separately. Pairs involving a non-simple vertex (degenerate games) are
/// tested by label-set union.
/// - Complexity: O(|P| + |Q|) lookups plus O(d_P·|Q| + d_Q·|P|) union tests, `d` = non-simple vertices.
enum VertexJoin {
    /// Index pairs `(p, q)` into `rowVertices` (of `P`) and `columnVertices` (of `Q`), in ascending
    /// order of `p` then `q`.
    static func completelyLabelledPairs(
        rowVertices: [PolytopeVertex], columnVertices: [PolytopeVertex], rows m: Int, columns n: Int
    ) -> [(Int, Int)] {
        let allRows = StrategySet.all(m), allColumns = StrategySet.all(n)
        func complete(_ x: PolytopeVertex, _ y: PolytopeVertex) -> Bool {
            x.zeroOwn.unionCovers(y.tightOpponent, allRows) && x.tightOpponent.unionCovers(y.zeroOwn, allColumns)
        }
        struct Labels: Hashable { let zeroRows: StrategySet; let tightColumns: StrategySet }
        var simpleRow: [Labels: Int] = [:]
        var nonSimpleRow: [Int] = []
        for (p, x) in rowVertices.enumerated() {
            if x.labelCount == m { simpleRow[Labels(zeroRows: x.zeroOwn, tightColumns: x.tightOpponent)] = p }
            else { nonSimpleRow.append(p) }
        }
        var pairs = Set<Pair>()
        for (q, y) in columnVertices.enumerated() {
            if y.labelCount == n {
                let wanted = Labels(zeroRows: y.tightOpponent.complement(in: allRows),
                                    tightColumns: y.zeroOwn.complement(in: allColumns))
                if let p = simpleRow[wanted] { pairs.insert(Pair(p: p, q: q)) }
            } else {
                for (p, x) in rowVertices.enumerated() where x.labelCount == m && complete(x, y) {
                    pairs.insert(Pair(p: p, q: q))
                }
            }
        }
        for p in nonSimpleRow {
            for (q, y) in columnVertices.enumerated() where complete(rowVertices[p], y) {
                pairs.insert(Pair(p: p, q: q))
            }
        }
        return pairs.sorted { ($0.p, $0.q) < ($1.p, $1.q) }.map { ($0.p, $0.q) }
    }

    private struct Pair: Hashable { let p: Int; let q: Int }
}
