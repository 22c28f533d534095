/// A point or displacement in the plane [m].
public struct Vector2: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    @inline(__always) public static func + (a: Vector2, b: Vector2) -> Vector2 { Vector2(a.x + b.x, a.y + b.y) }
    @inline(__always) public static func - (a: Vector2, b: Vector2) -> Vector2 { Vector2(a.x - b.x, a.y - b.y) }
    @inline(__always) public static func * (s: Double, a: Vector2) -> Vector2 { Vector2(s * a.x, s * a.y) }
    @inline(__always) public func dot(_ other: Vector2) -> Double { x * other.x + y * other.y }
    @inline(__always) public var lengthSquared: Double { x * x + y * y }
    @inline(__always) public var length: Double { lengthSquared.squareRoot() }
}
