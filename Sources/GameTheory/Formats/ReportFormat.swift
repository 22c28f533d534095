/// The formats an `EquilibriumReport` can be rendered in (`nashsim solve --format`).
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Aligned text for people (`EquilibriumTableRenderer`).
    case table
    /// One JSON object (`EquilibriumJSONRenderer`), the contract of DESIGN.md.
    case json
    /// A header and one line per equilibrium (`EquilibriumCSVRenderer`).
    case csv

    public var description: String { rawValue }
}

/// Options shared by the renderers.
public struct ReportRenderOptions: Sendable, Hashable {
    /// Indices into `report.equilibria` to mark as selected (e.g. by an equilibrium-selection
    /// rule). The table marks them with `*` and a legend; JSON lists them under `"selected"`;
    /// CSV ignores them.
    public var selected: Set<Int>
    /// What the selection means, for the table's legend (e.g. `"payoff-dominant"`).
    public var selectionLegend: String?

    public init(selected: Set<Int> = [], selectionLegend: String? = nil) {
        self.selected = selected
        self.selectionLegend = selectionLegend
    }
}

extension EquilibriumReport {
    /// The report rendered for `nashsim solve --format`; always ends with a newline.
    public func rendered(as format: ReportFormat, options: ReportRenderOptions = .init()) -> String {
        switch format {
        case .table: EquilibriumTableRenderer(options: options).render(self)
        case .json: EquilibriumJSONRenderer(options: options).render(self)
        case .csv: EquilibriumCSVRenderer().render(self)
        }
    }
}
