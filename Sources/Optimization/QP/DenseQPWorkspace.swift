/// Every buffer one ``QPSolver`` needs, allocated once at setup for fixed sizes (n, m), so that
/// a solve allocates nothing.
///
/// This is a reference type holding raw memory; ``QPSolver`` gives it value semantics by copying
/// it before a mutation when it is shared (copy-on-write via `isKnownUniquelyReferenced`). That
/// discipline is what makes the `@unchecked Sendable` sound: a workspace reachable from two
/// solvers is never written.
///
/// Layout (all matrices flat; "col-major" means column c is contiguous at `c * n`):
/// - data: `hessian` n×n (row-major, symmetric), `gradient` n, `matrix` m×n (row-major),
///   `rowLower`/`rowUpper` m, `variableLower`/`variableUpper` n, `rowNorm` m (‖C_i‖₂);
/// - factors: `cholesky` n×n (L, row-major), `j0` n×n (L⁻ᵀ, col-major), both fixed until the
///   Hessian changes;
/// - iteration state: `j` n×n (col-major), `r` n×n (upper triangular, col-major, leading dim n),
///   `x0` (unconstrained minimiser), `x`, `z`, `d`, `step` (the dual direction r),
///   `multipliers` (of the active constraints), `work`, `rowValues` (C x, length m),
///   `constraintMultipliers` (y, m), `boundMultipliers` (z, n);
/// - integers: `active` (n constraint ids), `state` (m + n), `guess` (m + n).
final class DenseQPWorkspace: @unchecked Sendable {
    let n: Int
    let m: Int
    private let doubles: UnsafeMutablePointer<Double>
    private let doubleCount: Int
    private let ints: UnsafeMutablePointer<Int>
    private let intCount: Int

    let hessian, gradient, matrix, rowLower, rowUpper, variableLower, variableUpper, rowNorm: UnsafeMutablePointer<Double>
    let cholesky, j0, j, r, x0, x, z, d, step, multipliers, work, rowValues: UnsafeMutablePointer<Double>
    let constraintMultipliers, boundMultipliers: UnsafeMutablePointer<Double>
    let active, state, guess: UnsafeMutablePointer<Int>

    init(variableCount n: Int, constraintCount m: Int) {
        precondition(n >= 1 && m >= 0)
        self.n = n
        self.m = m
        let nn = n * n
        doubleCount = 6 * nn + 10 * n + m * n + 5 * m
        doubles = .allocate(capacity: doubleCount)
        doubles.initialize(repeating: 0, count: doubleCount)
        intCount = n + 2 * (m + n)
        ints = .allocate(capacity: intCount)
        ints.initialize(repeating: 0, count: intCount)

        var cursor = doubles
        func take(_ count: Int) -> UnsafeMutablePointer<Double> {
            defer { cursor += count }
            return cursor
        }
        hessian = take(nn); cholesky = take(nn); j0 = take(nn); j = take(nn); r = take(nn); work = take(nn)
        gradient = take(n); variableLower = take(n); variableUpper = take(n)
        x0 = take(n); x = take(n); z = take(n); d = take(n); step = take(n); multipliers = take(n)
        boundMultipliers = take(n)
        matrix = take(m * n)
        rowLower = take(m); rowUpper = take(m); rowNorm = take(m); rowValues = take(m)
        constraintMultipliers = take(m)
        precondition(cursor == doubles + doubleCount)
        active = ints
        state = ints + n
        guess = ints + n + (m + n)
    }

    deinit {
        doubles.deallocate()
        ints.deallocate()
    }

    /// An independent copy with the same contents.
    func copy() -> DenseQPWorkspace {
        let other = DenseQPWorkspace(variableCount: n, constraintCount: m)
        other.doubles.update(from: doubles, count: doubleCount)
        other.ints.update(from: ints, count: intCount)
        return other
    }

    /// Copies `values` (length `count`) to `destination`.
    static func load(_ values: [Double], into destination: UnsafeMutablePointer<Double>) {
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { destination.update(from: base, count: source.count) }
        }
    }

    /// Recomputes ‖C_i‖₂ for the rows `rows` (default: every row) after `matrix` changed.
    func refreshRowNorms(_ rows: Range<Int>? = nil) {
        for i in rows ?? 0..<m {
            let row = matrix + i * n
            var sum = 0.0
            for k in 0..<n { sum += row[k] * row[k] }
            rowNorm[i] = sum.squareRoot()
        }
    }

    /// Factorises the candidate Hessian (n×n, row-major) and, on success, installs it with its
    /// factors: `hessian`, `cholesky` and `j0 = L⁻ᵀ`. On failure only the scratch buffer `work`
    /// is touched (the previous Hessian stays in force) and the failing pivot is returned.
    func installHessian(_ candidate: [Double]) -> Int? {
        precondition(candidate.count == n * n)
        let failed = candidate.withUnsafeBufferPointer { h in
            CholeskyFactorization.factor(h.baseAddress!, order: n, into: work)
        }
        if let pivot = failed { return pivot }
        Self.load(candidate, into: hessian)
        cholesky.update(from: work, count: n * n)
        CholeskyFactorization.invertLower(cholesky, order: n, into: j0)
        return nil
    }

    /// True when the stored Hessian equals `candidate` entry for entry (so no refactorisation is
    /// due). A NaN never compares equal, so it is always re-validated.
    func hessianEquals(_ candidate: [Double]) -> Bool { Self.equal(candidate, hessian) }

    /// True when the stored constraint matrix equals `candidate` entry for entry.
    func matrixEquals(_ candidate: [Double]) -> Bool { Self.equal(candidate, matrix) }

    private static func equal(_ values: [Double], _ stored: UnsafeMutablePointer<Double>) -> Bool {
        values.withUnsafeBufferPointer { v in
            for k in 0..<v.count where v[k] != stored[k] { return false }
            return true
        }
    }
}
