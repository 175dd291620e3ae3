import Foundation

/// Reading and writing ISO 8601 date-times as used in the exchange format (`2027-02-12T13:30:00+01:00`).
///
/// A small hand-written parser rather than a formatter object: it is exact about what it accepts
/// (a zone is required, so a time is never silently read as UTC) and has no shared mutable state.
public enum Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`.
    public static func parse(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= chars.count else { return nil }
            var value = 0
            for c in chars[from..<(from + length)] {
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars.count >= 17, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t"),
            let day = Day(String(decoding: chars[0..<10], as: UTF8.self)),
            let hour = number(11, 2), chars[13] == UInt8(ascii: ":"), let minute = number(14, 2),
            hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0.0
        if index < chars.count, chars[index] == UInt8(ascii: ":") {
            guard let whole = number(index + 1, 2), whole < 60 else { return nil }
            second = Double(whole)
            index += 3
            if index < chars.count, chars[index] == UInt8(ascii: ".") {
                index += 1
                var scale = 0.1
                let start = index
                while index < chars.count, chars[index] >= 48 && chars[index] <= 57 {
                    second += Double(chars[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        guard index < chars.count else { return nil }
        var offsetSeconds = 0
        switch chars[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == chars.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == chars.count, let h = number(index + 1, 2), chars[index + 3] == UInt8(ascii: ":"),
                let m = number(index + 4, 2), h < 24, m < 60
            else { return nil }
            offsetSeconds = (h * 3600 + m * 60) * (chars[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let days = daysSinceEpoch(day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offsetSeconds) + second
        return Date(timeIntervalSince1970: seconds)
    }

    /// Formats in UTC as `YYYY-MM-DDTHH:MM:SSZ`, the canonical form stored and exported.
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        var days = total / 86_400
        var rest = total % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))T"
            + "\(Day.pad(rest / 3600, 2)):\(Day.pad(rest % 3600 / 60, 2)):\(Day.pad(rest % 60, 2))Z"
    }

    // Howard Hinnant's days-from-civil algorithms, valid for the proleptic Gregorian calendar.
    static func daysSinceEpoch(_ day: Day) -> Int {
        let y = day.month <= 2 ? day.year - 1 : day.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (day.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
