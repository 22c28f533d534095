/// Enumerates the vertices of one best-response polytope `P = {x ≥ 0 : Cᵀx ≤ 1}` (see
/// `BestResponsePolytope`) basis by basis: for an own support `I` (`|I| = k`) every set `J` of `k`
/// opponent strategies is tried, the `k x k` system `C[I, J]ᵀ x_I = 1` is solved and the solution is
/// kept when `x ≥ 0` and `Cᵀx ≤ 1`. Every vertex of `P` other than `0` arises this way (pick `m`
/// linearly independent tight constraints at the vertex: those of the form `x_i = 0` fix the
/// complement of `I`, the others are `J`), so this finds them all; `(I, J)` is exactly the support
/// pair of support enumeration.
///
/// ## Fewer bases
/// Only opponent strategies that no other one strictly dominates on `I` can be tight at a point whose
/// support is exactly `I`, and every vertex has a basis whose `I` is its exact support (see
/// `collectCandidates`), so `J` ranges over those candidates only. The skipped bases still count as
/// checked in progress reports.
///
/// ## Sharing work
/// The `J` of one `I` are visited depth first in lexicographic order and the equations are eliminated
/// row by row (Gaussian elimination with column pivoting, i.e. partial pivoting on `C[I, J]`): a prefix
/// `j₀ < … < j_t` is reduced once for all its extensions, so a leaf costs one row reduction and one back
/// substitution, O(k²). A prefix whose float pivot is tiny is tested exactly for rank deficiency (a
/// repeated constraint, else a cached fraction-free echelon form of the prefix shared by siblings,
/// else `BigInt`) and, if deficient, pruned with its whole subtree.
///
/// ## The floating-point filter and why it loses no vertex (exact games)
/// The elimination runs in `Double` on the integer matrix of `PositiveIntegerPayoffs`. With `u = 2⁻⁵³`,
/// `γ(n) = nu / (1 - nu)` and the computed factors `L̂` (multipliers) and `Û`:
/// - (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., Thm 9.3 and 9.4, which hold
///   for any order of the elimination's inner products) the computed solution `x̂` satisfies
///   `(M + ΔM) x̂ = 1` and `L̂Û = MQ + F` (`Q` the column permutation) with `|ΔM|, |F| ≤ γ(3k+4) |L̂||Û|`;
///   the `+4` covers our multiplications by stored reciprocals of the pivots. If the `Double` entries
///   are not the exact integers (entries ≥ 2⁵³), `2u·max_j Σ_i C_ij` is added for their rounding.
///   So `‖ΔM‖∞, ‖F‖∞ ≤ η := γ(3k+4) · N + rep`, with `N ≥ ‖|L̂||Û|‖∞` accumulated row by row.
/// - `‖(L̂Û)⁻¹‖∞ ≤ μ := k · max_t w_t · max_t z_t`, where `z = M(L̂)⁻¹e` and `w = M(Ûᵀ)⁻¹e` are
///   comparison-matrix solves (`|T⁻¹| ≤ M(T)⁻¹` for triangular `T`, Higham Thm 8.12) and
///   `‖Û⁻¹‖∞ ≤ k ‖Û⁻¹‖₁`. Both are forward substitutions in the order rows are added, so they are
///   carried along the depth-first search at O(k) per node.
/// - If `μη ≤ 1/4`, then `M` is nonsingular, `‖M⁻¹‖∞ ≤ μ / (1 - μη)` and
///   `‖x - x̂‖∞ ≤ μη/(1 - μη) · ‖x̂‖∞ < ε := 3μη‖x̂‖∞` (the factor 3 also absorbs the rounding of
///   computing `μ`, `η` and `‖x̂‖`).
/// - For a constraint `j ∉ J` the computed slack `ŝ_j = 1 - Σ C_ij x̂_i` differs from the exact slack of
///   the exact solution by less than `σ_j := 2 (G_j ε + γ(k+2)(1 + G_j‖x̂‖∞) + rep_j)`, `G_j = Σ_i |C_ij|`.
/// A basis is **rejected** only if `μη ≤ 1/4` and some `x̂_i < -ε` or some `ŝ_j < -σ_j`: then the exact
/// solution certainly has `x_i < 0` or `s_j < 0`, so it is no vertex. A basis is **certified** only if
/// `μη ≤ 1/4`, every `x̂_i > ε` and every `ŝ_j > σ_j`: then it is certainly a vertex with exactly the
/// labels `(own \ I) ∪ J` (a simple vertex, found from this basis only). During back substitution a
/// coordinate `x̂_i < -3μη / min C` already rejects (a feasible exact solution has `‖x‖∞ ≤ 1/min C`,
/// hence `‖x - x̂‖∞ ≤ 2μη/min C`), which spares most of the back substitution. Everything else (near a
/// boundary, near singular, or `μη > 1/4`) goes to `ExactBasisCheck`, which decides exactly. Hence no
/// vertex is lost, none is invented, and every label set that matters for degeneracy is exact.
///
/// ## Approximate games
/// The same search runs on payoffs normalized into `[1, 2]`; instead of the exact check, a candidate is
/// kept when every `x̂_i ≥ -tol` and `ŝ_j ≥ -tol`, and values within `tol` of 0 count as labels
/// (`EnumerationOptions.approximateTolerance`). A prefix whose pivot is at most `tol · Σ_i C_ij` counts
/// as singular.
final class VertexSearch {
    enum Mode {
        /// Keep every vertex found.
        case collect
        /// Only find out whether some vertex has more labels than own strategies; stop all workers at the
        /// first one.
        case detectDegeneracy
    }

    let polytope: BestResponsePolytope
    let control: SearchControl
    let mode: Mode
    let tolerance: Double
    private let own: Int, opponent: Int, maxSupport: Int
    private let entries: UnsafeMutablePointer<Double>
    private let weights: UnsafeMutablePointer<Double>
    private let rows: UnsafeMutablePointer<Double>
    private let invPivot, rowNorm1, zL, wU, maxZ, maxW, maxN, x: UnsafeMutablePointer<Double>
    /// `sorted`: the support ascending (for keys); `columnOf[q]`: the own strategy at position `q` of the
    /// (column-permuted) elimination, whose first `t` positions are the pivots of the current prefix.
    private let columnOf, tight, sorted: UnsafeMutablePointer<Int>
    private let representationError: Double
    /// A pivot at most `singularScale` times the 1-norm of its constraint's column (`weights[j]`) is
    /// treated as possibly singular: an exact rank test decides (exact games); approximate games
    /// prune it. Soundness never depends on this value.
    private let singularScale: Double
    /// The smallest entry of `C` (≥ 1): every point of `P` has `‖x‖∞ ≤ 1 / minimumEntry`.
    private let minimumEntry: Double
    /// `beats[j * opponent + j2]`: bit `i` set when `C[i, j2] > C[i, j]` exactly (own ≤ 64 only).
    private let beats: [UInt64]?
    /// The opponent strategies not strictly dominated on the current support, ascending.
    private let candidates: UnsafeMutablePointer<Int>
    private var candidateCount = 0
    /// Cached exact echelon form of a prefix of tight rows (see `newRowIsDependent`).
    private let echelon: UnsafeMutablePointer<Int>
    private let echelonPivot, echelonTight, echelonSupport: UnsafeMutablePointer<Int>
    private var echelonRows = 0, echelonStamp = -1
    private var k = 0
    private var sinceCheck = 0

    /// Vertices found (in `collect` mode), in the order visited.
    private(set) var vertices: [PolytopeVertex] = []
    /// Bases accounted for (visited or pruned) since the last report to `control`.
    private var pendingChecked = 0
    private(set) var exactChecks = 0
    private(set) var foundDegenerate = false
    private(set) var stopped = false

    init(polytope: BestResponsePolytope, control: SearchControl, mode: Mode, tolerance: Double) {
        self.polytope = polytope
        self.control = control
        self.mode = mode
        self.tolerance = tolerance
        own = polytope.own
        opponent = polytope.opponent
        maxSupport = min(own, opponent)
        entries = .allocate(capacity: polytope.doubles.count)
        entries.initialize(from: polytope.doubles, count: polytope.doubles.count)
        weights = .allocate(capacity: opponent)
        weights.initialize(from: polytope.constraintWeights, count: opponent)
        let K = maxSupport
        rows = .allocate(capacity: K * (K + 1))
        invPivot = .allocate(capacity: K); rowNorm1 = .allocate(capacity: K)
        zL = .allocate(capacity: K); wU = .allocate(capacity: K)
        maxZ = .allocate(capacity: K); maxW = .allocate(capacity: K); maxN = .allocate(capacity: K)
        x = .allocate(capacity: K)
        columnOf = .allocate(capacity: K); tight = .allocate(capacity: K); sorted = .allocate(capacity: K)
        let gMax = polytope.constraintWeights.max() ?? 0
        representationError = polytope.isExactlyRepresentable ? 0 : 2 * unitRoundoff * gMax
        singularScale = polytope.isExact ? 1e-9 : tolerance
        minimumEntry = polytope.doubles.min() ?? 1
        candidates = .allocate(capacity: opponent)
        echelon = .allocate(capacity: (K + 1) * K)
        echelonPivot = .allocate(capacity: K + 1); echelonTight = .allocate(capacity: K + 1)
        echelonSupport = .allocate(capacity: K)
        beats = own <= 64 && opponent <= 512 ? Self.beatMasks(polytope) : nil
    }

    private static func beatMasks(_ p: BestResponsePolytope) -> [UInt64] {
        var masks = [UInt64](repeating: 0, count: p.opponent * p.opponent)
        for j in 0..<p.opponent {
            for j2 in 0..<p.opponent where j2 != j {
                var mask: UInt64 = 0
                for i in 0..<p.own where p.strictlyGreater(i, j2, than: j) { mask |= 1 << UInt64(i) }
                masks[j * p.opponent + j2] = mask
            }
        }
        return masks
    }

    /// Collects the opponent strategies that no other one strictly dominates on the support, i.e.
    /// against every own strategy of the support. Only they can be tight at a point of `P` whose
    /// support is exactly the support: if `C[i, j2] > C[i, j]` for all `i ∈ I` and `x_I > 0`, then
    /// `(Cᵀx)_j < (Cᵀx)_j2 ≤ 1`. Every vertex has a basis `(I, J)` with `I` its exact support and `J`
    /// among its tight constraints, so restricting `J` to these candidates loses no vertex.
    private func collectCandidates() {
        candidateCount = 0
        var mask: UInt64 = 0
        if beats != nil { for c in 0..<k { mask |= 1 << UInt64(sorted[c]) } }
        for j in 0..<opponent {
            var dominated = false
            for j2 in 0..<opponent where j2 != j {
                if let beats {
                    if beats[j * opponent + j2] & mask == mask { dominated = true; break }
                } else if (0..<k).allSatisfy({ polytope.strictlyGreater(sorted[$0], j2, than: j) }) {
                    dominated = true; break
                }
            }
            if !dominated { candidates[candidateCount] = j; candidateCount += 1 }
        }
    }

    deinit {
        for p in [entries, weights, rows, invPivot, rowNorm1, zL, wU, maxZ, maxW, maxN, x] { p.deallocate() }
        for p in [columnOf, tight, sorted, candidates, echelon, echelonPivot, echelonTight, echelonSupport] {
            p.deallocate()
        }
    }

    /// Visits every basis with own support `supportIndices` (ascending, `1 <= count <= min(own, opponent)`).
    func run(support supportIndices: [Int]) {
        precondition(!supportIndices.isEmpty && supportIndices.count <= maxSupport)
        k = supportIndices.count
        for c in 0..<k {
            sorted[c] = supportIndices[c]
            columnOf[c] = supportIndices[c]
        }
        collectCandidates()
        let visited = binomialCount(candidateCount, k)
        tick(binomialCount(opponent, k) - visited)   // bases skipped by the dominance argument
        if !stopped && visited > 0 { descend(depth: 0, start: 0) }
        flush()
    }

    /// Reports the pending progress count to the shared control.
    func flush() {
        if pendingChecked > 0 { control.addChecked(pendingChecked); pendingChecked = 0 }
    }

    @inline(__always) private func tick(_ n: Int) {
        pendingChecked &+= n
        sinceCheck &+= n
        if sinceCheck >= 4096 {
            sinceCheck = 0
            flush()
            if control.shouldStop() { stopped = true }
        }
    }

    // MARK: depth-first search over the tight sets J

    private func descend(depth t: Int, start: Int) {
        let w = k + 1
        let r = rows + t * w
        let lastStart = candidateCount - (k - t)
        var index = start
        while index <= lastStart && !stopped {
            let j = candidates[index]
            // Gather the equation of constraint j over the support (in position order), right-hand side 1.
            let base = entries + j * own
            for q in 0..<k { r[q] = base[columnOf[q]] }
            r[k] = 1
            // Reduce it against the pivot rows of the prefix (a row of the forward elimination). Row i
            // has its pivot at position i and zeros before it.
            var z = 1.0, n = 0.0
            for i in 0..<t {
                let ui = rows + i * w
                let f = r[i] * invPivot[i]
                if f != 0 {
                    for q in (i + 1)...k { r[q] -= f * ui[q] }
                    let af = abs(f)
                    z += af * zL[i]
                    n += af * rowNorm1[i]
                }
            }
            // Column pivoting among the positions not yet pivoted.
            var best = -1.0, bestQ = t, norm1 = 0.0
            for q in t..<k {
                let v = abs(r[q])
                norm1 += v
                if v > best { best = v; bestQ = q }
            }
            tight[t] = j
            if best <= singularScale * weights[j] {
                if repeatsPrefixConstraint(depth: t) || prefixIsSingular(depth: t) {
                    tick(binomialCount(candidateCount - 1 - index, k - 1 - t))   // every extension is singular
                    index += 1
                    continue
                }
                if best == 0 {
                    exhaustExactly(depth: t + 1, start: index + 1)   // rare: nonsingular but float pivot 0
                    index += 1
                    continue
                }
            }
            if bestQ != t {
                // Swap positions t and bestQ in every stored row (all have both positions unpivoted).
                for i in 0...t {
                    let row = rows + i * w
                    let v = row[t]; row[t] = row[bestQ]; row[bestQ] = v
                }
                let c = columnOf[t]; columnOf[t] = columnOf[bestQ]; columnOf[bestQ] = c
            }
            invPivot[t] = 1 / r[t]
            rowNorm1[t] = norm1
            zL[t] = z
            var ws = 1.0
            for i in 0..<t { ws += abs(rows[i * w + t]) * wU[i] }
            wU[t] = ws / best
            maxZ[t] = t == 0 ? z : max(maxZ[t - 1], z)
            maxW[t] = t == 0 ? wU[t] : max(maxW[t - 1], wU[t])
            maxN[t] = t == 0 ? n + norm1 : max(maxN[t - 1], n + norm1)
            if t == k - 1 {
                leaf()
                tick(1)
            } else {
                descend(depth: t + 1, start: index + 1)
            }
            index += 1
        }
    }


    /// Whether constraint `tight[t]` equals an earlier prefix constraint on the support exactly (a cheap
    /// sufficient test for rank deficiency; constant and all-zero games are full of such repeats).
    private func repeatsPrefixConstraint(depth t: Int) -> Bool {
        let j = tight[t]
        for i in 0..<t {
            let j2 = tight[i]
            if (0..<k).allSatisfy({ polytope.entriesEqual(sorted[$0], j, j2) }) { return true }
        }
        return false
    }

    private func prefixIsSingular(depth t: Int) -> Bool {
        guard polytope.isExact else { return true }
        if let small = polytope.small, let answer = newRowIsDependent(depth: t, small) { return answer }
        return ExactBasisCheck.isRankDeficient(polytope, support: supportArray(), tight: tightArray(depth: t + 1))
    }

    /// Exact test whether row `tight[t]` (over the support) depends on rows `tight[0..<t]`, against a
    /// fraction-free (Bareiss) echelon form of the prefix that is kept between calls and extended row
    /// by row, so siblings share it: O(t·k) `Int` operations per test. nil on `Int` overflow.
    private func newRowIsDependent(depth t: Int, _ small: [Int]) -> Bool? {
        // Keep the longest still valid part of the cached echelon form.
        var valid = 0
        while valid < min(echelonRows, t) && echelonTight[valid] == tight[valid] { valid += 1 }
        echelonRows = valid
        if echelonStamp != k || !sameSupport() { echelonRows = 0; echelonStamp = k; copySupport() }
        while echelonRows <= t {
            let row = echelon + echelonRows * k
            for c in 0..<k { row[c] = small[tight[echelonRows] * own + sorted[c]] }
            guard reduce(row, against: echelonRows) else { echelonRows = 0; return nil }
            guard let p = (0..<k).first(where: { row[$0] != 0 }) else {
                // Dependent: only the new row can be (the prefix is independent, or it was pruned).
                return echelonRows == t ? true : nil
            }
            if echelonRows == t { return false }
            echelonPivot[echelonRows] = p
            echelonTight[echelonRows] = tight[echelonRows]
            echelonRows += 1
        }
        return false
    }

    /// Fraction-free reduction of `row` by the first `count` echelon rows. False on overflow.
    private func reduce(_ row: UnsafeMutablePointer<Int>, against count: Int) -> Bool {
        var previous = 1
        for i in 0..<count {
            let u = echelon + i * k, p = echelonPivot[i], pivot = u[p], factor = row[p]
            for c in 0..<k {
                guard let left = Int.checkedProduct(pivot, row[c]), let right = Int.checkedProduct(factor, u[c]),
                      let difference = Int.checkedDifference(left, right),
                      let value = Int.exactQuotient(difference, previous) else { return false }
                row[c] = value
            }
            previous = pivot
        }
        return true
    }

    private func sameSupport() -> Bool { (0..<k).allSatisfy { echelonSupport[$0] == sorted[$0] } }
    private func copySupport() { for c in 0..<k { echelonSupport[c] = sorted[c] } }

    private func supportArray() -> [Int] { (0..<k).map { sorted[$0] } }
    private func tightArray(depth: Int) -> [Int] { (0..<depth).map { tight[$0] } }

    /// Every completion of the prefix `tight[0..<depth]`, each decided exactly (no floating point).
    private func exhaustExactly(depth t: Int, start: Int) {
        if t == k {
            tick(1)
            exact()
            return
        }
        var index = start
        while index <= candidateCount - (k - t) && !stopped {
            tight[t] = candidates[index]
            exhaustExactly(depth: t + 1, start: index + 1)
            index += 1
        }
    }

    // MARK: the leaf: back substitution, bounds, decision

    private func leaf() {
        let w = k + 1, last = k - 1
        let mu = Double(k) * maxW[last] * maxZ[last]
        let eta = gamma(3 * k + 4) * maxN[last] + representationError
        let muEta = mu * eta
        // Early rejection during back substitution: if the exact solution were feasible, then
        // ‖x‖∞ ≤ 1/minimumEntry and (μη ≤ 1/4) ‖x - x̂‖∞ ≤ μη‖x‖∞/(1 - 2μη) ≤ 2μη/minimumEntry; so a
        // computed coordinate below -3μη/minimumEntry proves the basis infeasible.
        let quickReject = polytope.isExact ? (muEta <= 0.25 ? -3 * muEta / minimumEntry : -Double.infinity) : -tolerance
        x[last] = rows[last * w + k] * invPivot[last]
        if x[last] < quickReject { return }
        var i = last - 1
        while i >= 0 {
            let ui = rows + i * w
            var s = ui[k]
            for q in (i + 1)..<k { s -= ui[q] * x[q] }
            x[i] = s * invPivot[i]
            if x[i] < quickReject { return }
            i -= 1
        }
        var xMax = 0.0, xMin = Double.infinity
        for c in 0..<k { xMax = max(xMax, abs(x[c])); xMin = min(xMin, x[c]) }
        guard polytope.isExact else { approximateLeaf(xMin: xMin); return }
        guard xMin.isFinite && xMax.isFinite else { exact(); return }
        guard muEta <= 0.25 else { exact(); return }
        let eps = 3 * muEta * xMax
        if xMin < -eps { return }                       // certainly x_i < 0
        var unsure = xMin <= eps
        let gDot = gamma(k + 2), repU = representationError > 0 ? 2 * unitRoundoff : 0
        var t = 0
        for j in 0..<opponent {
            if t < k && tight[t] == j { t += 1; continue }
            let base = entries + j * own
            var dot = 0.0
            for q in 0..<k { dot += base[columnOf[q]] * x[q] }
            let s = 1 - dot
            let g = weights[j]
            let sigma = 2 * (g * eps + gDot * (1 + g * xMax) + repU * g * (xMax + eps))
            if s < -sigma { return }                    // certainly violates constraint j
            if s <= sigma { unsure = true }
        }
        if unsure { exact(); return }
        // Certified simple vertex: labels are exactly (own \ I) ∪ J.
        if mode == .collect {
            let key = BasisKey(support: supportArray(), tight: tightArray(depth: k))
            var zero = StrategySet.all(own)
            for i in key.support { zero.remove(i) }
            vertices.append(PolytopeVertex(basis: key, zeroOwn: zero,
                                           tightOpponent: StrategySet(key.tight, count: opponent)))
        }
    }

    private func exact() {
        exactChecks += 1
        let outcome = ExactBasisCheck.check(polytope, support: supportArray(), tight: tightArray(depth: k))
        guard case let .vertex(v) = outcome else { return }
        record(v)
    }

    private func record(_ v: PolytopeVertex) {
        if v.labelCount > own {
            foundDegenerate = true
            if mode == .detectDegeneracy {
                control.finishEarly()
                stopped = true
                return
            }
        }
        if mode == .collect { vertices.append(v) }
    }

    private func approximateLeaf(xMin: Double) {
        let tol = tolerance
        guard xMin.isFinite, xMin >= -tol else { return }
        var tightSet = StrategySet(count: opponent)
        var t = 0
        for j in 0..<opponent {
            if t < k && tight[t] == j { t += 1; tightSet.insert(j); continue }
            let base = entries + j * own
            var dot = 0.0
            for q in 0..<k { dot += base[columnOf[q]] * x[q] }
            let s = 1 - dot
            if s < -tol { return }
            if s <= tol { tightSet.insert(j) }
        }
        var zero = StrategySet.all(own)
        var point = [Double](repeating: 0, count: own)
        for q in 0..<k where x[q] > tol {
            zero.remove(columnOf[q])
            point[columnOf[q]] = x[q]
        }
        record(PolytopeVertex(basis: BasisKey(support: supportArray(), tight: tightArray(depth: k)),
                              zeroOwn: zero, tightOpponent: tightSet, approximate: point))
    }
}

let unitRoundoff = 0x1p-53

/// Higham's `γ(n) = n·u / (1 - n·u)`.
@inline(__always) func gamma(_ n: Int) -> Double {
    let nu = Double(n) * unitRoundoff
    return nu / (1 - nu)
}
