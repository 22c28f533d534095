import BigInt

/// Exact confirmation of one basis `(I, J)` of a best-response polytope `{x ≥ 0 : Cᵀx ≤ 1}`:
/// solves `C[I, J]ᵀ x_I = 1` by fraction-free elimination (`Int` with overflow detection first,
/// `BigInt` when anything overflows), then checks `x ≥ 0` and `Cᵀx ≤ 1` exactly and reads off the
/// exact label set. `≥`, not `>`: vertices with zero coordinates in the basis (degenerate ones) are kept.
enum ExactBasisCheck {
    enum Outcome {
        case singular
        case infeasible
        case vertex(PolytopeVertex)
    }

    /// - Precondition: the polytope is exact, `support.count == tight.count >= 1`, both ascending.
    static func check(_ polytope: BestResponsePolytope, support: [Int], tight: [Int]) -> Outcome {
        if let small = polytope.small, let outcome = run(polytope, entries: small, support: support, tight: tight) {
            return outcome
        }
        return run(polytope, entries: polytope.big!, support: support, tight: tight)!
    }

    /// nil when `Int` arithmetic overflowed.
    private static func run<T: FractionFreeInteger>(
        _ polytope: BestResponsePolytope, entries: [T], support: [Int], tight: [Int]
    ) -> Outcome? {
        let k = support.count, own = polytope.own
        var matrix = [T]()
        matrix.reserveCapacity(k * k)
        for j in tight { for i in support { matrix.append(entries[j * own + i]) } }
        let solution = Bareiss.solve(matrix, size: k, rhs: [T](repeating: T.oneValue, count: k))
        let numerators: [T], denominator: T
        switch solution {
        case .overflow: return nil
        case .singular: return .singular
        case let .unique(n, d): numerators = n; denominator = d
        }
        if numerators.contains(where: { $0.sign < 0 }) { return .infeasible }
        // Slack of constraint j times the denominator: d - Σ_i C[i, j] · n_i.
        var tightSet = StrategySet(tight, count: polytope.opponent)
        var t = 0
        for j in 0..<polytope.opponent {
            if t < k && tight[t] == j { t += 1; continue }
            var s = denominator
            for (c, i) in support.enumerated() where numerators[c].sign != 0 {
                guard let term = T.checkedProduct(entries[j * own + i], numerators[c]),
                      let next = T.checkedDifference(s, term) else { return nil }
                s = next
            }
            if s.sign < 0 { return .infeasible }
            if s.sign == 0 { tightSet.insert(j) }
        }
        var zero = StrategySet.all(own)
        var full = [BigInt](repeating: 0, count: own)
        for (c, i) in support.enumerated() where numerators[c].sign != 0 {
            full[i] = numerators[c].asBigInt
            zero = zero.removing(i)
        }
        let point = ExactPoint(numerators: full, denominator: denominator.asBigInt)
        return .vertex(PolytopeVertex(basis: BasisKey(support: support, tight: tight), zeroOwn: zero,
                                      tightOpponent: tightSet, exact: point))
    }

    /// Whether the rows `tight` of `Cᵀ` restricted to the columns `support` are linearly dependent
    /// (exactly): then no basis containing these tight constraints exists.
    static func isRankDeficient(_ polytope: BestResponsePolytope, support: [Int], tight: [Int]) -> Bool {
        func rank<T: FractionFreeInteger>(_ entries: [T]) -> Int? {
            var matrix = [T]()
            for j in tight { for i in support { matrix.append(entries[j * polytope.own + i]) } }
            return Bareiss.rank(matrix, rows: tight.count, columns: support.count)
        }
        if let small = polytope.small, let r = rank(small) { return r < tight.count }
        return rank(polytope.big!)! < tight.count
    }
}

