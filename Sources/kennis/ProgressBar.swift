import Foundation
import Synchronization

/// A one-line progress bar on standard error, shown only on a terminal and redrawn at most 10 times a second.
final class ProgressBar: Sendable {
    private let label: String
    private let enabled: Bool
    private let lastDraw = Mutex<Double>(0)

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let now = Date().timeIntervalSince1970
        let due = lastDraw.withLock { last in
            guard now - last >= 0.1 || done == total else { return false }
            last = now
            return true
        }
        guard due else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done * 100 / total)% \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled, lastDraw.withLock({ $0 > 0 }) else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
