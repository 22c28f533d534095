import BigInt
@testable import GameTheory
import Optimization

/// Helpers shared by the engine's tests (Engine*, Properties*, Catalogue*, Analysis*, Exact*).
enum EngineFixtures {
    /// An exact game from integer matrices.
    static func game(_ a: [[Int]], _ b: [[Int]]) -> BimatrixGame {
        BimatrixGame(rowPayoffs: Matrix(a.map { $0.map { Rational($0) } }),
                     columnPayoffs: Matrix(b.map { $0.map { Rational($0) } }))
    }

    /// A seeded random exact game with integer payoffs in `range`.
    static func randomGame(rows m: Int, columns n: Int, in range: ClosedRange<Int>, seed: UInt64) -> BimatrixGame {
        var rng = EngineRandom(seed: seed)
        let a = (0..<m).map { _ in (0..<n).map { _ in Int.random(in: range, using: &rng) } }
        let b = (0..<m).map { _ in (0..<n).map { _ in Int.random(in: range, using: &rng) } }
        return game(a, b)
    }

    /// Parses "1/2 0 1/2" into exact probabilities.
    static func strategy(_ text: String) -> [Rational] {
        text.split(separator: " ").map { try! Rational.parse($0).get() }
    }

    /// Equilibria as comparable exact pairs.
    static func exactPairs(_ report: EquilibriumReport) -> [[Rational]] {
        report.equilibria.map { $0.rowExact! + [-1] + $0.columnExact! }
    }

    static func key(_ row: [Rational], _ column: [Rational]) -> [Rational] { row + [-1] + column }

    static func permuted(_ game: BimatrixGame, rows p: [Int], columns q: [Int]) -> BimatrixGame {
        game.restricted(rows: p, columns: q)
    }
}

/// The project's seeded generator (SplitMix64), so every random input is reproducible from its seed.
typealias EngineRandom = SplitMix64

/// An independent, deliberately plain reference: Nashpy-style support enumeration over pairs of
/// supports of equal size, each indifference system solved with exact rationals by Gauss-Jordan
/// elimination (no shared code with the engine beyond `Rational`). It keeps a pair only when both
/// systems have unique solutions that are probability vectors with every other strategy no better.
/// For nondegenerate games this is the set of all equilibria; for degenerate ones, a subset of the
/// extreme equilibria.
enum NaiveSupportEnumeration {
    static func equilibria(_ game: BimatrixGame) -> [[Rational]] {
        let a = game.exactRowPayoffs!, b = game.exactColumnPayoffs!
        let m = game.rows, n = game.columns
        var found: [[Rational]] = []
        for k in 1...min(m, n) {
            for rowsSupport in subsets(of: m, size: k) {
                for columnsSupport in subsets(of: n, size: k) {
                    // y on columnsSupport makes rows in rowsSupport indifferent: Σ_j A[i,j] y_j = v.
                    guard let y = indifference(k, { r, c in a[rowsSupport[r], columnsSupport[c]] }),
                          let x = indifference(k, { r, c in b[rowsSupport[c], columnsSupport[r]] }) else { continue }
                    var fullX = [Rational](repeating: 0, count: m), fullY = [Rational](repeating: 0, count: n)
                    for (c, i) in rowsSupport.enumerated() { fullX[i] = x[c] }
                    for (c, j) in columnsSupport.enumerated() { fullY[j] = y[c] }
                    let e = Equilibrium(exactRow: fullX, exactColumn: fullY, in: game)
                    if e.exactRegret(of: .row, in: game)!.isZero && e.exactRegret(of: .column, in: game)!.isZero {
                        let key = fullX + [-1] + fullY
                        if !found.contains(key) { found.append(key) }
                    }
                }
            }
        }
        return found
    }

    /// Solves `Σ_c M[r, c] p_c = v` (all r), `Σ p = 1` for `(p, v)`; nil unless the solution is unique
    /// and `p ≥ 0`.
    static func indifference(_ k: Int, _ entry: (Int, Int) -> Rational) -> [Rational]? {
        // Unknowns p_0..p_{k-1}, v. Rows: k indifference equations, 1 normalization.
        var rows: [[Rational]] = (0..<k).map { r in (0..<k).map { entry(r, $0) } + [-1, 0] }
        rows.append([Rational](repeating: 1, count: k) + [0, 1])
        let size = k + 1
        for col in 0..<size {
            guard let p = (col..<size).first(where: { !rows[$0][col].isZero }) else { return nil }
            rows.swapAt(col, p)
            let pivot = rows[col][col]
            rows[col] = rows[col].map { $0 / pivot }
            for r in 0..<size where r != col && !rows[r][col].isZero {
                let f = rows[r][col]
                rows[r] = zip(rows[r], rows[col]).map { $0 - f * $1 }
            }
        }
        let p = (0..<k).map { rows[$0][size] }
        return p.allSatisfy { $0.signum >= 0 } ? p : nil
    }

    static func subsets(of n: Int, size k: Int) -> [[Int]] {
        if k == 0 { return [[]] }
        if n < k { return [] }
        return subsets(of: n - 1, size: k) + subsets(of: n - 1, size: k - 1).map { $0 + [n - 1] }
    }
}
