/// The fixed assumptions of the robot controllers (not scenario settings), with their units.
/// Tests may change them; the defaults are ``standard``.
public struct RobotTuning: Sendable, Hashable {
    /// Robots within this distance (centre to centre) are sensed [m].
    public var sensorRange = 6.0
    /// A sensed robot is handed to the MPC when the gap between the discs is below what both can
    /// close over the horizon at full speed plus this [m].
    public var relevanceSlack = 0.5
    /// Obstacles whose boundary is within the horizon's reach plus this are handed to the MPC [m].
    public var obstacleSlack = 0.5
    /// Route waypoints closer than this are passed [m].
    public var waypointReach = 0.5
    /// Grid cell of the route planner [m].
    public var routeCellSize = 0.25
    /// Clearance of routes beyond the robot's radius and its safety margin [m]. The MPC keeps
    /// radius + margin from every obstacle, so a route (or a line of sight to a waypoint) with
    /// less would lead the robot into a corner it cannot round: it would stop there, its plan's
    /// best point on the wrong side of the corner. Where no route has this clearance (a corridor
    /// about as wide as the robot and its margins), the route keeps the radius only.
    public var routeClearance = 0.02

    // Right-hand rule (breaks the symmetric jams of swaps and crossings).
    /// A robot ahead (within the in-way cone) closer than this gap [m] turns the aim to the right.
    public var rightHandRange = 4.0
    /// How far the aim turns [rad].
    public var rightHandAngle = 0.6
    /// How far the aim turns when the robot is stalled [rad].
    public var rightHandStalledAngle = 1.2
    /// No turn when the target is closer than this [m].
    public var rightHandMinimumDistance = 1.0

    // Deadlocks.
    /// A robot slower than this fraction of its speed limit is stalled.
    public var stallSpeedFraction = 0.2
    /// Steps a robot must stay stalled before it looks for a deadlock.
    public var stallSteps = 10
    /// Two robots block each other when the gap between their discs is below this [m].
    public var blockGap = 0.6
    /// Two stalled robots whose targets are closer than this [m] contest the same passage.
    public var sharedTargetDistance = 1.0
    /// "In the way": within this half-angle of the direction to one's target [rad] (as its cosine).
    public var inWayCos = 0.5
    /// Steps a contest waits for the counterpart's bid before giving up.
    public var contestTimeoutSteps = 40
    /// Longest a robot gives way [steps] before it resumes whatever happens.
    public var yieldTimeoutSteps = 200
    /// Shortest time a robot gives way [steps].
    public var yieldMinimumSteps = 10
    /// A robot that won a deadlock game but has stood stalled this many steps since, gives up going
    /// first (something else blocks it), and the robot that gave way to it resumes.
    public var proceedGiveUpSteps = 50
    /// A robot that gave way waits on while another robot comes at it within this gap [m].
    public var oncomingRange = 3.0
    /// Steps after a deadlock ends before the same pair may play again.
    public var replayCooldownSteps = 20
    /// Clearance of a place to back off to from the counterpart's path, beyond both radii [m].
    public var pocketClearance = 0.3
    /// Farthest place to back off to [m].
    public var pocketSearchRadius = 10.0

    // Narrow passages (a deadlock settled at the mouth; see ``NarrowPassage``).
    /// How far along its route a robot looks for a narrow stretch [m].
    public var passageLookahead = 12.0
    /// Spacing of the route samples checked for narrowness [m].
    public var passageSampleStep = 0.25
    /// Two robots meet in a passage when their times inside it overlap within this [s].
    public var passageTimeSlack = 1.0
    /// Another robot goes the other way through the passage when its direction makes a cosine
    /// below this with the route's.
    public var passageOncomingCos = -0.5

    // The deadlock game's costs [s] (see ``DeadlockGame``).
    /// Both proceed: both stay stuck.
    public var stuckPenalty = 60.0
    /// Both give way: both back off, then meet again.
    public var bothYieldDelay = 10.0
    /// The proceeding robot's delay while the other backs off.
    public var proceedDelay = 1.0
    /// The time the proceeding robot takes to pass the one that gave way.
    public var passTime = 2.0
    /// Added to a cost when the MPC's what-if for that choice finds no feasible plan.
    public var infeasiblePenalty = 5.0

    public init() {}

    public static let standard = RobotTuning()
}
