/// A dense rectangular matrix stored row-major.
///
/// Invariants: `rows >= 1`, `columns >= 1`, `elements.count == rows * columns`.
public struct Matrix<Element: Sendable & Hashable>: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    /// Entries row after row: entry (i, j) is `elements[i * columns + j]`.
    public private(set) var elements: [Element]

    /// - Precondition: `rows, columns >= 1` and `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Element]) {
        precondition(rows >= 1 && columns >= 1, "a matrix has at least one row and one column")
        precondition(elements.count == rows * columns, "matrix element count does not match its shape")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// From nested rows. - Precondition: at least one row, all rows of the same non-zero length.
    public init(_ nested: [[Element]]) {
        precondition(!nested.isEmpty && !nested[0].isEmpty, "a matrix has at least one row and one column")
        precondition(nested.allSatisfy { $0.count == nested[0].count }, "ragged matrix rows")
        self.init(rows: nested.count, columns: nested[0].count, elements: nested.flatMap { $0 })
    }

    /// A matrix of the given shape filled by `entry(row, column)`.
    public init(rows: Int, columns: Int, entry: (Int, Int) -> Element) {
        var elements: [Element] = []
        elements.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { elements.append(entry(i, j)) } }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    public subscript(row: Int, column: Int) -> Element {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Element] { Array(elements[(i * columns)..<((i + 1) * columns)]) }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Element] { (0..<rows).map { self[$0, j] } }

    /// The rows as nested arrays.
    public var nested: [[Element]] { (0..<rows).map(row) }

    public func transposed() -> Matrix {
        Matrix(rows: columns, columns: rows) { self[$1, $0] }
    }

    public func map<T>(_ transform: (Element) throws -> T) rethrows -> Matrix<T> {
        Matrix<T>(rows: rows, columns: columns, elements: try elements.map(transform))
    }

    /// The submatrix of the given rows and columns, in the order given.
    public func submatrix(rows rowIndices: [Int], columns columnIndices: [Int]) -> Matrix {
        Matrix(rows: rowIndices.count, columns: columnIndices.count) { self[rowIndices[$0], columnIndices[$1]] }
    }
}
