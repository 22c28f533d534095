import Optimization
import Testing

@Suite("QP Cholesky factorisation")
struct QPCholeskyTests {
    @Test("factor and solve a known matrix")
    func known() throws {
        // [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]].
        let factor = try #require(CholeskyFactorization(symmetricMatrix: [4, 2, 2, 3], order: 2))
        #expect(maxAbsDifference(factor.lower, [2, 0, 1, 2.0.squareRoot()]) <= 1e-15)
        // A x = (8, 7) → x = (1.25, 1.5).
        #expect(maxAbsDifference(factor.solve([8, 7]), [1.25, 1.5]) <= 1e-15)
    }

    @Test("random SPD matrices: L Lᵀ reproduces A and A x = b is solved", arguments: [1, 3, 8, 20])
    func random(order n: Int) throws {
        let program = RandomQP(seed: UInt64(n), variables: n, constraints: 0).program
        let factor = try #require(CholeskyFactorization(symmetricMatrix: program.hessian, order: n))
        for i in 0..<n {
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<n { sum += factor.lower[i * n + k] * factor.lower[j * n + k] }
                #expect(abs(sum - program.hessian[i * n + j]) <= 1e-12 * (1 + abs(program.hessian[i * n + j])))
            }
        }
        let x = factor.solve(program.gradient)
        for i in 0..<n {
            var ax = 0.0
            for j in 0..<n { ax += program.hessian[i * n + j] * x[j] }
            #expect(abs(ax - program.gradient[i]) <= 1e-9 * (1 + abs(program.gradient[i])))
        }
    }

    @Test("indefinite, singular and non-finite matrices are rejected")
    func rejected() {
        #expect(CholeskyFactorization(symmetricMatrix: [1, 2, 2, 1], order: 2) == nil)
        #expect(CholeskyFactorization(symmetricMatrix: [1, 1, 1, 1], order: 2) == nil)
        #expect(CholeskyFactorization(symmetricMatrix: [.nan, 0, 0, 1], order: 2) == nil)
        #expect(CholeskyFactorization(symmetricMatrix: [-1], order: 1) == nil)
    }
}
