import ArgumentParser
import Foundation
import Scenario

/// `nashsim validate SCENARIO.yaml...`: checks scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files without running them.",
        discussion: """
            Every file is checked, and every problem of every file is printed on stderr, \
            compiler-style (FILE:LINE:COLUMN: error: KEY.PATH ...). A valid file prints "FILE: ok". \
            Nothing is written to stdout.

            Exit status: 0 when every file is valid; 65 when any file is invalid; 74 when any file \
            cannot be read (this wins over 65). The format is described in docs/scenario-format.md.

            Example:
              nashsim validate scenarios/*.yaml
            """)

    @Argument(help: ArgumentHelp("The scenario files (YAML); - reads standard input.", valueName: "scenario"))
    var files: [String]

    init() {}

    func run() throws {
        var unreadable = false
        var invalid = false
        for path in files {
            do {
                let input = try InputFile.read(path: path)
                _ = try ScenarioLoader.load(text: input.text, fileName: input.displayName)
                Console.error("\(input.displayName): ok")
            } catch let failure as CommandFailure {
                failure.messages.forEach(Console.error)
                if failure.exitCode == ExitStatus.ioError { unreadable = true } else { invalid = true }
            } catch let diagnostics as ScenarioDiagnostics {
                diagnostics.diagnostics.forEach { Console.error($0.description) }
                invalid = true
            }
        }
        if unreadable { throw ExitStatus.ioError }
        if invalid { throw ExitStatus.dataError }
    }
}
