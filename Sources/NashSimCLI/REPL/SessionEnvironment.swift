import Foundation
import GameTheory

/// What the session needs from outside: a solver, the catalogue of classic games and the file system's
/// starting points. `NashSimCLI` passes the real ones (`SessionEnvironment.standard`); tests may pass
/// others.
struct SessionEnvironment: Sendable {
    /// Solves a game with a method (`nashsim solve --method`). Errors are printed with their description.
    var solve: @Sendable (BimatrixGame, SessionSolveMethod) throws -> EquilibriumReport
    /// The classic games, in the order `games` lists them.
    var classics: [ClassicGame]
    /// Where relative paths of `load` and `save` start.
    var currentDirectory: URL
    /// What `~` stands for in paths.
    var homeDirectory: URL

    init(
        solve: @escaping @Sendable (BimatrixGame, SessionSolveMethod) throws -> EquilibriumReport,
        classics: [ClassicGame],
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        homeDirectory: URL = FileManager.default.homeDirectoryForCurrentUser
    ) {
        self.solve = solve
        self.classics = classics
        self.currentDirectory = currentDirectory
        self.homeDirectory = homeDirectory
    }

    /// The classic game called `name` (case-insensitive; `_` and spaces read as `-`).
    func classic(named name: String) -> BimatrixGame? {
        let key = Self.normalised(name)
        return classics.first { Self.normalised($0.id) == key }?.game
    }

    static func normalised(_ name: String) -> String {
        String(name.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// `path` with `~/` expanded, relative to `currentDirectory`.
    func url(for path: String) -> URL {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory.appendingPathComponent(String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return currentDirectory.appendingPathComponent(path)
    }
}
