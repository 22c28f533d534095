/// Small dense linear-algebra kernels shared by the QP code, on raw pointers.
enum DenseKernels {
    /// `Σ a[i] b[i]` for `i < count`.
    ///
    /// Four independent partial sums break the floating-point dependency chain (a single running
    /// sum waits one add latency per term), which makes the short dot products of the active-set
    /// iterations several times faster; the result differs from a left-to-right sum only by
    /// rounding. - Complexity: O(count).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= count {
            s0 += a[i] * b[i]
            s1 += a[i + 1] * b[i + 1]
            s2 += a[i + 2] * b[i + 2]
            s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        while i < count {
            s0 += a[i] * b[i]
            i += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
