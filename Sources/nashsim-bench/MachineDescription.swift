import Foundation

/// Date and machine facts printed at the top of every benchmark report.
struct MachineDescription {
    var date: String
    var cpu: String
    var cores: Int
    var memoryGiB: Double
    var os: String

    static var current: MachineDescription {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return MachineDescription(
            date: formatter.string(from: Date()),
            cpu: cpuModel() ?? "unknown CPU",
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824,
            os: osName() ?? ProcessInfo.processInfo.operatingSystemVersionString)
    }

    var markdownHeader: String {
        """
        # nashsim benchmarks

        Produced by `swift run -c release nashsim-bench` on \(date).
        Machine: \(cpu), \(cores) cores, \(String(format: "%.0f", memoryGiB)) GiB, \(os).
        Times are wall-clock; medians over the repetitions stated in each section.


        """
    }

    private static func cpuModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func osName() -> String? {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
            .map { String($0.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }
}
