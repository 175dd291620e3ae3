import Domain
import Testing

@Suite("Reading submitted items")
struct ItemInputReaderTests {
    let reader = ItemInputReader(taxonomy: Fixtures.taxonomy)

    func issues(_ object: [String: JSONValue]) -> [FieldIssue] {
        if case .failure(let failure) = reader.read(object) { return failure.issues }
        return []
    }

    @Test("a complete item is accepted with defaults for language and status")
    func accepted() throws {
        let content = try reader.read(Fixtures.object()).get()
        #expect(content.slug == "taalcafe-werkt")
        #expect(content.type == .praktijkvoorbeeld)
        #expect(content.themes == ["participatie"])
        #expect(content.audiences == ["gemeenten", "professionals"])
        #expect(content.published == Day("2026-03-12"))
        #expect(content.language == .nl)
        #expect(content.status == .gepubliceerd)
        #expect(content.recognition == nil && content.event == nil)
    }

    @Test("each broken field is reported, all at once", arguments: [
        ("type", JSONValue.string("blog"), "type"),
        ("themes", .array([.string("onbekend")]), "themes[0]"),
        ("themes", .array([]), "themes"),
        ("audiences", .array([.string("iedereen")]), "audiences[0]"),
        ("knowledge", .string("gevoel"), "knowledge"),
        ("published", .string("12-03-2026"), "published"),
        ("published", .string("2026-02-30"), "published"),
        ("title", .string("   "), "title"),
        ("title", .number(3), "title"),
        ("slug", .string("Niet Goed"), "slug"),
        ("slug", .string("dubbel--streepje"), "slug"),
        ("authors", .string("Jan"), "authors"),
        ("language", .string("de"), "language"),
        ("status", .string("klaar"), "status"),
        ("onderwerp", .string("x"), "onderwerp"),
    ])
    func brokenField(name: String, value: JSONValue, field: String) {
        #expect(issues(Fixtures.object([name: value])).map(\.field) == [field])
    }

    @Test("missing required fields are named", arguments: ["slug", "type", "title", "summary", "body", "themes", "published"])
    func missing(field: String) {
        #expect(issues(Fixtures.object(removing: [field])) == [FieldIssue(field, .missing)])
    }

    @Test("length limits hold", arguments: [
        ("title", ItemRules.titleMaximum), ("summary", ItemRules.summaryMaximum), ("slug", ItemRules.slugMaximum),
    ])
    func tooLong(field: String, maximum: Int) {
        let atLimit = String(repeating: "a", count: maximum)
        #expect(issues(Fixtures.object([field: .string(atLimit)])).isEmpty)
        #expect(issues(Fixtures.object([field: .string(atLimit + "a")])) == [FieldIssue(field, .tooLong(max: maximum))])
    }

    @Test("the summary limit counts characters (code points), not bytes")
    func summaryCountsCharacters() {
        let summary = String(repeating: "ë", count: ItemRules.summaryMaximum)
        #expect(issues(Fixtures.object(["summary": .string(summary)])).isEmpty)
    }

    @Test("an intervention needs a recognition level, and other types may not have one")
    func recognition() throws {
        #expect(issues(Fixtures.object(["type": .string("interventie")])) == [FieldIssue("recognition", .missing)])
        let content = try reader.read(Fixtures.object(["type": .string("interventie"), "recognition": .string("effectief")])).get()
        #expect(content.recognition == "effectief")
        #expect(issues(Fixtures.object(["recognition": .string("effectief")])) == [
            FieldIssue("recognition", .notAllowed(forType: "praktijkvoorbeeld"))
        ])
    }

    @Test("an event needs start, end and location, with end not before start")
    func event() throws {
        let content = try reader.read(Fixtures.object(Fixtures.event)).get()
        #expect(content.event?.location == "Jaarbeurs, Utrecht")
        #expect(content.event.map { Timestamp.format($0.start) } == "2027-02-12T12:30:00Z")
        #expect(issues(Fixtures.object(["type": .string("evenement")])).map(\.field) == ["start", "end", "location"])
        var reversed = Fixtures.event
        reversed["end"] = .string("2027-02-12T10:00:00+01:00")
        #expect(issues(Fixtures.object(reversed)) == [FieldIssue("end", .endBeforeStart)])
        #expect(issues(Fixtures.object(["location": .string("Utrecht")])).map(\.field) == ["location"])
    }

    @Test("an online link must be a web link", arguments: ["javascript:alert(1)", "ftp://x.nl", "https://a.nl/\"x", "https://", "http:///pad"])
    func onlineLink(link: String) {
        var event = Fixtures.event
        event["online"] = .string(link)
        #expect(issues(Fixtures.object(event)).map(\.field) == ["online"])
    }

    @Test("read-only fields from a GET response are accepted and ignored")
    func readOnlyFields() {
        #expect(issues(Fixtures.object(["created": .string("x"), "updated": .string("y")])).isEmpty)
    }

    @Test("duplicate list values are reported")
    func duplicates() {
        let twice = JSONValue.array([.string("gemeenten"), .string("gemeenten")])
        #expect(issues(Fixtures.object(["audiences": twice])) == [FieldIssue("audiences", .duplicate("gemeenten"))])
    }

    @Test("issues read in Dutch for forms and in English for the API")
    func wording() {
        let issue = FieldIssue("title", .missing)
        #expect(issue.dutch == "is verplicht")
        #expect(issue.description == "title: is required")
    }
}
