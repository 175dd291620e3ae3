/// A line diff of two versions of a text, so editors can see what a revision changed.
///
/// Uses Myers' O(ND) algorithm in linear space: fast when few lines change, even in long texts.
/// Lines end at "\n" or "\r\n"; a final line break ends the last line rather than starting an empty one,
/// so texts that differ only in line endings have no changes.
///
/// ```swift
/// let diff = TextDiff(old: "een\ntwee\ndrie", new: "een\n2\ndrie")
/// diff.lines.map(\.kind)   // [.same, .removed, .added, .same]
/// diff.hunks(context: 0)   // [Hunk(lines: [removed "twee", added "2"], oldStart: 2, newStart: 2)]
/// ```
public struct TextDiff: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case same, added, removed
    }

    public struct Line: Sendable, Equatable {
        public let kind: Kind
        public let text: String

        public init(kind: Kind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Hunks of changed lines with `context` unchanged lines around them; runs of unchanged lines in between are left out.
    public struct Hunk: Sendable, Equatable {
        public let lines: [Line]
        /// The 1-based number of the hunk's first line in the old text; for a hunk that only adds,
        /// the number the next old line has.
        public let oldStart: Int
        /// The 1-based number of the hunk's first line in the new text, in the same way.
        public let newStart: Int

        public init(lines: [Line], oldStart: Int, newStart: Int) {
            self.lines = lines
            self.oldStart = oldStart
            self.newStart = newStart
        }
    }

    /// The full diff, old → new; within a change, removed lines come before added ones.
    public let lines: [Line]

    public init(old: String, new: String) {
        let oldLines = Self.split(old), newLines = Self.split(new)
        var numbers: [Substring: Int] = [:]
        let ids = (oldLines + newLines).map { line in
            if let id = numbers[line] { return id }
            numbers[line] = numbers.count
            return numbers.count - 1
        }
        var marks = ChangeMarks(old: Array(ids[..<oldLines.count]), new: Array(ids[oldLines.count...]))
        marks.compare(0..<oldLines.count, 0..<newLines.count)

        var lines: [Line] = []
        lines.reserveCapacity(max(oldLines.count, newLines.count))
        var i = 0, j = 0
        while i < oldLines.count || j < newLines.count {
            if i < oldLines.count, marks.removed[i] {
                lines.append(Line(kind: .removed, text: String(oldLines[i])))
                i += 1
            } else if j < newLines.count, marks.added[j] {
                lines.append(Line(kind: .added, text: String(newLines[j])))
                j += 1
            } else {
                lines.append(Line(kind: .same, text: String(newLines[j])))
                i += 1
                j += 1
            }
        }
        self.lines = lines
    }

    public var hasChanges: Bool { lines.contains { $0.kind != .same } }

    public func hunks(context: Int = 2) -> [Hunk] {
        let context = max(0, context)
        var ranges: [ClosedRange<Int>] = []
        for index in lines.indices where lines[index].kind != .same {
            let range = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...range.upperBound
            } else {
                ranges.append(range)
            }
        }
        var hunks: [Hunk] = []
        var oldNumber = 1, newNumber = 1, counted = 0
        for range in ranges {
            for line in lines[counted..<range.lowerBound] {
                if line.kind != .added { oldNumber += 1 }
                if line.kind != .removed { newNumber += 1 }
            }
            counted = range.lowerBound
            hunks.append(Hunk(lines: Array(lines[range]), oldStart: oldNumber, newStart: newNumber))
        }
        return hunks
    }

    private static func split(_ text: String) -> [Substring] {
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

/// Which old lines are removed and which new lines are added, found by Myers' divide-and-conquer
/// on the middle snake so memory stays linear in the number of lines.
private struct ChangeMarks {
    let old: [Int]
    let new: [Int]
    var removed: [Bool]
    var added: [Bool]
    private var forward: [Int]
    private var backward: [Int]

    init(old: [Int], new: [Int]) {
        self.old = old
        self.new = new
        removed = Array(repeating: false, count: old.count)
        added = Array(repeating: false, count: new.count)
        let size = 2 * ((old.count + new.count + 1) / 2 + 2) + 1
        forward = Array(repeating: 0, count: size)
        backward = Array(repeating: 0, count: size)
    }

    mutating func compare(_ oldRange: Range<Int>, _ newRange: Range<Int>) {
        var (a, b) = (oldRange, newRange)
        while !a.isEmpty, !b.isEmpty, old[a.lowerBound] == new[b.lowerBound] {
            a = (a.lowerBound + 1)..<a.upperBound
            b = (b.lowerBound + 1)..<b.upperBound
        }
        while !a.isEmpty, !b.isEmpty, old[a.upperBound - 1] == new[b.upperBound - 1] {
            a = a.lowerBound..<(a.upperBound - 1)
            b = b.lowerBound..<(b.upperBound - 1)
        }
        if a.isEmpty || b.isEmpty {
            for index in a { removed[index] = true }
            for index in b { added[index] = true }
        } else if let (x, y) = middleSnake(a, b), Self.divides(a, b, at: (x, y)) {
            compare(a.lowerBound..<x, b.lowerBound..<y)
            compare(x..<a.upperBound, y..<b.upperBound)
        } else {
            for index in a { removed[index] = true }
            for index in b { added[index] = true }
        }
    }

    /// Whether splitting there leaves two smaller problems, so the recursion ends.
    private static func divides(_ a: Range<Int>, _ b: Range<Int>, at point: (x: Int, y: Int)) -> Bool {
        let inside = (a.lowerBound...a.upperBound).contains(point.x) && (b.lowerBound...b.upperBound).contains(point.y)
        let atStart = point.x == a.lowerBound && point.y == b.lowerBound
        let atEnd = point.x == a.upperBound && point.y == b.upperBound
        return inside && !atStart && !atEnd
    }

    /// A point on an optimal edit path roughly halfway, found by searching from both ends at once.
    /// `forward[k]` holds how far (in old lines) the path on diagonal k reaches from the start,
    /// `backward[k]` the same measured from the end.
    private mutating func middleSnake(_ a: Range<Int>, _ b: Range<Int>) -> (Int, Int)? {
        let n = a.count, m = b.count
        let delta = n - m
        let odd = delta & 1 != 0
        let maxD = (n + m + 1) / 2
        let center = forward.count / 2
        forward[center + 1] = 0
        backward[center + 1] = 0
        for d in 0...maxD {
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && forward[center + k - 1] < forward[center + k + 1])
                    ? forward[center + k + 1] : forward[center + k - 1] + 1
                var y = x - k
                let (startX, startY) = (x, y)
                while x < n, y < m, old[a.lowerBound + x] == new[b.lowerBound + y] {
                    x += 1
                    y += 1
                }
                forward[center + k] = x
                if odd, abs(delta - k) <= d - 1, x + backward[center + delta - k] >= n {
                    return (a.lowerBound + startX, b.lowerBound + startY)
                }
            }
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && backward[center + k - 1] < backward[center + k + 1])
                    ? backward[center + k + 1] : backward[center + k - 1] + 1
                var y = x - k
                while x < n, y < m, old[a.upperBound - 1 - x] == new[b.upperBound - 1 - y] {
                    x += 1
                    y += 1
                }
                backward[center + k] = x
                if !odd, abs(delta - k) <= d, x + forward[center + delta - k] >= n {
                    return (a.upperBound - x, b.upperBound - y)
                }
            }
        }
        return nil
    }
}
