/// The lane change from the acceleration lane to the main lane: a smooth path over a fixed
/// longitudinal distance, chosen when the manoeuvre starts.
///
/// Path: with `τ = (ξ − startStation) / length` clamped to [0, 1], the lateral position is
/// `y = −W + W·p(τ)` with the quintic `p(τ) = 10τ³ − 15τ⁴ + 6τ⁵` (zero slope and curvature at
/// both ends). Heading is the slope of the path, `atan(W·p'(τ) / length)`, so x, y and heading
/// are consistent whatever the speed profile; a car that slows down follows the same path more
/// slowly (and one that stops mid-manoeuvre stays on it). The lateral acceleration is
/// `W·p''(τ)·v²/length² + W·p'(τ)·a/length`; with `length ≥ v·T` (T the lane-change duration)
/// it is at most `5.78·W/T²` plus `1.875·W·|a|/length` (≈ 2.2 m/s² + 0.3|a| for W = 3.5 m, T = 3 s).
public struct LaneChangePath: Sendable, Hashable {
    /// Shortest lane change [m]: the path used from low speeds (heading at most
    /// atan(1.875·W/20) ≈ 18° for W = 3.5 m).
    public static let minimumLength = 20.0
    /// Shortest lane change allowed when the acceleration lane is about to end [m]; below this
    /// no lane change starts.
    public static let shortestEmergencyLength = 8.0

    /// Station where the manoeuvre began [m].
    public let startStation: Double
    /// Longitudinal length of the manoeuvre [m] (> 0).
    public let length: Double
    /// Lateral distance covered: the lane width [m].
    public let laneWidth: Double

    public init(startStation: Double, length: Double, laneWidth: Double) {
        precondition(length > 0 && laneWidth > 0, "lane change length and width must be > 0")
        self.startStation = startStation
        self.length = length
        self.laneWidth = laneWidth
    }

    /// The length a lane change starting at `speed` takes: `max(speed · duration, minimumLength)`.
    @inline(__always) public static func nominalLength(speed: Double, duration: Double) -> Double {
        Swift.max(speed * duration, minimumLength)
    }

    /// Station where the manoeuvre ends (the car is then in the main lane).
    public var endStation: Double { startStation + length }

    /// Progress τ ∈ [0, 1] at `station`.
    @inline(__always) public func progress(at station: Double) -> Double {
        Swift.min(1, Swift.max(0, (station - startStation) / length))
    }

    /// Lateral position y [m] at `station` (−laneWidth at the start, 0 at the end).
    public func lateralPosition(at station: Double) -> Double {
        let t = progress(at: station)
        if t >= 1 { return 0 }
        let p = t * t * t * (10 + t * (-15 + 6 * t))
        return -laneWidth + laneWidth * p
    }

    /// dy/dξ, the slope of the path at `station`.
    public func slope(at station: Double) -> Double {
        let t = progress(at: station)
        let dp = 30 * t * t * (1 - t) * (1 - t)
        return laneWidth * dp / length
    }

    /// d²y/dξ² at `station` [1/m].
    public func curvatureTerm(at station: Double) -> Double {
        let t = progress(at: station)
        let ddp = 60 * t * (1 - t) * (1 - 2 * t)
        return laneWidth * ddp / (length * length)
    }

    /// Heading [rad] at `station`: `atan(dy/dξ)`.
    public func heading(at station: Double) -> Double { Math.atan(slope(at: station)) }

    /// Speed along the path [m/s] and its rate [m/s²] for a car whose station moves at `speed`
    /// with `acceleration`: the speed is `v·√(1 + σ²)` with σ the slope, and its derivative
    /// `a·√(1 + σ²) + v²·σ·σ' / √(1 + σ²)` with σ' = d²y/dξ².
    public func pathMotion(at station: Double, speed: Double, acceleration: Double) -> (speed: Double, acceleration: Double) {
        let sigma = slope(at: station), sigmaPrime = curvatureTerm(at: station)
        let stretch = (1 + sigma * sigma).squareRoot()
        return (speed * stretch, acceleration * stretch + speed * speed * sigma * sigmaPrime / stretch)
    }
}
