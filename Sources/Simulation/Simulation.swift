// Simulation: worlds of agents driven by their own MPC, exchanging intent messages.
//
// Entry point: `HighwayMergeSimulation` (Core/). Layout: Core/ (the world step, agent ids, seeded
// randomness, traffic generation), Intent/ (messages, the bus, a controller's intent memory),
// Highway/ (geometry, vehicle dynamics, the lane change), Control/ (the per-car MPC controller,
// neighbour prediction, the merge order and its seam, gap acceptance, the safety envelope),
// Geometry/ (footprints), Config/ and Output/ (the lead's configuration and record types).
//
// The robot world: `WorkspaceSimulation` (Workspace/Core/: the world step, ground truth, snapshot,
// collision and contact checks), Workspace/Intent/ (the robots' broadcast plans and memory),
// Workspace/Control/ (the per-robot controller and its MPC, neighbour prediction, route following,
// the deadlock game and giving way), Workspace/Planning/ (routes, formations),
// Workspace/Dynamics/ (the double integrator).
