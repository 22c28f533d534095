extension LinearProgram {
    /// Bounds on a variable or on a constraint row's activity.
    ///
    /// Bound values must be finite (`validate()` rejects ±∞ and NaN): leave a side unbounded by
    /// choosing the case that omits it. For `.double(lower, upper)` the invariant is
    /// `lower ≤ upper`; `lower == upper` is allowed and means the same as `.fixed(lower)`.
    public enum Bounds: Sendable, Hashable {
        /// −∞ < x < +∞.
        case free
        /// lower ≤ x.
        case lower(Double)
        /// x ≤ upper.
        case upper(Double)
        /// lower ≤ x ≤ upper.
        case double(Double, Double)
        /// x == value.
        case fixed(Double)

        /// The lower bound, or −∞ when there is none.
        public var lowerBound: Double {
            switch self {
            case .free, .upper: -.infinity
            case .lower(let lower), .double(let lower, _), .fixed(let lower): lower
            }
        }

        /// The upper bound, or +∞ when there is none.
        public var upperBound: Double {
            switch self {
            case .free, .lower: .infinity
            case .upper(let upper), .double(_, let upper), .fixed(let upper): upper
            }
        }

        /// The finite bound values stored in this case (none for `.free`).
        var storedValues: [Double] {
            switch self {
            case .free: []
            case .lower(let value), .upper(let value), .fixed(let value): [value]
            case .double(let lower, let upper): [lower, upper]
            }
        }

        /// Whether `value` lies within the bounds, allowing `tolerance` outside each side.
        public func contains(_ value: Double, tolerance: Double = 0) -> Bool {
            value >= lowerBound - tolerance && value <= upperBound + tolerance
        }

        /// How far `value` lies outside the bounds (0 inside).
        public func violation(of value: Double) -> Double {
            Swift.max(0, lowerBound - value, value - upperBound)
        }
    }
}
