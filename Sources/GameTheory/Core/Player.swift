/// The two players of a bimatrix game: the row player chooses a row, the column player a column.
public enum Player: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case row
    case column

    /// The other player.
    public var opponent: Player { self == .row ? .column : .row }

    public var description: String { rawValue }
}
