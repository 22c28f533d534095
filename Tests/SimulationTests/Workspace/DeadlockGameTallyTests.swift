import Testing
@testable import Simulation

/// `deadlock_games`: one per contest of a pair, whichever robot of the pair solves first.
@Suite("Deadlock game tally")
struct DeadlockGameTallyTests {
    let a = AgentID(index: 0), b = AgentID(index: 1), c = AgentID(index: 2)

    @Test("both copies of one game, at the same step or a few steps apart, count once, in either order")
    func bothCopiesCountOnce() {
        for (first, second) in [(a, b), (b, a)] {
            for gap in [0, 3, 40] {
                var tally = DeadlockGameTally(window: 40)
                tally.record(solver: first, counterpart: second, step: 100)
                tally.record(solver: second, counterpart: first, step: 100 + gap)
                #expect(tally.count == 1, "\(first) then \(second), \(gap) steps apart")
            }
        }
    }

    @Test("a game solved by one robot only counts; a later contest of the same pair counts again")
    func contests() {
        var tally = DeadlockGameTally(window: 40)
        tally.record(solver: b, counterpart: a, step: 10)          // a gave up waiting
        #expect(tally.count == 1)
        tally.record(solver: a, counterpart: b, step: 60)          // too late to be b's game
        tally.record(solver: b, counterpart: a, step: 60)
        #expect(tally.count == 2)
        tally.record(solver: b, counterpart: a, step: 90)          // a third contest, b first
        tally.record(solver: a, counterpart: b, step: 91)
        #expect(tally.count == 3)
    }

    @Test("pairs are counted apart")
    func pairs() {
        var tally = DeadlockGameTally(window: 40)
        tally.record(solver: a, counterpart: b, step: 5)
        tally.record(solver: c, counterpart: a, step: 5)
        tally.record(solver: b, counterpart: a, step: 5)
        tally.record(solver: a, counterpart: c, step: 6)
        #expect(tally.count == 2)
    }
}
