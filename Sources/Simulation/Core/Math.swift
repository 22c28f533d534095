#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few libm functions the simulator needs, behind one import so that the rest of the target
/// stays on the standard library.
enum Math {
    @inline(__always) static func sin(_ x: Double) -> Double { Foundation_sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { Foundation_cos(x) }
    @inline(__always) static func atan(_ x: Double) -> Double { Foundation_atan(x) }
    @inline(__always) static func atan2(_ y: Double, _ x: Double) -> Double { Foundation_atan2(y, x) }
    @inline(__always) static func log1p(_ x: Double) -> Double { Foundation_log1p(x) }
    @inline(__always) static func hypot(_ x: Double, _ y: Double) -> Double { Foundation_hypot(x, y) }
}

// The C functions under private names, so that `Math.sin` does not call itself.
@inline(__always) private func Foundation_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func Foundation_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func Foundation_atan(_ x: Double) -> Double { atan(x) }
@inline(__always) private func Foundation_atan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
@inline(__always) private func Foundation_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func Foundation_hypot(_ x: Double, _ y: Double) -> Double { hypot(x, y) }

/// Plain decimal text for event details (no exponent, fixed decimals), independent of locale.
enum DecimalText {
    /// `value` rounded to `decimals` places, e.g. `render(3.14159, 2) == "3.14"`, `render(-0.001, 2) == "0.00"`.
    static func render(_ value: Double, _ decimals: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(Int64(value.rounded())) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let fraction = units % Int64(scale)
        var text = (value < 0 && units != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }
}
