/// A message an agent broadcasts over the ``IntentBus``: a car's ``IntentMessage`` or a robot's
/// plan. Immutable and shared by reference, since one message reaches many receivers.
public protocol BroadcastMessage: AnyObject, Sendable {
    /// The agent that sent it (message loss is drawn per sender and receiver).
    var sender: AgentID { get }
}
