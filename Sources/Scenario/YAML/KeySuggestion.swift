/// The "did you mean" of unknown keys: the known key nearest to a misspelt one.
enum KeySuggestion {
    /// The known key most likely meant by `key`, or nil when none is close.
    ///
    /// A known key is close when it extends `key` with a unit suffix (`dt` → `dt_s`,
    /// `max_accel` → `max_accel_mps2`) or is extended by it (`s_meters` → `s_m`), differs only in case or `-`/`_`, holds the key's words in
    /// order (`start_s` → `start_time_s`), or is within an edit
    /// distance of about a third of the key's length (at least 1, at most 3). Ties go to the key
    /// listed first.
    /// - Complexity: O(k · n · m) for k known keys of length about m and a key of length n.
    static func nearest(to key: String, among known: [String]) -> String? {
        let normalized = normalize(key)
        if let exact = known.first(where: { normalize($0) == normalized }) { return exact }
        if let extended = known.first(where: { $0.hasPrefix(key + "_") && !$0.dropFirst(key.count + 1).contains("_") }) {
            return extended
        }
        // `s_meters` → `s_m`, `dt_seconds` → `dt_s`: a known key extended by more letters.
        if let shorter = known.filter({ $0.contains("_") && key.hasPrefix($0) }).max(by: { $0.count < $1.count }) {
            return shorter
        }
        // `start_s` → `start_time_s`: the key's words, in order, within a known key's words.
        let words = key.lowercased().split(separator: "_")
        if words.count >= 2, let wider = known.first(where: { isSubsequence(words, of: $0.split(separator: "_")) }) {
            return wider
        }
        let limit = min(3, max(1, key.count / 3))
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(normalized, normalize(candidate))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.key
    }

    private static func isSubsequence(_ words: [Substring], of candidate: [Substring]) -> Bool {
        var remaining = candidate[...]
        for word in words {
            guard let index = remaining.firstIndex(of: word) else { return false }
            remaining = remaining[(index + 1)...]
        }
        return true
    }

    private static func normalize(_ key: String) -> [Character] {
        Array(key.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
