import ArgumentParser
import GameTheory

/// `nashsim solve --select pareto|welfare|risk|maxmin` reads a `SelectionRule` by its raw value.
extension SelectionRule: ExpressibleByArgument {}
