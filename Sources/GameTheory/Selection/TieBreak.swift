/// How `EquilibriumSelection` picks one equilibrium when several satisfy a rule, deterministically and
/// independently of how the game is presented.
///
/// Two agents that contest something build the same game each from its own viewpoint: agent X puts
/// itself in the row, agent Y puts itself in the row of the *swapped* game (`swappingPlayers()`), and
/// their equilibrium lists may come out in different orders. For both to pick the same equilibrium,
/// ties are broken by criteria that name players by a stable identity, never by row/column or by
/// position in a list. The caller says which player has *priority* (e.g. the one with the lower agent
/// id: `favouringLower(rowIdentity:columnIdentity:)`), and among tied equilibria the first criterion
/// that separates them decides:
/// 1. the higher expected payoff of the priority player;
/// 2. the higher expected payoff of the other player;
/// 3. the priority player's mixed strategy that is lexicographically larger (more probability on its
///    earlier-listed strategies), then the same for the other player.
///
/// Distinct equilibria always differ in 3., so the choice is unique; only duplicates of one profile
/// (equal within the comparison tolerance) fall back to the lowest index. Each player's strategies must
/// be listed in the same order in both presentations (`swappingPlayers()` keeps it).
///
/// With the priority player given consistently (X's viewpoint: `.favouring(.row)`, Y's viewpoint of the
/// swapped game: `.favouring(.column)`, when X has priority), both select the same profile.
public struct TieBreak: Sendable, Hashable, CustomStringConvertible {
    /// The player whose interests decide ties first.
    public var priority: Player

    public init(favouring priority: Player) {
        self.priority = priority
    }

    /// Favouring the row player. Depends on the presentation: when two parties compute independently,
    /// pass a canonical priority instead (`favouringLower(rowIdentity:columnIdentity:)`).
    public static let `default` = TieBreak(favouring: .row)

    /// Favours the player whose stable identity (agent id, name...) is smaller.
    /// - Precondition: the identities differ.
    public static func favouringLower<ID: Comparable>(rowIdentity: ID, columnIdentity: ID) -> TieBreak {
        precondition(rowIdentity != columnIdentity, "the two players need distinct identities")
        return TieBreak(favouring: rowIdentity < columnIdentity ? .row : .column)
    }

    /// The same tie-break for the game with the players swapped.
    public func swappingPlayers() -> TieBreak { TieBreak(favouring: priority.opponent) }

    public var description: String { "favouring the \(priority) player" }
}
