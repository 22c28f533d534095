// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "nashsim",
    products: [
        .executable(name: "nashsim", targets: ["nashsim"]),
        .executable(name: "nashsim-bench", targets: ["nashsim-bench"]),
        .library(name: "GameTheory", targets: ["GameTheory"]),
        .library(name: "Optimization", targets: ["Optimization"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shims: the only targets that touch C.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .systemLibrary(name: "CLibEdit", path: "Sources/CLibEdit"),

        // Maths core: plain values and solvers, standard library only.
        .target(name: "Optimization", path: "Sources/Optimization", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "GLPK", dependencies: ["CGLPK", "Optimization"], path: "Sources/GLPK"),
        .target(
            name: "GameTheory",
            dependencies: ["Optimization", .product(name: "BigInt", package: "BigInt")],
            path: "Sources/GameTheory"),

        // The simulator: worlds, agents, dynamics, intent bus, MPC controllers, interaction games.
        .target(name: "Simulation", dependencies: ["Optimization", "GameTheory"], path: "Sources/Simulation"),
        // Edges: YAML scenarios in, CSV/JSON out.
        .target(
            name: "Scenario",
            dependencies: ["Simulation", .product(name: "Yams", package: "Yams")],
            path: "Sources/Scenario"),
        .target(name: "Reporting", dependencies: ["Simulation"], path: "Sources/Reporting"),

        // Edges: command line (composition root) and executables.
        .target(
            name: "NashSimCLI",
            dependencies: [
                "GameTheory", "GLPK", "Optimization", "CLibEdit", "Simulation", "Scenario", "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/NashSimCLI"),
        .executableTarget(name: "nashsim", dependencies: ["NashSimCLI"], path: "Sources/nashsim"),
        .executableTarget(
            name: "nashsim-bench",
            dependencies: ["GameTheory", "GLPK", "Optimization", "Simulation"],
            path: "Sources/nashsim-bench"),

        .testTarget(name: "OptimizationTests", dependencies: ["Optimization"], exclude: ["Fixtures"]),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK", "Optimization"]),
        .testTarget(name: "GameTheoryTests", dependencies: ["GameTheory", "GLPK", "Optimization"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Optimization", "GameTheory"], exclude: ["Workspace/Fixtures"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Reporting", "Simulation", "Optimization"]),
        .testTarget(name: "NashSimCLITests", dependencies: ["NashSimCLI", "GameTheory", "Optimization"]),
    ],
    swiftLanguageModes: [.v6]
)
