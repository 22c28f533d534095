import Foundation
import Scenario
import Simulation
import Testing

/// The merge game in whole runs: iterated best response shrinks the Nash gap, every game rule
/// stays safe and merges every ramp car under 30 % message loss, and the comparison scenarios
/// differ only in their rule.
@Suite("Merge game scenarios")
struct MergeGameScenarioTests {
    static let gameRules: [ContestRule] = [.payoffDominant, .welfare, .riskDominant]

    func load(_ file: String) throws -> SimulationConfig {
        try ScenarioLoader.load(path: ShippedScenarioRun.path(of: file))
    }

    func figure(_ summary: RunSummary, _ key: String) -> Double {
        summary.extra.first { $0.key == key }?.value ?? .nan
    }

    @Test("more exchange rounds shrink the Nash gap of the two-car merge; from two rounds on it is below 1e-6")
    func gapShrinksWithRounds() throws {
        let base = try load("merge-two-cars.yaml")
        var gaps: [Double] = [], largest: [Double] = []
        for rounds in 1...4 {
            var config = base
            config.communication.rounds = rounds
            let run = ShippedScenarioRun(config)
            #expect(run.summary.collisions == 0 && run.summary.completed == 1)
            gaps.append(figure(run.summary, "nash_gap"))
            largest.append(figure(run.summary, "nash_gap_max"))
            #expect(figure(run.summary, "plan_conflict_max_m") <= 1e-6)
        }
        #expect(gaps[0] > 1e-3, "one round leaves a gap: \(gaps)")
        for i in 1..<gaps.count { #expect(gaps[i] <= gaps[i - 1] + 1e-12, "\(gaps)") }
        #expect(largest[1...].allSatisfy { $0 <= 1e-6 }, "\(largest)")
    }

    @Test("the two-car merge shows what its header promises: chicken, the main-lane car first, no disagreement")
    func twoCarStory() throws {
        let run = ShippedScenarioRun(try load("merge-two-cars.yaml"))
        let decisions = run.records.flatMap(\.events).filter { $0.event == "merge-decision" }
        let first = try #require(decisions.first { $0.agent == "b" })
        #expect(first.detail.hasPrefix("yields to a (payoff-dominant: costs"))
        #expect(first.detail.contains("equilibria (go,yield) (yield,go) mixed("))
        #expect(first.detail.contains("chose (yield,go)"))
        #expect(decisions.contains { $0.agent == "a" && $0.detail.hasPrefix("goes before b") })
        #expect(figure(run.summary, "disagreements") == 0)
        #expect(run.summary.completed == 1)
    }

    @Test("with 30 % message loss every game rule is safe and merges every ramp car", arguments: gameRules)
    func lossySafety(rule: ContestRule) throws {
        for file in ["merge-lossy-network.yaml", "merge-rush-hour.yaml"] {
            var base = try load(file)
            base.game.selection = rule
            base.communication.dropRate = 0.3
            if file == "merge-rush-hour.yaml" && !ShippedScenarioTests.many { base.duration = 90 }
            for seed in ShippedScenarioTests.seeds(for: base, few: file == "merge-rush-hour.yaml" ? 1 : 2) {
                var config = base
                config.seed = seed
                let run = ShippedScenarioRun(config)
                let overlaps = run.overlaps()
                #expect(overlaps.isEmpty, "\(file) \(rule) seed \(seed): \(overlaps.prefix(3))")
                #expect(run.summary.collisions == 0, "\(file) \(rule) seed \(seed)")
                #expect(run.mergeFailures().isEmpty, "\(file) \(rule) seed \(seed): \(run.mergeFailures().prefix(3))")
                #expect(run.summary.completed == run.rampCars,
                        "\(file) \(rule) seed \(seed): \(run.summary.completed) of \(run.rampCars) merged")
                #expect(figure(run.summary, "disagreement_s_max") >= 0)
            }
        }
    }

    @Test("the comparison scenarios hold the same traffic and differ only in the rule and the rounds")
    func comparisonScenarios() throws {
        let folder = ShippedScenarioRun.path(of: "merge-game-vs-baseline")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == ["fcfs.yaml", "payoff-dominant.yaml", "risk-dominant.yaml", "welfare-rounds-3.yaml", "welfare.yaml"])
        let configs = try files.map { try ScenarioLoader.load(path: folder + "/" + $0) }
        #expect(Set(configs.compactMap(\.game.selection)) == Set(ContestRule.allCases))
        for config in configs {
            var normalised = config
            normalised.name = configs[0].name
            normalised.game = configs[0].game
            normalised.communication.rounds = 1
            #expect(normalised == configs[0], "\(config.name)")
        }
    }

    @Test("rounds and the game rule change nothing about thread independence")
    func threadsWithRounds() throws {
        var config = try load("merge-lossy-network.yaml")
        config.game.selection = .welfare
        config.communication.rounds = 2
        config.duration = 15
        #expect(ShippedScenarioRun(config, threads: 1).fingerprint == ShippedScenarioRun(config, threads: 2).fingerprint)
    }
}
