import BigInt

/// The row player's exact payoffs A mapped to positive integers M = (A − min) · L + 1, where L is
/// the least common multiple of the denominators. A positive affine change keeps every optimal
/// strategy, so exact certificates can be checked on M in integer arithmetic.
///
/// For integer payoffs below 2⁵³ (the common case, L = 1) the map costs one pass over `Int`s;
/// other games go through `BigInt`. `small` is present when every entry of M is below 2⁶², so that products
/// with 52-bit weights fit in `Int128` and the fraction-free elimination can start in `Int`.
struct ZeroSumIntegerPayoffs: Sendable {
    let rows: Int
    let columns: Int
    /// Row-major entries of M as `Int`, when all are below 2⁶².
    let small: [Int]?
    /// Row-major entries of M as `BigInt` (always; computed from `small` when that exists).
    var big: [BigInt] { storedBig ?? small!.map { BigInt($0) } }

    private let storedBig: [BigInt]?

    /// - Parameters:
    ///   - payoffs: the exact payoffs A.
    ///   - nearestDoubles: the nearest `Double` of each entry of A (`BimatrixGame.rowPayoffs` of an
    ///     exact game); computed from `payoffs` when nil.
    init(_ payoffs: Matrix<Rational>, nearestDoubles: Matrix<Double>? = nil) {
        rows = payoffs.rows
        columns = payoffs.columns
        if let integers = Self.smallIntegers(payoffs, nearestDoubles ?? payoffs.map(\.doubleValue)) {
            small = integers
            storedBig = nil
            return
        }
        let elements = payoffs.elements
        var lcm = BigInt(1)
        for entry in elements where entry.denominator != 1 {
            let d = entry.denominator
            lcm = lcm / BigInt(lcm.magnitude.greatestCommonDivisor(with: d.magnitude)) * d
        }
        let minimum = elements.min()!
        // (a − min) · L = (nₐ · L / dₐ) − (n_min · L / d_min): exact integers.
        let minimumScaled = minimum.numerator * (lcm / minimum.denominator)
        let big = elements.map { $0.numerator * (lcm / $0.denominator) - minimumScaled + 1 }
        let limit = BigInt(1) << 62
        small = big.allSatisfy { $0 < limit } ? big.map { Int($0) } : nil
        storedBig = big
    }

    /// M for a matrix of integers below 2⁵³ in magnitude, or nil.
    private static func smallIntegers(_ payoffs: Matrix<Rational>, _ doubles: Matrix<Double>) -> [Int]? {
        var values: [Int] = []
        values.reserveCapacity(payoffs.elements.count)
        let exact = payoffs.elements, nearest = doubles.elements
        for index in exact.indices {
            guard let value = smallInteger(exact[index], nearestDouble: nearest[index]) else { return nil }
            values.append(value)
        }
        let minimum = values.min()!
        let limit = 1 << 62
        for index in values.indices {
            let (shifted, overflow) = values[index].subtractingReportingOverflow(minimum)
            guard !overflow, shifted < limit - 1 else { return nil }
            values[index] = shifted + 1
        }
        return values
    }

    /// `value` as an `Int` when it is an integer of magnitude below 2⁵³, else nil, given
    /// `nearestDouble`, the `Double` nearest to `value` (as `BimatrixGame` keeps next to its exact
    /// payoffs): such an integer is exactly that `Double`.
    ///
    /// Reads only two bit widths of the `BigInt`s: about 10× faster than `denominator == 1`
    /// followed by `Int(exactly:)`, which matters on 250 000 entries.
    static func smallInteger(_ value: Rational, nearestDouble: Double) -> Int? {
        // The denominator is positive, so a bit width of 1 means it is 1.
        guard value.denominator.magnitude.bitWidth == 1, value.numerator.magnitude.bitWidth <= 53 else { return nil }
        return Int(nearestDouble)
    }
}
