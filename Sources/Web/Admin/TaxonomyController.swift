import Domain
import Foundation
import Hummingbird

/// The administrators' lists: the taxonomy (`/beheer/taxonomie`), search synonyms (`/beheer/synoniemen`)
/// and the platform settings (`/beheer/instellingen`, with "vier ogen").
struct TaxonomyController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("taxonomie", use: taxonomy)
        group.post("taxonomie/thema", use: addTheme)
        group.post("taxonomie/term", use: addTerm)
        group.post("taxonomie/hernoemen", use: rename)
        group.get("synoniemen", use: synonyms)
        group.post("synoniemen", use: addSynonyms)
        group.post("synoniemen/verwijderen", use: removeSynonym)
        group.get("instellingen", use: settings)
        group.post("instellingen", use: saveSettings)
    }

    // MARK: Taxonomy

    func taxonomy(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await renderTaxonomy(request, context: context)
    }

    func addTheme(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form ?? SubmittedForm(fields: [:])
        var errors = Self.check(slug: form["slug"], name: form["name"])
        let parent = form["parent"].flatMap { $0.isEmpty ? nil : $0 }
        if errors.isEmpty {
            do {
                try await dependencies.taxonomies.addTheme(Theme(slug: form["slug"]!, name: form["name"]!,
                                                                 description: form["description"] ?? "", parent: parent))
            } catch DomainError.conflict {
                errors.add(field: "slug", "Dit adres is al in gebruik.")
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
        var errors = Self.check(slug: form["slug"], name: form["name"])
        if errors.isEmpty {
            do {
                try await dependencies.taxonomies.addTerm(Term(slug: form["slug"]!, name: form["name"]!), to: list)
            } catch DomainError.conflict {
                errors.add(field: "slug", "Dit adres is al in gebruik.")
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
        let lists: [[String: Any]] = TermList.allCases.map { list in
            let terms: [Term] = switch list {
            case .audiences: taxonomy.audiences
            case .knowledgeKinds: taxonomy.knowledgeKinds
            case .recognitionLevels: taxonomy.recognitionLevels
            }
            return ["value": list.rawValue, "label": list.dutchName, "terms": terms.map { ["slug": $0.slug, "name": $0.name, "list": list.rawValue] }]
        }
        return try pages.render("taxonomy", title: "Taxonomie", section: "/beheer/taxonomie", context: context, request: request,
                                status: status, [
                                    "themes": taxonomy.themes.map { ["slug": $0.slug, "name": $0.name, "description": $0.description,
                                                                     "parent": $0.parent ?? ""] },
                                    "parents": taxonomy.themes.filter { $0.parent == nil }.map { ["slug": $0.slug, "name": $0.name] },
                                    "lists": lists, "errors": errors.dictionary,
                                ])
    }

    /// A slug of lowercase letters, digits and hyphens, and a name.
    static func check(slug: String?, name: String?) -> FieldErrors {
        var errors = FieldErrors()
        if let slug, !slug.isEmpty {
            if !ItemRules.isValidSlug(slug) || slug.count > 60 {
                errors.add(field: "slug", "Het adres mag alleen kleine letters, cijfers en enkele koppeltekens bevatten (maximaal 60 tekens).")
            }
        } else {
            errors.add(field: "slug", "Het adres is verplicht.")
        }
        if (name ?? "").isEmpty || (name ?? "").count > 120 { errors.add(field: "name", "Een naam is verplicht (maximaal 120 tekens).") }
        return errors
    }

    // MARK: Synonyms

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
            for issue in issues { errors.add(field: "words", "Woorden \(issue.dutch).") }
            return try await renderSynonyms(request, context: context, errors: errors, words: context.form?["words"] ?? "",
                                            status: .unprocessableContent).response(from: request, context: context)
        }
        try await dependencies.audit.record(AuditEntry(at: dependencies.clock.now(), actor: context.editor.name, action: .synonymsChanged,
                                                       subject: words.joined(separator: ", "), detail: "groep toegevoegd"))
        return Response.redirect(to: "/beheer/synoniemen?melding=opgeslagen", type: .normal)
    }

    func removeSynonym(_ request: Request, context: AppRequestContext) async throws -> Response {
        let word = context.form?["word"] ?? ""
        try await dependencies.synonyms.remove(word)
        try await dependencies.audit.record(AuditEntry(at: dependencies.clock.now(), actor: context.editor.name, action: .synonymsChanged,
                                                       subject: word, detail: "uit groep gehaald"))
        return Response.redirect(to: "/beheer/synoniemen?melding=opgeslagen", type: .normal)
    }

    private func renderSynonyms(
        _ request: Request, context: AppRequestContext, errors: FieldErrors = FieldErrors(), words: String = "",
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let groups = try await dependencies.synonyms.groups()
        return try pages.render("synonyms", title: "Synoniemen", section: "/beheer/synoniemen", context: context, request: request,
                                status: status, ["groups": groups.map { ["words": $0] }, "errors": errors.dictionary, "words": words])
    }

    // MARK: Settings

    func settings(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let settings = try await dependencies.settings.settings()
        return try pages.render("settings", title: "Instellingen", section: "/beheer/instellingen", context: context, request: request,
                                ["fourEyes": settings.fourEyes])
    }

    func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fourEyes = context.form?["fourEyes"] == "1"
        try await dependencies.settings.save(PlatformSettings(fourEyes: fourEyes))
        try await dependencies.audit.record(AuditEntry(at: dependencies.clock.now(), actor: context.editor.name, action: .settingsChanged,
                                                       subject: "vier ogen", detail: fourEyes ? "aan" : "uit"))
        return Response.redirect(to: "/beheer/instellingen?melding=opgeslagen", type: .normal)
    }

    private func audit(_ context: AppRequestContext, _ detail: String) async throws {
        try await dependencies.audit.record(AuditEntry(at: dependencies.clock.now(), actor: context.editor.name, action: .taxonomyChanged,
                                                       subject: "taxonomie", detail: detail))
    }
}
