import Simulation

/// The rows of `events.csv`: `t_s,agent,event,detail`, one per event in the order of the records
/// (within a step, the order the simulation gives: sorted by agent, event, detail). `t_s` has 3
/// decimals like trajectories.csv; text fields are quoted per RFC 4180 when they contain a comma,
/// a quote or a line break (the detail often does). Lines end with `\n`.
enum EventCSV {
    static let header = "t_s,agent,event,detail\n"

    static func append(_ record: StepRecord, to text: inout String) throws {
        for event in record.events {
            text += try TrajectoryCSV.number(event.time, TrajectoryCSV.timeDecimals, "t_s of an event", event.agent)
            text += ","
            text += CSVField.escape(event.agent)
            text += ","
            text += CSVField.escape(event.event)
            text += ","
            text += CSVField.escape(event.detail)
            text += "\n"
        }
    }
}
