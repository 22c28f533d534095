/// Routes around the static obstacles of a workspace: A* on an 8-connected occupancy grid, then
/// line-of-sight shortcutting (string pulling) against the true geometry, so that a route is a few
/// straight segments whose corners sit near obstacle corners, and a route across open space is the
/// goal alone. The robots' MPC tracks the waypoints as intermediate goals.
///
/// The grid has square cells of `cellSize` metres, centred on the origin, with an odd number of
/// columns and of rows (so that cell centres lie on both axes) covering the workspace. A cell is
/// *blocked* when a disc of radius `clearance` at its centre would touch an obstacle or leave the
/// workspace (see ``WorkspaceConfig/isDiscFree(center:radius:)``: touching counts as clear).
/// Moving between two neighbouring free cells is allowed when the straight segment between their
/// centres is clear too (``isSegmentClear(_:_:)``), so corners are never cut.
///
/// Value semantics; immutable after `init`; `route` is safe to call from several threads.
public struct GridRoutePlanner: Sendable {
    /// The workspace planned in.
    public let workspace: WorkspaceConfig
    /// Radius of the disc kept clear of obstacles and walls [m] (≥ 0): a robot's radius plus its margin.
    public let clearance: Double
    /// Side of a grid cell [m] (> 0).
    public let cellSize: Double
    /// Cells along x (odd).
    public let columns: Int
    /// Cells along y (odd).
    public let rows: Int

    /// x and y of the lower-left corner of cell (0, 0).
    private let origin: Vector2
    /// Per cell (index `row * columns + column`): whether it is blocked.
    private let blocked: [Bool]
    /// Per cell: whether an obstacle or wall is close enough that a move out of it must be checked
    /// against the true geometry (farther than `clearance + √2·cellSize` needs no check).
    private let nearObstacle: [Bool]

    /// The largest grid the planner builds (cells); a precondition.
    public static let maximumCells = 4_000_000

    /// Occupancy grid of the workspace with cells of `cellSize` metres; a cell is blocked when a
    /// disc of radius `clearance` at its centre would touch an obstacle or leave the workspace.
    /// - Precondition: `clearance >= 0`, `cellSize > 0`, both finite, and at most
    ///   ``maximumCells`` cells.
    /// - Complexity: O(cells · obstacles) time, O(cells) memory.
    public init(workspace: WorkspaceConfig, clearance: Double, cellSize: Double) {
        precondition(clearance >= 0 && clearance.isFinite, "clearance must be >= 0")
        precondition(cellSize > 0 && cellSize.isFinite, "cellSize must be > 0")
        self.workspace = workspace
        self.clearance = clearance
        self.cellSize = cellSize
        func oddCount(_ extent: Double) -> Int {
            let cells = (extent / cellSize).rounded(.up)
            precondition(cells < Double(Self.maximumCells), "the grid would be too large")
            let count = Swift.max(1, Int(cells))
            return count % 2 == 0 ? count + 1 : count
        }
        columns = oddCount(workspace.width)
        rows = oddCount(workspace.height)
        precondition(columns * rows <= Self.maximumCells, "the grid would have more than \(Self.maximumCells) cells")
        origin = Vector2(-Double(columns) * cellSize / 2, -Double(rows) * cellSize / 2)
        let nearDistance = clearance + 2.0.squareRoot() * cellSize
        var blocked = [Bool](repeating: false, count: columns * rows)
        var near = [Bool](repeating: false, count: columns * rows)
        let halfWidth = workspace.width / 2, halfHeight = workspace.height / 2
        for row in 0..<rows {
            for column in 0..<columns {
                let center = Vector2(origin.x + (Double(column) + 0.5) * cellSize, origin.y + (Double(row) + 0.5) * cellSize)
                let wall = Swift.min(halfWidth - abs(center.x), halfHeight - abs(center.y))
                let distance = Swift.min(wall, workspace.obstacleDistance(to: center))
                blocked[row * columns + column] = !(wall >= clearance && distance >= clearance)
                near[row * columns + column] = distance <= nearDistance
            }
        }
        self.blocked = blocked
        self.nearObstacle = near
    }

    // MARK: Geometry

    /// Whether a disc of radius `clearance` centred on `point` is inside the workspace and clear of
    /// every obstacle.
    /// - Complexity: O(obstacles).
    public func isClear(_ point: Vector2) -> Bool {
        workspace.isDiscFree(center: point, radius: clearance)
    }

    /// Whether a disc of radius `clearance` swept along the segment `a`–`b` stays inside the
    /// workspace and clear of every obstacle (checked against the true shapes, not the grid).
    /// - Complexity: O(obstacles).
    public func isSegmentClear(_ a: Vector2, _ b: Vector2) -> Bool {
        // The workspace shrunk by the clearance is convex: both ends inside means the segment is.
        guard workspace.containsDisc(center: a, radius: clearance), workspace.containsDisc(center: b, radius: clearance)
        else { return false }
        for obstacle in workspace.obstacles where obstacle.distance(toSegment: a, b) < clearance { return false }
        return true
    }

    /// The centre of cell (`column`, `row`).
    public func center(column: Int, row: Int) -> Vector2 {
        Vector2(origin.x + (Double(column) + 0.5) * cellSize, origin.y + (Double(row) + 0.5) * cellSize)
    }

    /// Whether cell (`column`, `row`) is blocked (cells outside the grid are).
    public func isBlocked(column: Int, row: Int) -> Bool {
        guard (0..<columns).contains(column), (0..<rows).contains(row) else { return true }
        return blocked[row * columns + column]
    }

    /// The cell containing `point`, clamped to the grid.
    func cell(containing point: Vector2) -> (column: Int, row: Int) {
        func clampedIndex(_ value: Double, _ count: Int) -> Int {
            guard value.isFinite else { return 0 }
            return Swift.min(count - 1, Swift.max(0, Int((value / cellSize).rounded(.down))))
        }
        return (clampedIndex(point.x - origin.x, columns), clampedIndex(point.y - origin.y, rows))
    }

    // MARK: Routes

    /// Waypoints from `start` to `goal` (excluding start, ending exactly at goal), such that the
    /// straight segments between consecutive points (start first) keep a disc of radius
    /// `clearance` clear of obstacles; nil when no route exists. Deterministic (ties broken by
    /// fixed neighbour order).
    ///
    /// When the direct segment is clear the route is `[goal]`. Otherwise the route enters the grid
    /// at the free cell nearest to `start` that can be reached from it in a straight clear line,
    /// runs A* (octile heuristic, costs 1 and √2 cells) to the free cell nearest to `goal` that
    /// sees the goal, and is shortened by string pulling: from each waypoint, the farthest later
    /// point in clear line of sight becomes the next one.
    ///
    /// When `start` itself is not clear (a robot already closer to an obstacle than `clearance`),
    /// the first segment leads to the nearest free cell and is the only one not held to the
    /// clearance; likewise the last segment when `goal` itself is not clear.
    /// - Complexity: O(C log C · o) time and O(C) memory for C grid cells and o obstacles near the
    ///   path (A*), plus O(k² · o) for string pulling over a grid path of k cells; O(o) in open space.
    public func route(from start: Vector2, to goal: Vector2) -> [Vector2]? {
        if isSegmentClear(start, goal) { return [goal] }
        let startClear = isClear(start), goalClear = isClear(goal)
        guard let entry = entryCell(near: start, requireSight: startClear),
              let exit = entryCell(near: goal, requireSight: goalClear),
              let cells = search(from: entry, to: exit)
        else { return nil }

        var points = [start]
        points += cells.map { center(column: $0 % columns, row: $0 / columns) }
        points.append(goal)
        // String pulling: the exempt first and last segments (ends not clear) are kept as they are.
        var route: [Vector2] = []
        var anchor = 0
        if !startClear {
            route.append(points[1])
            anchor = 1
        }
        let last = points.count - 1
        let pullEnd = goalClear ? last : last - 1
        while anchor < pullEnd {
            var next = anchor + 1
            var candidate = pullEnd
            while candidate > anchor + 1 {
                if isSegmentClear(points[anchor], points[candidate]) { next = candidate; break }
                candidate -= 1
            }
            route.append(points[next])
            anchor = next
        }
        if !goalClear { route.append(goal) }
        return route
    }

    /// The free cell where a route leaves (or reaches) `point`: the nearest free cell by distance
    /// between `point` and the cell centre (ties: lower row, then lower column) whose centre is in
    /// clear line of sight from `point` when `requireSight`.
    /// - Complexity: O(r² · log r + r² · o) for the r rings of cells searched.
    private func entryCell(near point: Vector2, requireSight: Bool) -> Int? {
        let (column, row) = cell(containing: point)
        var best: (distance: Double, index: Int)?
        let maxRing = Swift.max(columns, rows)
        var ring = 0
        while ring <= maxRing {
            // A cell in ring r is at least (r - 1) cells from the point; stop once nothing nearer can come.
            if let best, Double(ring - 1) * cellSize > best.distance { break }
            for r in (row - ring)...(row + ring) where (0..<rows).contains(r) {
                for c in (column - ring)...(column + ring) where (0..<columns).contains(c) {
                    guard Swift.max(abs(r - row), abs(c - column)) == ring, !blocked[r * columns + c] else { continue }
                    let centre = center(column: c, row: r)
                    let distance = (centre - point).length
                    let index = r * columns + c
                    if let current = best, (distance, index) >= (current.distance, current.index) { continue }
                    if requireSight, !isSegmentClear(point, centre) { continue }
                    best = (distance, index)
                }
            }
            ring += 1
        }
        return best?.index
    }

    /// The 8 neighbour offsets, in the fixed order that breaks ties: E, N, W, S, NE, NW, SW, SE.
    private static let neighbours: [(dc: Int, dr: Int, cost: Double)] = [
        (1, 0, 1), (0, 1, 1), (-1, 0, 1), (0, -1, 1),
        (1, 1, 2.0.squareRoot()), (-1, 1, 2.0.squareRoot()), (-1, -1, 2.0.squareRoot()), (1, -1, 2.0.squareRoot()),
    ]

    /// A* from cell `source` to cell `target` (indices), both free; the cells of the path,
    /// `source` first, or nil when `target` cannot be reached. Costs are in cells.
    private func search(from source: Int, to target: Int) -> [Int]? {
        if source == target { return [source] }
        let count = columns * rows
        let targetColumn = target % columns, targetRow = target / columns
        func heuristic(_ index: Int) -> Double {
            let dx = Double(abs(index % columns - targetColumn)), dy = Double(abs(index / columns - targetRow))
            return Swift.max(dx, dy) + (2.0.squareRoot() - 1) * Swift.min(dx, dy)
        }
        var cost = [Double](repeating: .infinity, count: count)
        var parent = [Int32](repeating: -1, count: count)
        var closed = [Bool](repeating: false, count: count)
        var open = MinHeap()
        cost[source] = 0
        open.push(priority: heuristic(source), order: 0, index: source)
        var pushes = 1
        while let current = open.pop() {
            let index = current.index
            if closed[index] { continue }
            if index == target { break }
            closed[index] = true
            let column = index % columns, row = index / columns
            let from = center(column: column, row: row)
            for move in Self.neighbours {
                let c = column + move.dc, r = row + move.dr
                guard (0..<columns).contains(c), (0..<rows).contains(r) else { continue }
                let next = r * columns + c
                guard !blocked[next], !closed[next] else { continue }
                let tentative = cost[index] + move.cost
                guard tentative < cost[next] else { continue }
                if nearObstacle[index] || nearObstacle[next], !isSegmentClear(from, center(column: c, row: r)) { continue }
                cost[next] = tentative
                parent[next] = Int32(index)
                open.push(priority: tentative + heuristic(next), order: pushes, index: next)
                pushes += 1
            }
        }
        guard parent[target] >= 0 else { return nil }
        var path = [target]
        var index = target
        while index != source {
            index = Int(parent[index])
            path.append(index)
        }
        return path.reversed()
    }
}

/// A binary min-heap of (priority, order) keys for A*'s open set; `order` (the push count) breaks
/// ties, so the search is deterministic.
private struct MinHeap {
    private var items: [(priority: Double, order: Int, index: Int)] = []

    private static func less(_ a: (priority: Double, order: Int, index: Int),
                             _ b: (priority: Double, order: Int, index: Int)) -> Bool {
        (a.priority, a.order) < (b.priority, b.order)
    }

    mutating func push(priority: Double, order: Int, index: Int) {
        items.append((priority, order, index))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (priority: Double, order: Int, index: Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, Self.less(items[left], items[smallest]) { smallest = left }
                if right < items.count, Self.less(items[right], items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
