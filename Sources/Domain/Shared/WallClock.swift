import Foundation

/// The source of "now", so that timestamps and "upcoming versus past" can be tested.
///
/// Production code uses ``SystemWallClock``; tests pass a ``FixedWallClock``.
/// (Named to avoid confusion with the standard library's `Clock`, which measures durations.)
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same moment.
public struct FixedWallClock: WallClock {
    public let moment: Date
    public init(_ moment: Date) { self.moment = moment }
    public func now() -> Date { moment }
}
