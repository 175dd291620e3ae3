import Domain
import Foundation
import Hummingbird

/// `/beheer/taxonomie`: administrators add themes and terms and rename them.
struct TaxonomyController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("taxonomie", use: taxonomy)
        group.post("taxonomie/thema", use: addTheme)
        group.post("taxonomie/term", use: addTerm)
        group.post("taxonomie/hernoemen", use: rename)
    }

    func taxonomy(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await renderTaxonomy(request, context: context)
    }

    func addTheme(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? SubmittedForm(fields: [:])
        let messages = pages.messages(context)
        var errors = Self.check(slug: form["slug"], name: form["name"], messages: messages)
        let parent = form["parent"].flatMap { $0.isEmpty ? nil : $0 }
        if errors.isEmpty {
            do {
                try await dependencies.taxonomies.addTheme(Theme(slug: form["slug"]!, name: form["name"]!,
                                                                 description: form["description"] ?? "", parent: parent))
            } catch DomainError.conflict {
                errors.add(field: "slug", messages.text("staff.taxonomy.error.slugTaken"))
            }
        }
        guard errors.isEmpty else {
            return try await renderTaxonomy(request, context: context, errors: errors, status: .unprocessableContent).response(from: request, context: context)
        }
        try await audit(context, "thema \(form["slug"]!) toegevoegd")
        return Response.redirect(to: "/beheer/taxonomie?melding=opgeslagen", type: .normal)
    }

    func addTerm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? SubmittedForm(fields: [:])
        guard let list = form["list"].flatMap(TermList.init) else { throw Problem.page(.badRequest, "Kies een lijst.") }
        let messages = pages.messages(context)
        var errors = Self.check(slug: form["slug"], name: form["name"], messages: messages)
        if errors.isEmpty {
            do {
                try await dependencies.taxonomies.addTerm(Term(slug: form["slug"]!, name: form["name"]!), to: list)
            } catch DomainError.conflict {
                errors.add(field: "slug", messages.text("staff.taxonomy.error.slugTaken"))
            }
        }
        guard errors.isEmpty else {
            return try await renderTaxonomy(request, context: context, errors: errors, status: .unprocessableContent).response(from: request, context: context)
        }
        try await audit(context, "\(list.rawValue): \(form["slug"]!) toegevoegd")
        return Response.redirect(to: "/beheer/taxonomie?melding=opgeslagen", type: .normal)
    }

    func rename(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? SubmittedForm(fields: [:])
        guard let slug = form["slug"], let name = form["name"], !name.isEmpty, name.count <= 120 else {
            throw Problem.page(.unprocessableContent, "Een naam is verplicht (maximaal 120 tekens).")
        }
        if let list = form["list"].flatMap(TermList.init) {
            try await dependencies.taxonomies.renameTerm(slug: slug, in: list, name: name)
        } else {
            try await dependencies.taxonomies.renameTheme(slug: slug, name: name, description: form["description"] ?? "")
        }
        try await audit(context, "\(slug) hernoemd tot ‘\(name)’")
        return Response.redirect(to: "/beheer/taxonomie?melding=opgeslagen", type: .normal)
    }

    private func renderTaxonomy(
        _ request: Request, context: AppRequestContext, errors: FieldErrors = FieldErrors(), status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let taxonomy = try await dependencies.store.taxonomy()
        let messages = pages.messages(context)
        let lists: [[String: Any]] = TermList.allCases.map { list in
            let terms: [Term] = switch list {
            case .audiences: taxonomy.audiences
            case .knowledgeKinds: taxonomy.knowledgeKinds
            case .recognitionLevels: taxonomy.recognitionLevels
            }
            return ["value": list.rawValue, "label": messages.text("staff.termList.\(list.rawValue)"), "terms": terms.map { ["slug": $0.slug, "name": $0.name, "list": list.rawValue] }]
        }
        return try pages.render("taxonomy", title: messages.text("staff.taxonomy.heading"), section: "/beheer/taxonomie", context: context, request: request,
                                status: status, [
                                    "themes": taxonomy.themes.map { ["slug": $0.slug, "name": $0.name, "description": $0.description,
                                                                     "parent": $0.parent ?? ""] },
                                    "parents": taxonomy.themes.filter { $0.parent == nil }.map { ["slug": $0.slug, "name": $0.name] },
                                    "lists": lists, "errors": errors.dictionary,
                                ])
    }

    /// A slug of lowercase letters, digits and hyphens, and a name.
    static func check(slug: String?, name: String?, messages: Messages) -> FieldErrors {
        var errors = FieldErrors()
        if let slug, !slug.isEmpty {
            if !ItemRules.isValidSlug(slug) || slug.count > 60 {
                errors.add(field: "slug", messages.text("staff.taxonomy.error.slugFormat"))
            }
        } else {
            errors.add(field: "slug", messages.text("staff.taxonomy.error.slugMissing"))
        }
        if (name ?? "").isEmpty || (name ?? "").count > 120 { errors.add(field: "name", messages.text("staff.taxonomy.error.nameMissing")) }
        return errors
    }

    private func audit(_ context: AppRequestContext, _ detail: String) async throws {
        try await dependencies.audit(.taxonomyChanged, by: context.editor.name, subject: "taxonomie", detail: detail)
    }
}
