/// An agent's identity inside one simulation: its position in the list of every agent of the run
/// (explicit and generated) sorted by id string.
///
/// Because the index comes from the sorted ids, it does not depend on the order of the agents in
/// the configuration, and sorting by `AgentID` sorts by id string: the order of every output.
public struct AgentID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Position in ``AgentDirectory/names``.
    public let index: Int

    public init(index: Int) {
        self.index = index
    }

    public static func < (a: AgentID, b: AgentID) -> Bool { a.index < b.index }

    public var description: String { "#\(index)" }
}

/// The ids of every agent of a run, sorted, so that an ``AgentID`` can be turned back into text.
public struct AgentDirectory: Sendable {
    /// Agent ids in increasing order (Swift `String` comparison); `names[id.index]` is the id of `id`.
    public let names: [String]

    /// - Precondition: `names` is sorted and has no duplicates.
    public init(sortedNames names: [String]) {
        for i in names.indices.dropFirst() {
            precondition(names[i - 1] < names[i], "agent ids must be unique (duplicate or unsorted: '\(names[i])')")
        }
        self.names = names
    }

    public subscript(id: AgentID) -> String { names[id.index] }

    public var count: Int { names.count }
}
