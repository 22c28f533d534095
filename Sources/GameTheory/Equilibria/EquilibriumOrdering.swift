/// The documented order of equilibria in every report of `EquilibriumEnumerator`:
/// 1. total support size (row support size + column support size), ascending;
/// 2. the row support as an ascending list of indices, lexicographically (a proper prefix first);
/// 3. the column support likewise;
/// 4. the row probabilities, then the column probabilities, lexicographically (exact values when
///    present).
enum EquilibriumOrdering {
    static func sorted(_ equilibria: [Equilibrium]) -> [Equilibrium] {
        equilibria.sorted(by: precedes)
    }

    static func precedes(_ a: Equilibrium, _ b: Equilibrium) -> Bool {
        let ar = a.support(of: .row), ac = a.support(of: .column)
        let br = b.support(of: .row), bc = b.support(of: .column)
        if ar.count + ac.count != br.count + bc.count { return ar.count + ac.count < br.count + bc.count }
        if ar != br { return ar.lexicographicallyPrecedes(br) }
        if ac != bc { return ac.lexicographicallyPrecedes(bc) }
        if let x = a.rowExact, let y = b.rowExact, let u = a.columnExact, let v = b.columnExact {
            if x != y { return x.lexicographicallyPrecedes(y) }
            return u.lexicographicallyPrecedes(v)
        }
        if a.row != b.row { return a.row.lexicographicallyPrecedes(b.row) }
        return a.column.lexicographicallyPrecedes(b.column)
    }
}
