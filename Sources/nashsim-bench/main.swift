import Foundation

// nashsim-bench: the project's benchmarks (release build). Each section returns Markdown.
//
//   swift run -c release nashsim-bench               all sections, written to results/BENCHMARKS.md
//   swift run -c release nashsim-bench equilibria    chosen sections only, printed to stdout
//
// Sections: equilibria (support enumeration), zero-sum (LP via GLPK), qp (MPC QP solver),
// robot-qp (the workspace robots' MPC QP), simulation (highway merge from 10 to 1000 cars),
// workspace (circle swap of 100 robots).

let sections: [(name: String, run: () -> String)] = [
    ("equilibria", equilibriumBenchmark),
    ("zero-sum", zeroSumBenchmark),
    ("qp", qpBenchmark),
    ("robot-qp", robotQPBenchmark),
    ("simulation", simulationBenchmark),
    ("workspace", workspaceBenchmark),
]

let requested = Array(CommandLine.arguments.dropFirst())
if let unknown = requested.first(where: { name in !sections.contains { $0.name == name } }) {
    FileHandle.standardError.write(Data("nashsim-bench: unknown section '\(unknown)'; sections: \(sections.map(\.name).joined(separator: ", "))\n".utf8))
    exit(64)
}

var report = MachineDescription.current.markdownHeader
for section in sections where requested.isEmpty || requested.contains(section.name) {
    FileHandle.standardError.write(Data("running \(section.name)...\n".utf8))
    report += section.run() + "\n"
}

if requested.isEmpty {
    let url = URL(fileURLWithPath: "results/BENCHMARKS.md")
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try report.write(to: url, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data("wrote \(url.path)\n".utf8))
    } catch {
        FileHandle.standardError.write(Data("nashsim-bench: cannot write \(url.path): \(error)\n".utf8))
        exit(74)
    }
} else {
    print(report)
}
