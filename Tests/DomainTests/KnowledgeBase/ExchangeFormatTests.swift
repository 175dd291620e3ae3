import Domain
import Foundation
import Testing

@Suite("The exchange format")
struct ExchangeFormatTests {
    @Test("fields are written in a fixed order, optional ones only when present")
    func order() throws {
        let content = try ItemInputReader(taxonomy: Fixtures.taxonomy).read(Fixtures.object()).get()
        let line = ExchangeFormat.line(for: content)
        #expect(line == ###"{"slug":"taalcafe-werkt","type":"praktijkvoorbeeld","title":"Taalcafé werkt","summary":"Een korte samenvatting.","body":"## Kop\n\nTekst.","themes":["participatie"],"audiences":["gemeenten","professionals"],"knowledge":"praktijk","published":"2026-03-12","authors":["Fatima el Amrani"],"language":"nl","status":"gepubliceerd"}"###)
    }

    @Test("a written line reads back to the same content")
    func roundTrip() throws {
        let reader = ItemInputReader(taxonomy: Fixtures.taxonomy)
        var event = Fixtures.event
        event["online"] = .string("https://example.nl/live")
        event["title"] = .string("Quotes \" en \\ backslash\tmet tab en \u{1} control")
        let content = try reader.read(Fixtures.object(event)).get()
        let line = ExchangeFormat.line(for: content)
        guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) else {
            Issue.record("not an object")
            return
        }
        #expect(try reader.read(object).get() == content)
        #expect(ExchangeFormat.line(for: try reader.read(object).get()) == line)
    }
}
