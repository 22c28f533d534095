/// Where a value sits in the scenario document: `world.merge_end_m`, `agents[2].controller.horizon`.
/// Sequence indices are 0-based.
struct YAMLPath: Sendable, Hashable, CustomStringConvertible {
    enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    static let root = YAMLPath()

    func appending(_ key: String) -> YAMLPath { YAMLPath(components: components + [.key(key)]) }
    func appending(index: Int) -> YAMLPath { YAMLPath(components: components + [.index(index)]) }

    /// The last key (the name of the value), or the whole path when it ends with an index.
    var lastKey: String {
        if case .key(let key)? = components.last { return key }
        return description
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The path as the subject of a sentence: `world.merge_end_m`, or `the scenario` for the root.
    var subject: String { components.isEmpty ? "the scenario" : description }
}
