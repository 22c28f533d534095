import ArgumentParser
import GameTheory

/// `--format` of `nashsim solve`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv

    var reportFormat: ReportFormat {
        switch self {
        case .table: .table
        case .json: .json
        case .csv: .csv
        }
    }
}

/// `--method` of `nashsim solve`.
enum SolveMethod: String, ExpressibleByArgument, CaseIterable {
    case auto, support, lp, pure

    var gameTheoryMethod: GameSolver.Method {
        switch self {
        case .auto: .auto
        case .support: .support
        case .lp: .lp
        case .pure: .pure
        }
    }
}
