import Domain
import Hummingbird

/// A JSON body written with ``OrderedJSON`` so field order matches the exchange format.
struct JSONResponse: ResponseGenerator {
    var json: OrderedJSON
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json.text)))
    }
}

/// How items and taxonomies look in the API.
enum APIRepresentation {
    /// The exchange-format fields, then the read-only timestamps.
    static func item(_ item: KnowledgeItem) -> OrderedJSON {
        .object(ExchangeFormat.fields(of: item.content) + [
            ("created", .string(Timestamp.format(item.created))),
            ("updated", .string(Timestamp.format(item.updated))),
        ])
    }

    static func page(_ page: Page<KnowledgeItem>) -> OrderedJSON {
        .object([
            ("total", .int(page.total)),
            ("page", .int(page.number)),
            ("per_page", .int(page.size)),
            ("pages", .int(page.pageCount)),
            ("items", .array(page.items.map(item))),
        ])
    }

    static func taxonomy(_ taxonomy: Taxonomy) -> OrderedJSON {
        func terms(_ list: [Term]) -> OrderedJSON {
            .array(list.map { .object([("slug", .string($0.slug)), ("name", .string($0.name))]) })
        }
        return .object([
            ("types", .array(ItemType.allCases.map { .object([("slug", .string($0.rawValue)), ("name", .string($0.name))]) })),
            ("themes", .array(taxonomy.themes.map { theme in
                .object([("slug", .string(theme.slug)), ("name", .string(theme.name)),
                         ("description", .string(theme.description)), ("parent", .optional(theme.parent))])
            })),
            ("audiences", terms(taxonomy.audiences)),
            ("knowledge", terms(taxonomy.knowledgeKinds)),
            ("recognition", terms(taxonomy.recognitionLevels)),
            ("languages", .strings(ContentLanguage.allCases.map(\.rawValue))),
            ("statuses", .strings(ItemStatus.allCases.map(\.rawValue))),
        ])
    }
}
