import GameTheory

/// Entering matrices, changing entries, naming strategies.
extension ReplSession {
    mutating func enterMatrix(_ player: Player, _ argument: MatrixArgument) throws(Failure) -> SessionOutput {
        let name = player == .row ? "A" : "B"
        guard let matrix = try readMatrixText(argument, as: player).exactRowPayoffs else {
            throw Failure(name, "matrix text is always exact; this is a bug")
        }
        let shape = "\(matrix.rows)x\(matrix.columns)"
        if player == .row {
            if let game, let b = game.exactColumnPayoffs, !columnPayoffsDerived,
               b.rows == matrix.rows, b.columns == matrix.columns {
                self.game = BimatrixGame(rowPayoffs: matrix, columnPayoffs: b, rowLabels: game.rowLabels,
                                         columnLabels: game.columnLabels, title: game.title)
                return .printing("A set (\(shape))\n" + showGame())
            }
            let sameShape = game.map { $0.rows == matrix.rows && $0.columns == matrix.columns } ?? false
            var note = "A set (\(shape)); B = -A (zero-sum) until you enter B"
            if let game, !sameShape, !columnPayoffsDerived {
                note += " (the previous B was \(game.rows)x\(game.columns))"
            }
            self.game = BimatrixGame.zeroSum(matrix, rowLabels: sameShape ? game?.rowLabels : nil,
                                             columnLabels: sameShape ? game?.columnLabels : nil,
                                             title: sameShape ? game?.title : nil)
            columnPayoffsDerived = true
            return .printing(note + "\n" + showGame())
        }
        guard let game, let a = game.exactRowPayoffs else {
            throw Failure(name, "enter A first: B must have the shape of A")
        }
        guard a.rows == matrix.rows && a.columns == matrix.columns else {
            throw Failure(name, "B is \(shape) but A is \(a.rows)x\(a.columns): both players' matrices must have "
                          + "the same shape")
        }
        self.game = BimatrixGame(rowPayoffs: a, columnPayoffs: matrix, rowLabels: game.rowLabels,
                                 columnLabels: game.columnLabels, title: game.title)
        columnPayoffsDerived = false
        return .printing("B set (\(shape))\n" + showGame())
    }

    /// Reads matrix text typed after a command; `player` names the matrix for `A`/`B` (one matrix),
    /// nil for `matrix` (a whole game). Errors are positioned in the typed line.
    func readMatrixText(_ argument: MatrixArgument, as player: Player?) throws(Failure) -> BimatrixGame {
        let game: BimatrixGame
        do {
            game = try GameReader.read(text: argument.text, format: .matrixText)
        } catch {
            var lines: [String] = []
            var columns: [Int] = []
            for var e in error.errors {
                if e.line == 1 {
                    e.column += argument.column - 1
                    columns.append(e.column)
                }
                e.line = lineNumber
                if let player, player == .column {
                    if var entry = e.entry { entry.player = .column; e.entry = entry }
                    if e.message.hasPrefix("A row ") { e.message = "B" + e.message.dropFirst() }
                }
                lines.append(e.described(source: "<input>"))
            }
            lines += caretLines(columns)
            throw Failure(lines: lines)
        }
        return game
    }

    /// The typed line and carets under `columns` (1-based, in Unicode scalars).
    func caretLines(_ columns: [Int]) -> [String] {
        guard !columns.isEmpty else { return [] }
        let scalars = currentLine.unicodeScalars.map { $0 == "\t" ? " " : Character($0) }
        let width = max(scalars.count, columns.max() ?? 0)
        let carets = String((1...width).map { columns.contains($0) ? "^" : " " })
        return ["  " + String(scalars), SessionFormatting.trimmedTrailing("  " + carets)]
    }

    mutating func setEntry(_ player: Player, _ row: StrategyReference, _ column: StrategyReference,
                                   _ value: Rational) throws(Failure) -> SessionOutput {
        let game = try currentGame("set")
        let i = try resolve(row, of: .row, in: game, command: "set")
        let j = try resolve(column, of: .column, in: game, command: "set")
        let name = player == .row ? "A" : "B"
        let old = SessionFormatting.number(game.exactPayoffs(of: player)?[i, j], game.payoffs(of: player)[i, j])
        var updated = game.settingPayoff(value, of: player, row: i, column: j)
        var message = "\(name)[\(i + 1),\(j + 1)] (\(SessionFormatting.oneLine(game.rowLabels[i])), "
            + "\(SessionFormatting.oneLine(game.columnLabels[j]))): \(old) -> \(value)"
        if columnPayoffsDerived {
            if player == .row {
                updated = updated.settingPayoff(-value, of: .column, row: i, column: j)
                message += "; B = -A still (B[\(i + 1),\(j + 1)] = \(-value))"
            } else {
                columnPayoffsDerived = false
            }
        }
        self.game = updated
        return .printing(message + "\n" + showGame())
    }

    /// The 0-based index of a strategy typed as a 1-based number or a label.
    func resolve(_ reference: StrategyReference, of player: Player, in game: BimatrixGame,
                         command: String) throws(Failure) -> Int {
        let labels = game.labels(of: player)
        let kind = player == .row ? "row" : "column"
        switch reference {
        case let .index(k):
            guard k <= labels.count else {
                throw Failure(command, "\(kind) \(k) does not exist: the game has \(labels.count) \(kind)s")
            }
            return k - 1
        case let .label(name):
            if let k = labels.firstIndex(of: name) { return k }
            if let k = labels.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return k }
            throw Failure(command, "no \(kind) strategy named '\(name)' (the \(kind)s are "
                          + labels.map(SessionFormatting.oneLine).joined(separator: ", ") + ")")
        }
    }
}
