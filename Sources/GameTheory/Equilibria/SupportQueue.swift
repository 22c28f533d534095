import Synchronization

/// Hands out the search's work items, one own support `I` of one polytope at a time, in a fixed
/// order (polytope, then `|I|` ascending, then `I` lexicographically). Workers take the next item
/// when they are free, so which worker does what varies, but the union of their results does not;
/// results are sorted afterwards, which makes reports identical for every thread count.
final class SupportQueue: Sendable {
    struct Item {
        let polytope: Int
        let support: [Int]
    }

    private struct State {
        var polytope = 0
        var current: [Int] = []
    }

    private let sizes: [(own: Int, maxSupport: Int)]
    private let accepts: @Sendable (Int, [Int]) -> Bool
    private let state = Mutex(State())

    /// - Parameters:
    ///   - sizes: for each polytope, its number of own strategies and the largest support to visit.
    ///   - accepts: which supports to hand out (all by default).
    init(sizes: [(own: Int, maxSupport: Int)], accepts: @escaping @Sendable (Int, [Int]) -> Bool = { _, _ in true }) {
        self.sizes = sizes
        self.accepts = accepts
    }

    func next() -> Item? {
        state.withLock { s in
            while s.polytope < sizes.count {
                let (own, maxSupport) = sizes[s.polytope]
                if let next = Self.successor(of: s.current, in: own, maxSupport: maxSupport) {
                    s.current = next
                    if accepts(s.polytope, next) { return Item(polytope: s.polytope, support: next) }
                } else {
                    s.polytope += 1
                    s.current = []
                }
            }
            return nil
        }
    }

    /// The next support after `c`: lexicographic within a size, then the first support of the next size.
    static func successor(of c: [Int], in n: Int, maxSupport: Int) -> [Int]? {
        if c.isEmpty { return maxSupport >= 1 && n >= 1 ? [0] : nil }
        var next = c
        let k = c.count
        var i = k - 1
        while i >= 0 && next[i] == n - k + i { i -= 1 }
        if i >= 0 {
            next[i] += 1
            for q in (i + 1)..<k { next[q] = next[q - 1] + 1 }
            return next
        }
        return k + 1 <= min(maxSupport, n) ? Array(0...k) : nil
    }
}
