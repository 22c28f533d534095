import Foundation
import Testing
@testable import Simulation

/// Road geometry and the lane change: x, y and heading consistent with the motion.
@Suite("Highway geometry and lane change")
struct HighwayGeometryTests {
    let geometry = HighwayGeometry(HighwayMergeConfig())

    @Test("route coordinates map to stations: x = s on the main route, mergeStart + s − rampLength on the ramp")
    func stations() {
        #expect(geometry.station(route: .main, s: 123) == 123)
        #expect(geometry.station(route: .ramp, s: 150) == 300)
        #expect(geometry.station(route: .ramp, s: 200) == 350)
        #expect(geometry.routeCoordinate(route: .ramp, station: 350) == 200)
    }

    @Test("on the ramp, positions move along the heading by exactly the distance travelled")
    func rampPoses() {
        var previous = geometry.rampRoutePose(station: geometry.rampStartStation)
        #expect(abs(previous.y - (-3.5 - 150 * sin(HighwayGeometry.rampAngle))) <= 1e-9)
        for k in 1...150 {
            let pose = geometry.rampRoutePose(station: geometry.rampStartStation + Double(k))
            let dx = pose.x - previous.x, dy = pose.y - previous.y
            #expect(abs(hypot(dx, dy) - 1) <= 1e-9)
            #expect(abs(atan2(dy, dx) - previous.heading) <= 1e-9)
            previous = pose
        }
        // The junction: the acceleration lane's centre line, heading 0.
        let junction = geometry.rampRoutePose(station: 300)
        #expect(junction.x == 300 && junction.y == -3.5 && junction.heading == 0)
    }

    @Test("locate inverts the poses of every lane")
    func locate() {
        for station in stride(from: 150.0, through: 299.0, by: 7.3) {
            let pose = geometry.rampRoutePose(station: station)
            let located = geometry.locate(x: pose.x, y: pose.y)
            #expect(located.lane == .ramp && abs(located.station - station) <= 1e-9)
        }
        #expect(geometry.locate(x: 320, y: -3.5) == (.accel, 320))
        #expect(geometry.locate(x: 320, y: 0) == (.main, 320))
        #expect(geometry.locate(x: 320, y: -1.2) == (.changing, 320))
    }

    @Test("the lane change goes from −W to 0 with zero slope at both ends, monotonically")
    func laneChangeShape() {
        let path = LaneChangePath(startStation: 310, length: 60, laneWidth: 3.5)
        #expect(path.lateralPosition(at: 310) == -3.5)
        #expect(path.lateralPosition(at: 370) == 0)
        #expect(path.slope(at: 310) == 0 && path.slope(at: 370) == 0)
        var previous = -3.5
        for k in 1...600 {
            let y = path.lateralPosition(at: 310 + Double(k) * 0.1)
            #expect(y >= previous - 1e-12)
            previous = y
        }
        #expect(abs(path.lateralPosition(at: 340) - (-1.75)) <= 1e-12)
    }

    @Test("heading is the slope of the path (finite differences), and the path speed its stretch")
    func laneChangeConsistency() {
        let path = LaneChangePath(startStation: 0, length: 75, laneWidth: 3.5)
        let h = 1e-5
        for station in stride(from: 1.0, through: 74.0, by: 3.7) {
            let slope = (path.lateralPosition(at: station + h) - path.lateralPosition(at: station - h)) / (2 * h)
            #expect(abs(tan(path.heading(at: station)) - slope) <= 1e-6)
            let motion = path.pathMotion(at: station, speed: 25, acceleration: 0)
            #expect(abs(motion.speed - 25 * (1 + slope * slope).squareRoot()) <= 1e-6)
        }
    }

    @Test("the lateral acceleration at constant speed is at most 5.78·W/T² when length = v·T")
    func lateralAccelerationBound() {
        let v = 25.0, duration = 3.0, width = 3.5
        let path = LaneChangePath(startStation: 0, length: v * duration, laneWidth: width)
        var largest = 0.0
        for k in 0...750 {
            largest = max(largest, abs(path.curvatureTerm(at: Double(k) * 0.1) * v * v))
        }
        #expect(largest <= 5.78 * width / (duration * duration))
        #expect(largest >= 5.7 * width / (duration * duration))
        #expect(LaneChangePath.nominalLength(speed: 25, duration: 3) == 75)
        #expect(LaneChangePath.nominalLength(speed: 2, duration: 3) == LaneChangePath.minimumLength)
    }
}
