import Dispatch

/// Runs `VertexSearch` over one or more best-response polytopes on several threads and merges the
/// results deterministically (sorted by basis), so the outcome does not depend on the thread count or
/// on scheduling.
enum VertexEnumeration {
    struct Result {
        /// Per polytope, the vertices found, sorted by basis, each point once.
        var vertices: [[PolytopeVertex]]
        /// Whether some vertex found has more labels than its polytope's dimension.
        var foundDegenerate: Bool
        var exactChecks: Int
    }

    /// Total number of bases (support pairs `(I, J)`, `|I| = |J| >= 1`) of a polytope with `own` own and
    /// `opponent` opponent strategies: `C(own + opponent, own) - 1` (Vandermonde), saturating.
    static func basisCount(own: Int, opponent: Int) -> Int {
        binomialCount(own + opponent, own) - 1
    }

    static func run(
        _ polytopes: [BestResponsePolytope], mode: VertexSearch.Mode, threads: Int, control: SearchControl,
        tolerance: Double, accepts: @escaping @Sendable (Int, [Int]) -> Bool = { _, _ in true }
    ) -> Result {
        let queue = SupportQueue(sizes: polytopes.map { ($0.own, min($0.own, $0.opponent)) }, accepts: accepts)
        let box = WorkerResults(count: threads)
        let work: @Sendable (Int) -> Void = { worker in
            let searches = polytopes.map { VertexSearch(polytope: $0, control: control, mode: mode, tolerance: tolerance) }
            while !control.shouldStop(), let item = queue.next() {
                searches[item.polytope].run(support: item.support)
            }
            box.store(worker, WorkerResults.Entry(
                vertices: searches.map(\.vertices),
                foundDegenerate: searches.contains { $0.foundDegenerate },
                exactChecks: searches.reduce(0) { $0 + $1.exactChecks }))
        }
        if threads == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: work) }

        let entries = box.entries
        var merged: [[PolytopeVertex]] = polytopes.map { _ in [] }
        for e in entries { for p in polytopes.indices { merged[p] += e.vertices[p] } }
        for p in merged.indices {
            merged[p].sort { $0.basis < $1.basis }
            merged[p] = deduplicated(merged[p])
        }
        return Result(vertices: merged, foundDegenerate: entries.contains { $0.foundDegenerate },
                      exactChecks: entries.reduce(0) { $0 + $1.exactChecks })
    }

    /// Keeps the first (in basis order) of the vertices that are the same exact point. Certified
    /// vertices carry no exact point; they are simple and so reached from one basis only.
    /// Approximate vertices with extra labels (found from several bases) are merged when their points
    /// agree on a grid of `approximateGrid` (a last tolerance-based pass over the equilibria catches
    /// the rare pair split by a grid line).
    static func deduplicated(_ vertices: [PolytopeVertex]) -> [PolytopeVertex] {
        var seen = Set<ExactPoint>()
        var seenApproximate = Set<[Int64]>()
        return vertices.filter { v in
            if let p = v.exact { return seen.insert(p).inserted }
            if let a = v.approximate, v.labelCount > a.count {
                return seenApproximate.insert(a.map { Int64(($0 / approximateGrid).rounded()) }).inserted
            }
            return true
        }
    }

    static let approximateGrid = 1e-7
}

/// One slot per worker; each worker writes only its own slot, once, before `concurrentPerform` returns.
private final class WorkerResults: @unchecked Sendable {
    struct Entry {
        var vertices: [[PolytopeVertex]]
        var foundDegenerate: Bool
        var exactChecks: Int
    }

    private let slots: UnsafeMutablePointer<Entry?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ worker: Int, _ entry: Entry) { slots[worker] = entry }

    var entries: [Entry] { (0..<count).compactMap { slots[$0] } }
}
