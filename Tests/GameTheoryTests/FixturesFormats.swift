@testable import GameTheory

/// Sample game files embedded as literals for the format tests.
enum FormatFixtures {
    /// Prisoner's dilemma, payoff-list form with strategy counts. Profiles (C,C) (D,C) (C,D) (D,D).
    static let prisonersDilemmaNFG = """
        NFG 1 R "Prisoner's dilemma" { "Row" "Column" } { 2 2 }

        -1 -1 0 -10 -10 0 -5 -5

        """
    static let prisonersDilemmaA: [[Rational]] = [[-1, -10], [0, -5]]
    static let prisonersDilemmaB: [[Rational]] = [[-1, 0], [-10, -5]]

    /// Gambit's e02 (Selten 1975, Figure 2), payoff version, as in Gambit's documentation.
    static let selten = """
        NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
        { "Player 1" "Player 2" } { 3 2 }

        1 1 0 2 0 2 1 1 0 3 2 0
        """
    /// The same game in the outcome version, with strategy names.
    static let seltenOutcomes = """
        NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" }

        {
        { "1" "2" "3" }
        { "1" "2" }
        }

        {
        { "" 1, 1 }
        { "" 0, 2 }
        { "" 0, 2 }
        { "" 1, 1 }
        { "" 0, 3 }
        { "" 2, 0 }
        }
        1 2 3 4 5 6
        """
    static let seltenA: [[Rational]] = [[1, 1], [0, 0], [0, 2]]
    static let seltenB: [[Rational]] = [[1, 1], [2, 3], [2, 0]]

    /// A 3x2 outcome-form game with a comment, reused outcomes, the null outcome 0, fractions,
    /// decimals, payoffs without commas, and the `D` header.
    static let outcomeGame = """
        NFG 1 D "Entry \\"deterrence\\"" { "Entrant" "Incumbent" }
        { { "Out" "In" "Wait" }
          { "Fight" "Accommodate" } }
        "a comment string"
        {
          { "stay out" 0, 5 }
          { "war" -1/2, -1 }
          { "share" 2.5 1 }
        }
        1 2 0
        1 3 0
        """
    /// Profiles in order (Out,Fight)=1 (In,Fight)=2 (Wait,Fight)=0 (Out,Acc)=1 (In,Acc)=3 (Wait,Acc)=0.
    static let outcomeGameA: [[Rational]] = [[0, 0], [Rational(-1, 2), Rational(5, 2)], [0, 0]]
    static let outcomeGameB: [[Rational]] = [[5, 5], [-1, 1], [0, 0]]
}

extension FormatFixtures {
    /// A matrix from nested rationals.
    static func matrix(_ rows: [[Rational]]) -> Matrix<Rational> { Matrix(rows) }
}

/// The errors a read produced, or an empty list when it succeeded.
func formatErrors(_ text: String, _ format: GameFileFormat? = nil) -> [GameFormatError] {
    do {
        _ = try GameReader.read(text: text, format: format)
        return []
    } catch {
        return error.errors
    }
}
