import Foundation

/// Runs the built `nashsim` executable as a user would, for end-to-end tests.
///
/// The binary is found next to the test bundle: SwiftPM puts test bundles and executables in the same
/// products directory (`.build/<triple>/debug`), which on Linux is `Bundle.main.bundleURL` of the test
/// process. `swift test` (and `make test`, which runs `swift build --build-tests` first) builds it.
enum NashSimBinary {
    struct Result {
        var stdout: String
        var stderr: String
        var exitCode: Int32
    }

    static var url: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("nashsim"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nashsim"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The repository's root folder (for files under `examples/` and `scenarios/`).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `nashsim arguments...` with `stdin` piped in, in `directory` (default: the repository root).
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
                    environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        if let environment { process.environment = environment }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self),
                      exitCode: process.terminationStatus)
    }
}
