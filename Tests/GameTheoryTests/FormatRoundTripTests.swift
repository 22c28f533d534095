import Testing
@testable import GameTheory
import Optimization

/// The project's seeded generator (SplitMix64), so every random input is reproducible from its seed.
typealias FormatTestRNG = SplitMix64

@Suite("Game writing and round trips")
struct FormatRoundTripTests {
    static let labelPool = ["U", "Down", "a,b", "quote \"q\"", "back\\slash", "\\\"", "é ü 😀", "two words",
                            "#hash", "semi;colon", "bar|x", "{brace}", "line\nbreak", "tab\there", "1/3"]

    static func q(_ n: Int, _ d: Int) -> Rational { Rational(n) / Rational(d) }
    static let big = try! Rational.parse("1" + String(repeating: "0", count: 30)).get()

    static func randomEntry(_ rng: inout FormatTestRNG) -> Rational {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return Rational(Int.random(in: -1000...1000, using: &rng))
        case 1: return q(Int.random(in: -99999...99999, using: &rng), [10, 100, 1000, 10000].randomElement(using: &rng)!)
        case 2: return q(Int.random(in: -50...50, using: &rng), Int.random(in: 1...50, using: &rng))
        case 3: return q(Int.random(in: -5...5, using: &rng), 1 << 40)  // a long exact decimal: written as a fraction
        case 4: return big + Rational(Int.random(in: -9...9, using: &rng))
        default: return .zero
        }
    }

    static func randomGame(seed: UInt64) -> BimatrixGame {
        var rng = FormatTestRNG(seed: seed)
        let m = Int.random(in: 1...5, using: &rng), n = Int.random(in: 1...5, using: &rng)
        let a = Matrix(rows: m, columns: n) { _, _ in randomEntry(&rng) }
        let zeroSum = Bool.random(using: &rng)
        let b = zeroSum ? a.map { -$0 } : Matrix(rows: m, columns: n) { _, _ in randomEntry(&rng) }
        let labels = Bool.random(using: &rng)
        return BimatrixGame(
            rowPayoffs: a, columnPayoffs: b,
            rowLabels: labels ? (0..<m).map { _ in labelPool.randomElement(using: &rng)! } : nil,
            columnLabels: labels ? (0..<n).map { _ in labelPool.randomElement(using: &rng)! } : nil,
            title: Bool.random(using: &rng) ? labelPool.randomElement(using: &rng)! : nil)
    }

    @Test(arguments: 1...200 as ClosedRange<UInt64>)
    func roundTrip(seed: UInt64) throws {
        let game = Self.randomGame(seed: seed)
        for format in [GameFileFormat.json, .nfg] {
            let text = GameWriter.write(game, as: format)
            let back = try GameReader.read(text: text, format: format)
            #expect(back == game, "seed \(seed), \(format):\n\(text)")
            #expect(GameFileFormat.sniff(text) == format, "seed \(seed)")
        }
        let text = GameWriter.write(game, as: .matrixText)
        let back = try GameReader.read(text: text, format: .matrixText)
        #expect(back.exactRowPayoffs == game.exactRowPayoffs, "seed \(seed):\n\(text)")
        #expect(back.exactColumnPayoffs == game.exactColumnPayoffs, "seed \(seed):\n\(text)")
        #expect(GameFileFormat.sniff(text) == .matrixText, "seed \(seed)")
    }

    @Test(arguments: 1...50 as ClosedRange<UInt64>)
    func approximateGamesKeepTheirDoubles(seed: UInt64) throws {
        var rng = FormatTestRNG(seed: seed)
        let m = Int.random(in: 1...4, using: &rng), n = Int.random(in: 1...4, using: &rng)
        func entry() -> Double {
            let x = Double.random(in: -1...1, using: &rng) * [1e-20, 1e-3, 1, 1e6, 1e25].randomElement(using: &rng)!
            return x
        }
        let game = BimatrixGame(approximateRowPayoffs: Matrix(rows: m, columns: n) { _, _ in entry() },
                                columnPayoffs: Matrix(rows: m, columns: n) { _, _ in entry() })
        for format in GameFileFormat.allCases {
            let text = GameWriter.write(game, as: format)
            let back = try GameReader.read(text: text, format: format)
            // Every entry is written as the shortest decimal that reads back as the same Double...
            for (original, exact) in zip(game.rowPayoffs.elements + game.columnPayoffs.elements,
                                         back.exactRowPayoffs!.elements + back.exactColumnPayoffs!.elements) {
                #expect(Double(NumberFormatting.shortest(original)) == original)
                // ...and reads back within one unit in the last place of it (`Rational.doubleValue`
                // promises no more than that).
                let d = exact.doubleValue
                #expect(d == original || d.nextUp == original || d.nextDown == original, "seed \(seed), \(format)")
            }
            // (Exact equality of the Double views would hold if `Rational.doubleValue` rounded correctly.)
        }
    }

    @Test func matrixTextLayout() {
        let game = BimatrixGame(rowPayoffs: FormatFixtures.matrix([[Rational(1, 3), Rational(-5, 2)], [100, 0]]),
                                columnPayoffs: FormatFixtures.matrix([[1, 2], [3, 4]]), title: "two\nlines")
        #expect(GameWriter.matrixText(game) == """
            # two lines
            1/3  -2.5
            100     0
            |
            1  2
            3  4

            """)
        #expect(GameWriter.matrixText(.zeroSum(FormatFixtures.matrix([[1, -1]]))) == "1  -1\n")
    }

    @Test func nfgIsGambitsPayoffVersion() {
        let game = BimatrixGame(rowPayoffs: FormatFixtures.matrix(FormatFixtures.seltenA), columnPayoffs: FormatFixtures.matrix(FormatFixtures.seltenB),
                                rowLabels: ["1", "2", "3"], columnLabels: ["1", "2"], title: "Selten")
        #expect(GameWriter.nfg(game) == """
            NFG 1 R "Selten" { "Player 1" "Player 2" }
            { { "1" "2" "3" }
              { "1" "2" }
            }

            1 1  0 2  0 2
            1 1  0 3  2 0

            """)
    }

    @Test func jsonWritesFractionsAsStrings() throws {
        let game = BimatrixGame(rowPayoffs: FormatFixtures.matrix([[Rational(1, 3), Rational(1, 10)]]), columnPayoffs: FormatFixtures.matrix([[-7, Rational(-1, 8)]]))
        let text = GameWriter.json(game)
        #expect(text.contains("[\"1/3\", 0.1]") && text.contains("[-7, -0.125]"))
        #expect(!text.contains("title"))
    }
}

@Suite("Number formatting and format detection")
struct FormatNumbersTests {
    @Test(arguments: [
        (0.1, "0.1"), (1.0, "1"), (-0.0, "0"), (0.0, "0"), (-2.5, "-2.5"), (1e-5, "0.00001"), (123.456, "123.456"),
        (1e20, "100000000000000000000"), (1e21, "1e+21"), (2.5e21, "2.5e+21"), (1e-11, "0.00000000001"), (1e-12, "0.000000000001"), (9.5e-13, "9.5e-13"),
        (5e-324, "5e-324"), (0.30000000000000004, "0.30000000000000004"), (1.0 / 3, "0.3333333333333333"),
        (9007199254740993, "9007199254740992"), (-1234.5e-8, "-0.000012345"),
    ])
    func shortest(x: Double, text: String) {
        #expect(NumberFormatting.shortest(x) == text)
    }

    @Test func shortestRoundTrips() {
        var rng = FormatTestRNG(seed: 7)
        var failures: [String] = []
        for k in 0..<20_000 {
            // Random bit patterns cover every exponent; uniform values the ordinary magnitudes.
            let x = k % 2 == 0 ? Double(bitPattern: rng.next()) : Double.random(in: -1e6...1e6, using: &rng)
            guard x.isFinite else { continue }
            let text = NumberFormatting.shortest(x)
            if Double(text) != x { failures.append("\(x) as \(text)") }
            if k % 50 == 0, (try? Rational.parse(text).get()) == nil { failures.append("unparsable \(text)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func roundedForPeople() {
        #expect(NumberFormatting.rounded(1.0 / 3, places: 6) == "0.333333")
        #expect(NumberFormatting.rounded(2.0 / 3, places: 4) == "0.6667")
        #expect(NumberFormatting.rounded(-1e-9, places: 6) == "0")
        #expect(NumberFormatting.rounded(1e300, places: 6) == "1e+300")
    }

    @Test func exactDecimals() {
        #expect(NumberFormatting.exactDecimal(Rational(1, 10)) == "0.1")
        #expect(NumberFormatting.exactDecimal(Rational(-9, 4)) == "-2.25")
        #expect(NumberFormatting.exactDecimal(Rational(-1, 1000)) == "-0.001")
        #expect(NumberFormatting.exactDecimal(Rational(7)) == "7")
        #expect(NumberFormatting.exactDecimal(Rational(1, 3)) == nil)
        #expect(NumberFormatting.exactDecimal(Rational(1) / Rational(1 << 40), maximumFractionDigits: 30) == nil)
    }

    @Test func detection() {
        #expect(GameFileFormat(fileExtensionOf: "games/pd.NFG") == .nfg)
        #expect(GameFileFormat(fileExtensionOf: "pd.json") == .json)
        #expect(GameFileFormat(fileExtensionOf: "pd.txt") == nil)
        #expect(GameFileFormat(fileExtensionOf: "dir.json/game") == nil)
        #expect(GameFileFormat.sniff("\u{FEFF}  NFG 1 R") == .nfg)
        #expect(GameFileFormat.sniff("\n{\"A\": []}") == .json)
        #expect(GameFileFormat.sniff("NFGX 1 2") == .matrixText)
        #expect(GameFileFormat.sniff("3 0; 5 1") == .matrixText)
        #expect(GameFileFormat.detect(path: "a.json", text: "1 2") == .json)
        #expect(GameFileFormat.detect(path: "a.txt", text: "NFG 1 R") == .nfg)
        #expect(GameFileFormat.detect(path: nil, text: "{") == .json)
    }

    @Test func readerUsesTheSniffedFormat() throws {
        #expect(try GameReader.read(text: FormatFixtures.prisonersDilemmaNFG).exactRowPayoffs == FormatFixtures.matrix(FormatFixtures.prisonersDilemmaA))
        #expect(try GameReader.read(text: "{\"A\": [[1]]}").isZeroSum)
        #expect(try GameReader.read(text: "1 2 | 3 4").exactColumnPayoffs == FormatFixtures.matrix([[3, 4]]))
        // The error of the wrong format is still positioned.
        #expect(formatErrors("x y", .json).first?.description.hasPrefix("1:1: error: unexpected 'x'") == true)
    }
}
