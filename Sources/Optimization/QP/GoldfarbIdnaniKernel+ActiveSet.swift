/// Changes of the active set: the orthogonal updates of `J` and `R` (Givens rotations), and the
/// direct recomputation of the point and multipliers from the active set.
extension GoldfarbIdnaniKernel {
    /// `d = Jᵀ n` for constraint `id`. - Complexity: O(n²) for a row, O(n) for a bound.
    @inline(__always) func computeD(_ id: Int) {
        let k = id >> 1
        let sign: Double = id & 1 == 0 ? 1 : -1
        if k < m {
            let a = matrix + k * n
            for c in 0..<n { d[c] = sign * DenseKernels.dot(j + c * n, a, count: n) }
        } else {
            let v = k - m
            for c in 0..<n { d[c] = sign * j[v + c * n] }
        }
    }

    /// Whether the constraint whose `d` was just computed lies (numerically) in the span of the
    /// active normals: `‖d₂‖ ≤ tol · ‖d‖`, with `tol` the settings' dependence tolerance unless
    /// given. Stores `‖d₂‖²` in `outsideNormSquared`.
    @inline(__always) mutating func isDependent(tolerance: Double? = nil) -> Bool {
        var inside = 0.0, outside = 0.0
        for c in 0..<q { inside += d[c] * d[c] }
        for c in q..<n { outside += d[c] * d[c] }
        outsideNormSquared = outside
        let tolerance = tolerance ?? settings.dependenceTolerance
        return !(outside > tolerance * tolerance * (inside + outside))
    }

    /// Appends constraint `id` to the active set. Requires `d = Jᵀn` for it and `‖d₂‖ > 0`.
    /// Rotates `d₂` onto its first entry (updating the columns `q..<n` of `J`), which becomes the
    /// new diagonal entry of `R`. - Complexity: O(n·(n − q)).
    mutating func add(_ id: Int, multiplier: Double) {
        var c = n - 1
        while c > q {
            let b = d[c]
            if b != 0 {
                let a = d[c - 1]
                let h = Self.hypotenuse(a, b)
                let cosine = a / h, sine = b / h
                d[c - 1] = h
                d[c] = 0
                let left = j + (c - 1) * n, right = j + c * n
                for i in 0..<n {
                    let u = left[i], v = right[i]
                    left[i] = cosine * u + sine * v
                    right[i] = cosine * v - sine * u
                }
            }
            c -= 1
        }
        let column = r + q * n
        for i in 0...q { column[i] = d[i] }
        active[q] = id
        multipliers[q] = multiplier
        q += 1
    }

    /// Removes the active constraint at `position` (never an equality): shifts the later columns
    /// of `R` left and restores its triangular form with rotations applied to `R`'s rows and the
    /// matching columns of `J`. - Complexity: O((q − position)·(n + q)).
    mutating func remove(at position: Int) {
        state[active[position] >> 1] = State.inactive
        var c = position
        while c < q - 1 {
            let destination = r + c * n, source = r + (c + 1) * n
            for i in 0...(c + 1) { destination[i] = source[i] }
            active[c] = active[c + 1]
            multipliers[c] = multipliers[c + 1]
            c += 1
        }
        q -= 1
        c = position
        while c < q {
            let a = r[c + c * n], b = r[c + 1 + c * n]
            if b != 0 {
                let h = Self.hypotenuse(a, b)
                let cosine = a / h, sine = b / h
                r[c + c * n] = h
                r[c + 1 + c * n] = 0
                var later = c + 1
                while later < q {
                    let column = r + later * n
                    let u = column[c], v = column[c + 1]
                    column[c] = cosine * u + sine * v
                    column[c + 1] = cosine * v - sine * u
                    later += 1
                }
                let left = j + c * n, right = j + (c + 1) * n
                for i in 0..<n {
                    let u = left[i], v = right[i]
                    left[i] = cosine * u + sine * v
                    right[i] = cosine * v - sine * u
                }
            }
            c += 1
        }
    }

    /// Sets `x` and the multipliers to the exact minimiser on the active set, from `x₀`, `J` and
    /// `R` alone: `w = R⁻ᵀ(b − Nᵀx₀)`, `x = x₀ + J₁ w`, `u = R⁻¹ w`. This is the warm-start
    /// construction and the final polish. - Complexity: O(q·n + q²).
    func recomputeFromActiveSet() {
        // work[0..<q] = b − Nᵀx₀, then overwritten in place by w.
        for position in 0..<q {
            let id = active[position], k = id >> 1
            let v = value(k, at: x0)
            work[position] = id & 1 == 0 ? lowerBound(k) - v : v - upperBound(k)
        }
        for i in 0..<q {
            let column = r + i * n
            var sum = work[i]
            for c in 0..<i { sum -= column[c] * work[c] }
            work[i] = sum / column[i]
        }
        x.update(from: x0, count: n)
        for c in 0..<q {
            let w = work[c]
            let column = j + c * n
            for i in 0..<n { x[i] += w * column[i] }
        }
        var i = q - 1
        while i >= 0 {
            var sum = work[i]
            var c = i + 1
            while c < q { sum -= r[i + c * n] * multipliers[c]; c += 1 }
            multipliers[i] = sum / r[i + i * n]
            i -= 1
        }
    }

    /// `√(a² + b²)` without overflow or underflow for any finite inputs (not both zero).
    @inline(__always) static func hypotenuse(_ a: Double, _ b: Double) -> Double {
        let scale = max(abs(a), abs(b))
        let u = a / scale, v = b / scale
        return scale * (u * u + v * v).squareRoot()
    }
}
