/// The frozen state of the cars in the world at the start of a step, as sensors see it, with an
/// index sorted by x for neighbour queries.
struct Snapshot: Sendable {
    /// Per position in the world's `active` list: car index, pose, speed along the heading.
    var index: [Int] = []
    var x: [Double] = []
    var y: [Double] = []
    var heading: [Double] = []
    var speed: [Double] = []
    var length: [Double] = []
    var width: [Double] = []
    /// Positions sorted by (x, car index), and their x in that order.
    var byX: [Int] = []
    var sortedX: [Double] = []

    mutating func removeAll() {
        index.removeAll(keepingCapacity: true)
        x.removeAll(keepingCapacity: true)
        y.removeAll(keepingCapacity: true)
        heading.removeAll(keepingCapacity: true)
        speed.removeAll(keepingCapacity: true)
        length.removeAll(keepingCapacity: true)
        width.removeAll(keepingCapacity: true)
        byX.removeAll(keepingCapacity: true)
        sortedX.removeAll(keepingCapacity: true)
    }

    /// Builds the x index after the per-car arrays are filled.
    /// - Complexity: O(n log n).
    mutating func buildIndex() {
        byX = Array(index.indices)
        let xs = x, ids = index
        byX.sort { xs[$0] != xs[$1] ? xs[$0] < xs[$1] : ids[$0] < ids[$1] }
        sortedX = byX.map { xs[$0] }
    }

    /// First position in `sortedX` with x ≥ `value`.
    private func lowerBound(_ value: Double) -> Int {
        var low = 0, high = sortedX.count
        while low < high {
            let middle = (low + high) / 2
            if sortedX[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Calls `body` with the position of every other car within `range` (centre to centre) of
    /// the car at `position`, in increasing x.
    /// - Complexity: O(log n + cars within `range` in x).
    func forEachNeighbour(of position: Int, within range: Double, _ body: (Int) -> Void) {
        let cx = x[position], cy = y[position]
        var cursor = lowerBound(cx - range)
        let rangeSquared = range * range
        while cursor < byX.count && sortedX[cursor] <= cx + range {
            let other = byX[cursor]
            cursor += 1
            if other == position { continue }
            let dx = x[other] - cx, dy = y[other] - cy
            if dx * dx + dy * dy <= rangeSquared { body(other) }
        }
    }
}
