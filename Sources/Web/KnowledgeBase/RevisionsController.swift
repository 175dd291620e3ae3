import Domain
import Foundation
import Hummingbird

/// An item's revisions: the list (`/beheer/items/{slug}/versies`), a readable comparison of any two, and
/// restoring one as a new revision.
struct RevisionsController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("items/:slug/versies", use: list)
        group.get("items/:slug/versies/vergelijk", use: compare)
        group.post("items/:slug/versies/:number/herstellen", use: restore)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (item, revisions) = try await load(context)
        let messages = pages.messages(context)
        let dates = LocalDates(language: context.language)
        return try pages.render("revisions", title: messages.text("staff.revisions.title", item.content.title), section: "/beheer/items", context: context,
                                request: request, [
                                    "slug": item.content.slug, "title": item.content.title,
                                    "revisions": revisions.map { revision -> [String: Any] in
                                        ["number": revision.number, "when": "\(dates.day(of: revision.saved)) \(dates.time(revision.saved))",
                                         "editor": revision.editor.name, "changed": Self.describeChanges(revision, messages: messages),
                                         "isCurrent": revision.number == revisions.first?.number,
                                         "previous": revision.number > 1 ? revision.number - 1 : 0]
                                    },
                                    "current": revisions.first?.number ?? 0,
                                ])
    }

    func compare(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let (item, revisions) = try await load(context)
        let parameters = request.uri.queryParameters
        guard let from = parameters["van"].flatMap({ Int($0) }), let to = parameters["naar"].flatMap({ Int($0) }),
              let old = revisions.first(where: { $0.number == from }), let new = revisions.first(where: { $0.number == to })
        else { throw DomainError.notFound("deze versies van '\(item.content.slug)'") }
        let comparison = RevisionComparison(old: old, new: new)
        let messages = pages.messages(context)
        let fields = comparison.fields.map { field -> [String: Any] in
            ["name": messages.texts["staff.field.\(field.name)"] ?? field.name.capitalizedFirstLetter,
             "hunks": field.diff.hunks(context: 2).map { hunk -> [String: Any] in
                 ["lines": hunk.lines.map { line -> [String: Any] in
                     ["text": line.text.isEmpty ? " " : line.text, "added": line.kind == .added, "removed": line.kind == .removed,
                      "marker": line.kind == .added ? "+" : line.kind == .removed ? "−" : " "]
                 }]
             }]
        }
        let heading = messages.text("staff.compare.heading", from, to)
        return try pages.render("compare", title: heading, section: "/beheer/items", context: context,
                                request: request, [
                                    "slug": item.content.slug, "title": item.content.title, "from": from, "to": to, "fields": fields,
                                    "fromEditor": old.editor.name, "toEditor": new.editor.name, "identical": fields.isEmpty,
                                    "heading": heading, "byline": messages.text("staff.compare.byline", from, old.editor.name, to, new.editor.name),
                                    "restoreLabel": messages.text("staff.compare.restore", from),
                                    "current": revisions.first?.number ?? 0,
                                ])
    }

    func restore(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        guard let number = Int(try context.parameters.require("number")) else { throw DomainError.notFound("versie") }
        _ = try await dependencies.editorial.restore(slug: slug, revision: number, by: context.editor,
                                                     expectedRevision: context.form?["revisie"].flatMap(Int.init))
        return Response.redirect(to: "/beheer/items/\(slug)?melding=hersteld", type: .normal)
    }

    /// "Titel, Tekst" in the editors' words; the first revision is the item as it was made.
    static func describeChanges(_ revision: Revision, messages: Messages) -> String {
        guard revision.number > 1 else { return messages.text("staff.revisions.firstVersion") }
        return revision.changedFields.map { messages.texts["staff.field.\($0)"] ?? $0 }.joined(separator: ", ")
    }

    private func load(_ context: AppRequestContext) async throws -> (KnowledgeItem, [Revision]) {
        let slug = try context.parameters.require("slug")
        guard let item = try await dependencies.store.item(slug: slug) else { throw DomainError.notFound("kennisitem '\(slug)'") }
        return (item, try await dependencies.store.revisions(slug: slug))
    }
}
