/// The frozen state of the robots at the start of a step, as sensors see it, with an index sorted
/// by x for neighbour queries.
struct RobotSnapshot: Sendable {
    var position: [Vector2] = []
    var velocity: [Vector2] = []
    var radius: [Double] = []
    /// Robot indices sorted by (x, index), and their x in that order.
    var byX: [Int] = []
    var sortedX: [Double] = []

    /// Copies the robots' states and builds the x index. - Complexity: O(n log n).
    mutating func take(_ robots: [RobotTruth]) {
        position.removeAll(keepingCapacity: true)
        velocity.removeAll(keepingCapacity: true)
        radius.removeAll(keepingCapacity: true)
        for robot in robots {
            position.append(robot.state.position)
            velocity.append(robot.state.velocity)
            radius.append(robot.radius)
        }
        byX = Array(position.indices)
        let xs = position.map(\.x)
        byX.sort { xs[$0] != xs[$1] ? xs[$0] < xs[$1] : $0 < $1 }
        sortedX = byX.map { xs[$0] }
    }

    private func lowerBound(_ value: Double) -> Int {
        var low = 0, high = sortedX.count
        while low < high {
            let middle = (low + high) / 2
            if sortedX[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The indices of the other robots within `range` (centre to centre) of robot `index`, in
    /// increasing index. - Complexity: O(log n + robots within `range` in x).
    func neighbours(of index: Int, within range: Double) -> [Int] {
        let c = position[index]
        var cursor = lowerBound(c.x - range)
        let rangeSquared = range * range
        var found: [Int] = []
        while cursor < byX.count && sortedX[cursor] <= c.x + range {
            let other = byX[cursor]
            cursor += 1
            if other == index { continue }
            if (position[other] - c).lengthSquared <= rangeSquared { found.append(other) }
        }
        found.sort()
        return found
    }
}
