import Domain
import Foundation
import Testing

@Suite("Dates and times")
struct DayAndTimestampTests {
    @Test("days parse only when they exist", arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2026-04-31", false), ("2026-12-31", true), ("2026-1-01", false),
        ("２０２６-01-01", false), ("", false),
    ])
    func day(text: String, valid: Bool) {
        #expect((Day(text) != nil) == valid)
        if valid { #expect(Day(text)?.description == text) }
    }

    @Test("timestamps need a zone and are normalised to UTC", arguments: [
        ("2027-02-12T13:30:00+01:00", "2027-02-12T12:30:00Z"),
        ("2027-06-01T09:00+02:00", "2027-06-01T07:00:00Z"),
        ("2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00Z"),
        ("2026-11-29T10:00:00.250Z", "2026-11-29T10:00:00Z"),
    ])
    func timestamp(text: String, utc: String) throws {
        #expect(Timestamp.format(try #require(Timestamp.parse(text))) == utc)
    }

    @Test("malformed timestamps are refused", arguments: [
        "2027-02-12T13:30:00", "2027-02-12 13:30:00Z", "2027-02-12T25:00:00Z", "2027-02-30T10:00:00Z", "2027-02-12T13:30:00+1",
        "gisteren",
    ])
    func malformed(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
