import BigInt

/// Exact solution of K z = 1 and Kᵀ w = 1 for a square integer matrix K by multi-modular
/// elimination: both systems are solved modulo enough 31-bit primes, and the integer Cramer
/// numerators and det(K) are rebuilt by the Chinese remainder theorem (Garner's algorithm).
///
/// By Cramer's rule det(K) · z and det(K) · w are integer vectors (determinants of K with one
/// column, or row, replaced by ones), bounded in magnitude, like det(K), by the Hadamard bound
/// H = Πᵣ √(‖Kᵣ‖² + 1). Primes are taken until their product exceeds 2H (log₂ H is over-estimated
/// by at most half a bit per row), so the symmetric residues are the integers themselves.
/// Callers still check the result exactly (the zero-sum certificate), so an error here could only
/// reject a basis, never confirm a wrong one.
///
/// One LU factorization modulo each prime serves both systems (Kᵀ w = 1 uses the transposed
/// factors), so the cost is about t · k³/3 modular operations for t ≈ log₂(2H)/31 primes, instead
/// of fraction-free elimination on integers of log₂ H bits.
enum ZeroSumModularSolver {
    /// det(K) · z, det(K) · w and det(K) > 0 (signs adjusted so that the denominator is positive).
    struct Solution {
        let z: [BigInt]
        let w: [BigInt]
        let determinant: BigInt
    }

    /// Largest primes below 2³¹, in decreasing order: enough for a Hadamard bound of about 7 900
    /// bits (far beyond the supports `ZeroSumSolver` confirms exactly).
    static let primes: [UInt64] = {
        var primes: [UInt64] = []
        var candidate: UInt64 = (1 << 31) - 1
        while primes.count < 256 {
            if isPrime(candidate) { primes.append(candidate) }
            candidate -= 2
        }
        return primes
    }()

    /// Solves both systems for the `k × k` matrix `matrix` (row-major, entries of magnitude below
    /// 2⁶²), or returns nil when K is singular (or more primes would be needed than are listed).
    static func solve(_ matrix: [Int], size k: Int) -> Solution? {
        precondition(k >= 1 && matrix.count == k * k)
        var logBound = 0.0
        for r in 0..<k {
            var norm = 1.0
            for c in 0..<k { norm += Double(matrix[r * k + c]) * Double(matrix[r * k + c]) }
            // log₂ √norm < (exponent + 1) / 2: an upper bound without a logarithm function.
            logBound += 0.5 * Double(norm.exponent + 1)
        }
        // The product of the primes must exceed 2H (plus a spare bit for rounding in `norm`).
        let neededBits = logBound + 2
        var residues: [[UInt64]] = []  // per prime: det, then z (k values), then w (k values)
        var used: [UInt64] = []
        var bits = 0.0
        var singularPrimes = 0
        for p in primes where bits < neededBits {
            guard let values = solveModulo(p, matrix, k) else {
                // det ≡ 0 mod p: p divides det, or K is singular. A few such primes mean the latter.
                singularPrimes += 1
                if singularPrimes > 4 { return nil }
                continue
            }
            residues.append(values)
            used.append(p)
            bits += 30  // every listed prime exceeds 2³⁰
        }
        guard bits >= neededBits else { return nil }
        let integers = garner(residues, primes: used)
        var determinant = integers[0]
        var z = Array(integers[1...k]), w = Array(integers[(k + 1)...])
        guard !determinant.isZero else { return nil }
        if determinant < 0 {
            determinant.negate()
            for i in 0..<k {
                z[i].negate()
                w[i].negate()
            }
        }
        return Solution(z: z, w: w, determinant: determinant)
    }

    /// [det, det·z₁…det·z_k, det·w₁…det·w_k] modulo p, or nil when det ≡ 0 (mod p).
    private static func solveModulo(_ p: UInt64, _ matrix: [Int], _ k: Int) -> [UInt64]? {
        let signedP = Int(p)
        var a = matrix.map { value -> UInt64 in
            let r = value % signedP
            return UInt64(r < 0 ? r + signedP : r)
        }
        // LU with row exchanges: P·K = L·U, L unit lower (stored below the diagonal), U upper.
        var permutation = Array(0..<k)
        var determinant: UInt64 = 1
        for c in 0..<k {
            guard let pivotRow = (c..<k).first(where: { a[$0 * k + c] != 0 }) else { return nil }
            if pivotRow != c {
                for j in 0..<k { a.swapAt(c * k + j, pivotRow * k + j) }
                permutation.swapAt(c, pivotRow)
                determinant = p - determinant  // a row exchange negates the determinant
            }
            let pivot = a[c * k + c]
            determinant = determinant * pivot % p
            let inverse = power(pivot, p - 2, p)
            for r in (c + 1)..<k where a[r * k + c] != 0 {
                let factor = a[r * k + c] * inverse % p
                a[r * k + c] = factor
                let negated = p - factor
                for j in (c + 1)..<k {
                    a[r * k + j] = (a[r * k + j] + negated * a[c * k + j]) % p
                }
            }
        }
        var inverseDiagonal = [UInt64](repeating: 0, count: k)
        for i in 0..<k { inverseDiagonal[i] = power(a[i * k + i], p - 2, p) }

        // K z = 1 ⇔ L U z = P·1 = 1: forward with L, back with U.
        var z = [UInt64](repeating: 1, count: k)
        for i in 0..<k {
            var s = z[i]
            for j in 0..<i { s = (s + (p - a[i * k + j]) * z[j]) % p }
            z[i] = s
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = z[i]
            for j in (i + 1)..<k { s = (s + (p - a[i * k + j]) * z[j]) % p }
            z[i] = s * inverseDiagonal[i] % p
        }
        // Kᵀ w = 1 ⇔ Uᵀ Lᵀ (P w) = 1: forward with Uᵀ, back with Lᵀ, then undo P.
        var v = [UInt64](repeating: 1, count: k)
        for i in 0..<k {
            var s = v[i]
            for j in 0..<i { s = (s + (p - a[j * k + i]) * v[j]) % p }
            v[i] = s * inverseDiagonal[i] % p
        }
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = v[i]
            for j in (i + 1)..<k { s = (s + (p - a[j * k + i]) * v[j]) % p }
            v[i] = s
        }
        var w = [UInt64](repeating: 0, count: k)
        for i in 0..<k { w[permutation[i]] = v[i] }

        var result = [determinant]
        result.reserveCapacity(2 * k + 1)
        for value in z { result.append(value * determinant % p) }
        for value in w { result.append(value * determinant % p) }
        return result
    }

    /// The integers with the given residues, as symmetric residues in (−P/2, P/2] for the product
    /// P of the primes (Garner's mixed-radix reconstruction).
    private static func garner(_ residues: [[UInt64]], primes: [UInt64]) -> [BigInt] {
        let t = primes.count
        // inverses[i][j] = pⱼ⁻¹ mod pᵢ for j < i.
        var inverses = [[UInt64]](repeating: [], count: t)
        for i in 0..<t {
            inverses[i] = (0..<i).map { power(primes[$0] % primes[i], primes[i] - 2, primes[i]) }
        }
        var product = BigInt(1)
        for p in primes { product *= BigInt(p) }
        let half = product >> 1
        return (0..<residues[0].count).map { index in
            var digits = [UInt64](repeating: 0, count: t)
            for i in 0..<t {
                let p = primes[i]
                var x = residues[i][index]
                for j in 0..<i {
                    // x = (x − digits[j]) · pⱼ⁻¹ mod pᵢ
                    x = (x + p - digits[j] % p) % p * inverses[i][j] % p
                }
                digits[i] = x
            }
            var value = BigInt(digits[t - 1])
            for i in stride(from: t - 2, through: 0, by: -1) {
                value = value * BigInt(primes[i]) + BigInt(digits[i])
            }
            return value > half ? value - product : value
        }
    }

    /// base^exponent mod m for m < 2³¹ (products stay below 2⁶²).
    private static func power(_ base: UInt64, _ exponent: UInt64, _ m: UInt64) -> UInt64 {
        var result: UInt64 = 1, b = base % m, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * b % m }
            b = b * b % m
            e >>= 1
        }
        return result
    }

    /// Deterministic Miller–Rabin for n < 2³¹ (bases 2, 3, 5, 7 suffice below 3 215 031 751).
    static func isPrime(_ n: UInt64) -> Bool {
        if n < 2 { return false }
        for small: UInt64 in [2, 3, 5, 7] where n % small == 0 { return n == small }
        var d = n - 1, s = 0
        while d & 1 == 0 { d >>= 1; s += 1 }
        witness: for a: UInt64 in [2, 3, 5, 7] {
            var x = power(a, d, n)
            if x == 1 || x == n - 1 { continue }
            for _ in 1..<max(s, 1) {
                x = x * x % n
                if x == n - 1 { continue witness }
            }
            return false
        }
        return true
    }
}
