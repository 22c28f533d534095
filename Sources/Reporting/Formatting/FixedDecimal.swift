import Foundation

/// Plain decimal rendering of numbers for the output files: a fixed number of decimals, never an
/// exponent, never `nan` or `inf`, and no negative zero (`-0.00001` with 4 decimals is `0.0000`).
///
/// The value is scaled by 10^decimals and rounded half away from zero; the scaling is one binary
/// multiplication, so a value exactly halfway in decimal may round either way, but always the same
/// way for the same value (the outputs are deterministic, not correctly rounded in the last digit).
enum FixedDecimal {
    /// `value` with `decimals` digits after the point (`decimals` in 0...9).
    /// - Precondition: `value` is finite (callers check and report non-finite values).
    static func format(_ value: Double, decimals: Int) -> String {
        precondition(value.isFinite, "FixedDecimal.format needs a finite value")
        precondition((0...9).contains(decimals), "FixedDecimal.format supports 0...9 decimals")
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^63 the integer route overflows; such values are printed digit by digit.
        guard scaled < 9.2e18 else { return formatLarge(value, decimals: decimals) }
        let units = UInt64(scaled)
        let whole = units / scale
        let fraction = units % scale
        var text = units == 0 || value.sign == .plus ? "" : "-"
        text += String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// An integral value is printed as an integer (`12`), any other with `decimals` decimals.
    static func formatCompact(_ value: Double, decimals: Int) -> String {
        if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
        return format(value, decimals: decimals)
    }

    /// Values of 2^63 / 10^decimals and more (far beyond any simulated quantity): printf's `%f`,
    /// which is plain decimal too.
    private static func formatLarge(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", locale: nil, value)
    }
}
