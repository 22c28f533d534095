import Testing
@testable import Simulation

/// Narrow passages: found from the map along a route; who would meet whom inside one.
@Suite("Narrow passage")
struct NarrowPassageTests {
    /// A corridor 1 m wide (|y| < 0.5) from x = -4 to x = 4, as in scenarios/corridor.yaml.
    let finder = PassageFinder(workspace: WorkspaceConfig(width: 20, height: 8, obstacles: [
        .box(min: Vector2(-4, 0.5), max: Vector2(4, 4)), .box(min: Vector2(-4, -4), max: Vector2(4, -0.5)),
    ]))
    /// Two discs of radius 0.3 with margins 0.05 cannot pass in less than this [m].
    let passingWidth = 2 * (0.3 + 0.3) + 3 * 0.05

    func passage(from start: Vector2) -> NarrowPassage? {
        finder.find(from: start, along: [Vector2(4.5, 0), Vector2(7, 1.5)], lookahead: 12, passingWidth: passingWidth)
    }

    @Test("the corridor is the narrow stretch of a route through it; open floor is not narrow")
    func findsTheCorridor() throws {
        let found = try #require(passage(from: Vector2(-5.5, 0)))
        #expect(abs(found.start - 1.5) <= 0.25, "\(found.start)")     // the mouth at x = -4
        #expect(abs(found.end - 9.5) <= 0.25, "\(found.end)")         // the far end at x = 4
        #expect(finder.find(from: Vector2(-5.5, 2), along: [Vector2(-5.5, -3)], lookahead: 12,
                            passingWidth: passingWidth) == nil)
        let inside = try #require(passage(from: Vector2(0, 0)))
        #expect(inside.start == 0)
    }

    @Test("a robot bound through the corridor from the other end meets this one inside it")
    func oncoming() throws {
        let found = try #require(passage(from: Vector2(-5.5, 0)))
        func meets(_ position: Vector2, _ target: Vector2) -> Bool {
            found.meets(position: position, target: target, speed: 1, ownSpeed: 1, tolerance: 0.725, oncomingCos: -0.5,
                        slack: 1, step: 0.25)
        }
        #expect(meets(Vector2(5.5, 0), Vector2(-4.5, 0.1)))       // from the far mouth, through it
        #expect(meets(Vector2(2, 0), Vector2(-4.5, 0.1)))         // already in it
        #expect(!meets(Vector2(-2, 0), Vector2(5, 0)))             // the same way
        #expect(!meets(Vector2(5.5, 2), Vector2(5.5, -2)))         // passes by the far mouth
        // Far off: this robot is through before the other one reaches the corridor.
        #expect(!found.meets(position: Vector2(40, 0), target: Vector2(-4.5, 0), speed: 1, ownSpeed: 1,
                             tolerance: 0.725, oncomingCos: -0.5, slack: 1, step: 0.25))
    }
}
