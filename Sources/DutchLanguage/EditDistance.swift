/// The number of single-letter edits — insert, delete, replace, or swap two neighbours — between two
/// words, for "Bedoelde u …?" suggestions. Swaps count as one edit because they are the most common typo.
///
/// ```swift
/// EditDistance.between("vluchtelign", "vluchteling", limit: 2)   // 1
/// ```
public enum EditDistance {
    /// The distance, or nil when it exceeds `limit` (which lets most candidates be rejected early).
    public static func between(_ first: String, _ second: String, limit: Int) -> Int? {
        let a = Array(first.unicodeScalars), b = Array(second.unicodeScalars)
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            guard rowMinimum <= limit else { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// How many edits a word of this length may be from its correction: 1 for 4–7 letters, 2 for longer,
    /// none for shorter words (too many short words are one letter apart).
    public static func allowance(forLength length: Int) -> Int {
        switch length {
        case ..<4: 0
        case 4...7: 1
        default: 2
        }
    }
}
