/// A set of strategy indices of one player (a bit set): labels, supports and tight sets of vertices.
struct StrategySet: Hashable, Sendable {
    private(set) var words: [UInt64]

    /// The empty set over `count` strategies.
    init(count: Int) { words = [UInt64](repeating: 0, count: max(1, (count + 63) / 64)) }

    /// `{0, ..., count - 1}`.
    static func all(_ count: Int) -> StrategySet {
        var s = StrategySet(count: count)
        for i in 0..<count { s.insert(i) }
        return s
    }

    init<S: Sequence<Int>>(_ indices: S, count: Int) {
        self.init(count: count)
        for i in indices { insert(i) }
    }

    mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
    mutating func remove(_ i: Int) { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
    func removing(_ i: Int) -> StrategySet { var s = self; s.remove(i); return s }
    func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Whether `self ∪ other ⊇ universe` (all three over the same number of strategies).
    func unionCovers(_ other: StrategySet, _ universe: StrategySet) -> Bool {
        for w in words.indices where (words[w] | other.words[w]) & universe.words[w] != universe.words[w] {
            return false
        }
        return true
    }

    /// `universe \ self`.
    func complement(in universe: StrategySet) -> StrategySet {
        var s = self
        for w in words.indices { s.words[w] = universe.words[w] & ~words[w] }
        return s
    }

    /// Members in ascending order.
    var members: [Int] {
        var result: [Int] = []
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                result.append(w * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }
}
