import Domain
import Foundation
import Synchronization

/// A clock a test moves by hand: "now" is whatever the test last set, so scheduled work can be made due.
///
/// ```swift
/// let clock = TestClock(start)
/// clock.advance(by: 3600)   // an hour later
/// ```
public final class TestClock: WallClock {
    private let moment: Mutex<Date>

    public init(_ start: Date) {
        moment = Mutex(start)
    }

    public func now() -> Date { moment.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        moment.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
