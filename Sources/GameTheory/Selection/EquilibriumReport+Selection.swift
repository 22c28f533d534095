/// An `EquilibriumReport` after a selection rule: what to render and how (`nashsim solve --select`,
/// the REPL's `select`).
public struct SelectedReport: Sendable {
    /// The report to render: all equilibria, or only the selected ones (see `keepingAll`), with the
    /// selection's notes appended to its notes.
    public var report: EquilibriumReport
    /// Render options marking the selected equilibria of `report` (`*` in the table, `"selected"` in JSON).
    public var options: ReportRenderOptions
    /// The selection itself, with indices into the *original* report's equilibria.
    public var outcome: SelectionOutcome
}

extension EquilibriumReport {
    /// Applies `rule` to the equilibria of this report.
    ///
    /// - keepingAll: true keeps every equilibrium and marks the selected ones; false keeps only the
    ///   selected ones, in their original order, all marked. Either way the notes number equilibria
    ///   as the returned report does.
    /// - Throws: `SelectionError.notApplicable` (risk dominance outside 2 x 2 games with two strict
    ///   pure equilibria).
    public func selecting(_ rule: SelectionRule, tieBreak: TieBreak = .default, keepingAll: Bool)
        throws(SelectionError) -> SelectedReport {
        let outcome = try EquilibriumSelection.select(rule, among: equilibria, in: game, tieBreak: tieBreak)
        var result = self
        let marked: Set<Int>
        if keepingAll {
            result.notes += outcome.notes
            marked = Set(outcome.selected)
        } else {
            let position = Dictionary(uniqueKeysWithValues: outcome.selected.enumerated().map { ($1, $0 + 1) })
            let renumbered = try EquilibriumSelection.select(rule, among: equilibria, in: game, tieBreak: tieBreak,
                                                             numbering: { position[$0] ?? $0 + 1 })
            result.equilibria = outcome.selected.map { equilibria[$0] }
            result.notes += renumbered.notes
            marked = Set(result.equilibria.indices)
        }
        let options = ReportRenderOptions(selected: marked, selectionLegend: rule.title)
        return SelectedReport(report: result, options: options, outcome: outcome)
    }
}
