import Optimization

/// The warm start: the previous solve's active set, shifted one step along the horizon, with
/// half-planes matched by (object, step) (see ``RobotMPC``).
extension RobotMPC {
    /// The warm start: the previous active set shifted one step (see ``RobotMPC``).
    mutating func writeGuess(sourceCount: Int) {
        let big = horizon, faces = problem.faces.count, accelerationFaces = problem.accelerationRowFaces.count
        for k in 1...big {
            let from = Swift.min(k + 1, big)
            for s in 0..<faces { guess.constraints[(k - 1) * faces + s] = previousFixed[(from - 1) * faces + s] }
        }
        let start = problem.accelerationRowStart
        for k in 0..<big {
            let from = Swift.min(k + 1, big - 1)
            for s in 0..<accelerationFaces {
                guess.constraints[start + k * accelerationFaces + s] = previousFixed[start + from * accelerationFaces + s]
            }
            guess.variables[2 * k] = previousVariables[2 * from]
            guess.variables[2 * k + 1] = previousVariables[2 * from + 1]
        }
        for row in problem.terminalRowStart..<problem.fixedRowCount { guess.constraints[row] = previousFixed[row] }
        let first = problem.fixedRowCount
        for row in 0..<variableRowCapacity {
            var side = QPActiveSet.Side.inactive
            if row < variableRowCount {
                let source = rowSource[row]
                if source < previousSourceCount {
                    side = previousSides[source * (big + 1) + Swift.min(rowStep[row] + 1, big)]
                }
            }
            guess.constraints[first + row] = side
        }
    }

    /// Stores the side of every half-plane row of `activeSet` by (object, step).
    mutating func recordHalfPlaneSides(_ activeSet: QPActiveSet, sourceCount: Int) {
        let stride = horizon + 1
        if previousSides.count < sourceCount * stride {
            previousSides = Array(repeating: .inactive, count: 2 * sourceCount * stride)
        } else {
            for i in 0..<(sourceCount * stride) { previousSides[i] = .inactive }
        }
        let first = problem.fixedRowCount
        for row in 0..<variableRowCount {
            previousSides[rowSource[row] * stride + rowStep[row]] = activeSet.constraints[first + row]
        }
        previousSourceCount = sourceCount
    }
}
