/// The text of `help` and `help COMMAND`, built from `SessionCommandSpec.all`.
enum SessionHelp {
    static func text(topic: String?) -> String {
        if let topic, let spec = SessionCommandSpec.named(topic) { return detail(spec) }
        let width = SessionCommandSpec.all.map { $0.usage.count }.max() ?? 0
        var lines = ["Commands (names in any case; # starts a comment):"]
        for spec in SessionCommandSpec.all {
            let pad = String(repeating: " ", count: width - spec.usage.count)
            lines.append("  \(spec.usage)\(pad)  \(spec.summary)")
            lines.append("  " + String(repeating: " ", count: width) + "    e.g. \(spec.example)")
        }
        lines.append("Matrix text: rows separated by ';', entries by spaces or commas, A and B by '|'.")
        lines.append("Strategies are numbered from 1; `help COMMAND` tells more.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func detail(_ spec: SessionCommandSpec) -> String {
        var lines = ["usage: \(spec.usage)", "  \(spec.summary)"]
        lines += spec.details.map { "  " + $0 }
        if !spec.aliases.isEmpty { lines.append("  also: " + spec.aliases.joined(separator: ", ")) }
        lines.append("example: \(spec.example)")
        return lines.joined(separator: "\n") + "\n"
    }
}
