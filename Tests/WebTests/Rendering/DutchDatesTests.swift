import Domain
import Foundation
import Testing

@testable import Web

@Suite("Dutch dates")
struct LocalDatesTests {
    let dates = LocalDates()

    @Test("a moment is shown on its Amsterdam calendar day, not the UTC one")
    func amsterdamDay() throws {
        #expect(dates.day(of: try #require(Timestamp.parse("2026-11-29T23:30:00Z"))) == "30 november 2026")
        #expect(dates.day(of: try #require(Timestamp.parse("2026-07-01T21:59:00Z"))) == "1 juli 2026")
    }

    @Test("an event on one day shows the date once, with local times in winter and summer", arguments: [
        ("2027-02-12T12:30:00Z", "2027-02-12T15:00:00Z", "vrijdag 12 februari 2027, 13:30 – 16:00 uur", "2027-02-12T13:30+01:00"),
        ("2027-06-10T11:00:00Z", "2027-06-10T15:30:00Z", "donderdag 10 juni 2027, 13:00 – 17:30 uur", "2027-06-10T13:00+02:00"),
    ])
    func span(start: String, end: String, text: String, machine: String) throws {
        let from = try #require(Timestamp.parse(start)), to = try #require(Timestamp.parse(end))
        #expect(dates.span(from: from, to: to) == text)
        #expect(dates.machine(from) == machine)
    }

    @Test("an event over several days names both dates")
    func multiDay() throws {
        let from = try #require(Timestamp.parse("2027-03-01T08:00:00Z")), to = try #require(Timestamp.parse("2027-03-02T15:00:00Z"))
        #expect(dates.span(from: from, to: to) == "maandag 1 maart 2027, 09:00 uur – dinsdag 2 maart 2027, 16:00 uur")
    }
}
