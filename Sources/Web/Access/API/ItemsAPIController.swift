import Domain
import Foundation
import Hummingbird
import Logging

/// The JSON API for knowledge items under `/api/v1`.
///
/// Authorization: reads are public and show published and archived items; the `status` filter and items
/// that are not public need an editor's token (or the operator's). Writes need the role redacteur (or
/// the operator token) and go through the editorial workflow, so "vier ogen" holds for scripts too.
struct ItemsAPIController: Sendable {
    let store: any KnowledgeStore
    let editorial: Editorial

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        let reads = group.group().add(middleware: RequireAccess(.everyone))
        reads.get("items", use: list)
        reads.get("items/:slug", use: show)
        reads.get("taxonomies", use: taxonomies)
        let writes = group.group().add(middleware: RequireAccess(.roles([.redacteur])))
        writes.post("items", use: create)
        writes.put("items/:slug", use: replace)
        writes.delete("items/:slug", use: delete)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let taxonomy = try await store.taxonomy()
        let query = try ItemListParameters(request.uri.queryParameters, taxonomy: taxonomy, caller: context.caller).query
        return JSONResponse(json: APIRepresentation.page(try await store.items(query)))
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let slug = try context.parameters.require("slug")
        guard let item = try await store.item(slug: slug), item.content.status.isPublic || context.isStaff
        else { throw DomainError.notFound("no item with slug '\(slug)'") }
        return JSONResponse(json: APIRepresentation.item(item))
    }

    func taxonomies(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        JSONResponse(json: APIRepresentation.taxonomy(try await store.taxonomy()))
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let content = try await readContent(request, context: context)
        let item = try await editorial.create(content, by: context.editor)
        context.logger.info("Item created", metadata: ["slug": "\(item.content.slug)", "caller": "\(context.editor.name)"])
        return JSONResponse(json: APIRepresentation.item(item), status: .created,
                            headers: [.location: "/api/v1/items/\(item.content.slug)"])
    }

    /// Replaces the whole item. The slug in the body must match the address: slugs are stable URLs.
    func replace(_ request: Request, context: AppRequestContext) async throws -> JSONResponse {
        let slug = try context.parameters.require("slug")
        let content = try await readContent(request, context: context)
        guard content.slug == slug else { throw DomainError.invalid([FieldIssue("slug", .mismatch(expected: slug))]) }
        let item = try await editorial.save(slug: slug, content: content, by: context.editor, expectedRevision: nil)
        context.logger.info("Item replaced", metadata: ["slug": "\(slug)", "caller": "\(context.editor.name)"])
        return JSONResponse(json: APIRepresentation.item(item))
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        try await editorial.delete(slug: slug, by: context.editor)
        context.logger.info("Item deleted", metadata: ["slug": "\(slug)", "caller": "\(context.editor.name)"])
        return Response(status: .noContent)
    }

    /// Reads a JSON object body and validates it against the current taxonomy.
    private func readContent(_ request: Request, context: AppRequestContext) async throws -> ItemContent {
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw Problem(.unsupportedMediaType, "Send the item as JSON with Content-Type: application/json (got '\(type)').")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw Problem(.badRequest, "The body is not valid JSON: \(Self.describe(error))")
        }
        guard case .object(let object) = value else {
            throw Problem(.badRequest, "The body must be a JSON object with the item's fields, not \(value.kindName).")
        }
        switch ItemInputReader(taxonomy: try await store.taxonomy()).read(object) {
        case .success(let content): return content
        case .failure(let failure): throw DomainError.invalid(failure.issues)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        }
        return "\(error)"
    }
}

extension String {
    var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
