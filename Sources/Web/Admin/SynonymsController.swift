import Domain
import Foundation
import Hummingbird

/// `/beheer/synoniemen`: the synonym groups search applies at query time, as `kennis synonyms` manages them.
struct SynonymsController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("synoniemen", use: synonyms)
        group.post("synoniemen", use: addSynonyms)
        group.post("synoniemen/verwijderen", use: removeSynonym)
    }

    func synonyms(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await renderSynonyms(request, context: context)
    }

    func addSynonyms(_ request: Request, context: AppRequestContext) async throws -> Response {
        let words = (context.form?["words"] ?? "").split(whereSeparator: { $0 == "," || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            guard words.count >= 2 else { throw DomainError.invalid([FieldIssue("words", .tooFew(min: 2))]) }
            try await dependencies.synonyms.add(words)
        } catch DomainError.invalid(let issues) {
            var errors = FieldErrors()
            for issue in issues { errors.add(FieldIssue("words", issue.reason), messages: pages.messages(context)) }
            return try await renderSynonyms(request, context: context, errors: errors, words: context.form?["words"] ?? "",
                                            status: .unprocessableContent).response(from: request, context: context)
        }
        try await dependencies.audit(.synonymsChanged, by: context.editor.name, subject: words.joined(separator: ", "),
                                     detail: "groep toegevoegd")
        return Response.redirect(to: "/beheer/synoniemen?melding=opgeslagen", type: .normal)
    }

    func removeSynonym(_ request: Request, context: AppRequestContext) async throws -> Response {
        let word = context.form?["word"] ?? ""
        try await dependencies.synonyms.remove(word)
        try await dependencies.audit(.synonymsChanged, by: context.editor.name, subject: word, detail: "uit groep gehaald")
        return Response.redirect(to: "/beheer/synoniemen?melding=opgeslagen", type: .normal)
    }

    private func renderSynonyms(
        _ request: Request, context: AppRequestContext, errors: FieldErrors = FieldErrors(), words: String = "",
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let groups = try await dependencies.synonyms.groups()
        return try pages.render("synonyms", title: pages.messages(context).text("staff.synonyms.heading"), section: "/beheer/synoniemen", context: context, request: request,
                                status: status, ["groups": groups.map { ["words": $0] }, "errors": errors.dictionary, "words": words])
    }
}
