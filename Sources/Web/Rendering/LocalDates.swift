import Domain
import Foundation

/// Dates and times written the way the page's language writes them ("12 maart 2026",
/// "donderdag 12 februari 2027, 13:30 – 16:00 uur"; "12 March 2026"), in the institute's time zone
/// whatever the server's zone is. Month and day names are locale data, so they live here, not in the catalogue.
struct LocalDates: Sendable {
    static let months: [Language: [String]] = [
        .nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]
    static let weekdays: [Language: [String]] = [
        .nl: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        .en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    ]

    let calendar: Calendar
    let language: Language
    private var months: [String] { Self.months[language] ?? Self.months[.nl]! }
    private var weekdays: [String] { Self.weekdays[language] ?? Self.weekdays[.nl]! }
    /// Dutch writes "13:30 uur"; English just "13:30".
    private var hours: String { language == .nl ? " uur" : "" }

    init(language: Language = .nl, timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.language = language
    }

    func day(_ day: Day) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// "29 november 2026": the calendar day of a moment in the institute's time zone.
    func day(of date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
    }

    /// "donderdag 12 februari 2027"
    func date(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        return "\(weekdays[(parts.weekday ?? 1) - 1]) \(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
    }

    /// "13:30"
    func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "donderdag 12 februari 2027, 13:30 – 16:00 uur", or both dates when the event spans days.
    func span(from start: Date, to end: Date) -> String {
        if calendar.isDate(start, inSameDayAs: end) {
            return "\(date(start)), \(time(start)) – \(time(end))\(hours)"
        }
        return "\(date(start)), \(time(start))\(hours) – \(date(end)), \(time(end))\(hours)"
    }

    /// Local date-time with offset for `<time datetime>`, e.g. `2027-02-12T13:30+01:00`.
    func machine(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let offset = calendar.timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        return String(format: "%04d-%02d-%02dT%02d:%02d%@%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    /// The value of an `<input type="datetime-local">`: `2027-02-12T13:30`, in the institute's time zone.
    func localInput(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Reads an `<input type="datetime-local">` value (`2027-02-12T13:30`, seconds optional) as institute time.
    func date(fromLocalInput text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).map { Int($0) }
        guard (5...6).contains(parts.count), parts.allSatisfy({ $0 != nil }), text.count <= 19 else { return nil }
        let numbers = parts.map { $0! }
        let components = DateComponents(year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4],
                                        second: numbers.count > 5 ? numbers[5] : 0)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
