import Domain
import Foundation
import Hummingbird

/// The editors' pages for knowledge items under `/beheer/items`: the list with status filter and search,
/// create and edit with the errors next to the fields, the workflow buttons, planning, preview and delete.
///
/// Authorization: the role redacteur (see ``BeheerRoutes``).
struct EditorController: Sendable {
    let dependencies: AppDependencies
    let pages: StaffPages
    let site: SiteController
    let upload: AttachmentUpload
    let form = ItemForm(dates: DutchDates())
    let dates = DutchDates()

    var store: any KnowledgeStore { dependencies.store }
    var editorial: Editorial { dependencies.editorial }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("items", use: list)
        group.get("review", use: reviewQueue)
        group.get("items/nieuw", use: newForm)
        group.post("items", use: create)
        group.get("items/:slug", use: edit)
        group.post("items/:slug", use: save)
        group.post("items/:slug/status", use: changeStatus)
        group.post("items/:slug/planning", use: schedule)
        group.post("items/:slug/planning/annuleren", use: cancelSchedule)
        group.post("items/:slug/verwijderen", use: delete)
        group.get("items/:slug/voorbeeld", use: preview)
        group.post("items/:slug/bijlagen", use: addAttachment)
        group.post("items/:slug/bijlagen/:id/verwijderen", use: removeAttachment)
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let parameters = request.uri.queryParameters
        let status = parameters["status"].flatMap { ItemStatus(rawValue: String($0)) }
        let text = parameters["q"].map { FormQuery.decode($0) }?.trimmingCharacters(in: .whitespaces) ?? ""
        let number = parameters["pagina"].flatMap { Int($0) } ?? 1
        var query = ItemQuery(page: PageRequest(number: number, size: 25))
        query.statuses = status.map { [$0] } ?? ItemStatus.allCases
        query.titleContains = text.isEmpty ? nil : text
        query.recentlyChangedFirst = true
        let page = try await store.items(query)
        let filters = ([nil] + ItemStatus.allCases.map(Optional.some)).map { option -> [String: Any] in
            ["label": option?.dutchName.capitalizedFirstLetter ?? "Alle", "value": option?.rawValue ?? "", "selected": option == status]
        }
        let base = "/beheer/items?status=\(status?.rawValue ?? "")&q=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try pages.render("items", title: "Kennisitems", section: "/beheer/items", context: context, request: request, [
            "items": page.items.map(row), "total": page.total, "q": text, "filters": filters,
            "pagination": PaginationView(page) { "\(base)&pagina=\($0)" } as Any,
        ])
    }

    func reviewQueue(_ request: Request, context: AppRequestContext) async throws -> HTML {
        var query = ItemQuery(page: PageRequest(number: 1, size: 100))
        query.statuses = [.terReview]
        query.recentlyChangedFirst = true
        let items = try await store.items(query).items
        var rows: [[String: Any]] = []
        for item in items {
            var row = row(item)
            let last = try await editorial.lastEditor(slug: item.content.slug)
            row["lastEditor"] = last?.name ?? "onbekend"
            row["mine"] = last?.accountID != nil && last?.accountID == context.account?.id
            rows.append(row)
        }
        return try pages.render("review", title: "Reviewwachtrij", section: "/beheer/review", context: context, request: request,
                                ["items": rows, "fourEyes": try await dependencies.settings.settings().fourEyes])
    }

    func newForm(_ request: Request, context: AppRequestContext) async throws -> HTML {
        var values: [String: Any] = ["published": DutchDates.isoDay(dependencies.clock.now(), dates: dates), "language": "nl", "type": "artikel"]
        values["themes"] = [String]()
        return try await renderForm(values: values, errors: FieldErrors(), item: nil, context: context, request: request)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let submitted = try requireForm(context)
        let taxonomy = try await store.taxonomy()
        let (content, errors) = form.read(submitted, status: .concept, taxonomy: taxonomy)
        guard let content else {
            return try await renderForm(values: form.values(for: submitted), errors: errors, item: nil, context: context, request: request,
                                        status: .unprocessableContent).response(from: request, context: context)
        }
        do {
            _ = try await editorial.create(content, by: context.editor)
        } catch DomainError.conflict {
            var errors = errors
            errors.add(field: "slug", "Er is al een kennisitem met dit adres. Kies een ander adres.")
            return try await renderForm(values: form.values(for: submitted), errors: errors, item: nil, context: context, request: request,
                                        status: .conflict).response(from: request, context: context)
        }
        return Response.redirect(to: "/beheer/items/\(content.slug)?melding=aangemaakt", type: .normal)
    }

    func edit(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let item = try await requireItem(context)
        return try await renderForm(values: form.values(for: item.content), errors: FieldErrors(), item: item, context: context, request: request)
    }

    func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await requireItem(context)
        let submitted = try requireForm(context)
        var (content, errors) = form.read(submitted, status: item.content.status, taxonomy: try await store.taxonomy())
        if content?.slug != item.content.slug, content != nil {
            errors.add(field: "slug", "Het adres van een bestaand item verandert niet: andere sites linken ernaar.")
            content = nil
        }
        guard let content else {
            return try await renderForm(values: form.values(for: submitted), errors: errors, item: item, context: context, request: request,
                                        status: .unprocessableContent).response(from: request, context: context)
        }
        let saved: KnowledgeItem
        do {
            saved = try await editorial.save(slug: item.content.slug, content: content, by: context.editor,
                                             expectedRevision: submitted["revisie"].flatMap(Int.init))
        } catch DomainError.conflict {
            // Someone saved in between: show the form again with this editor's text, so nothing typed is lost.
            var errors = FieldErrors()
            errors.add(field: "title", "Iemand anders heeft dit item intussen opgeslagen. Uw tekst staat hieronder nog; "
                + "vergelijk via ‘Versies’ en sla daarna opnieuw op.")
            var values = form.values(for: submitted)
            values["slug"] = item.content.slug
            let latest = try await requireItem(context)
            return try await renderForm(values: values, errors: errors, item: latest, context: context, request: request,
                                        status: .conflict).response(from: request, context: context)
        }
        let message = saved.content.status == .terReview && item.content.status.isPublic ? "review" : "opgeslagen"
        return Response.redirect(to: "/beheer/items/\(saved.content.slug)?melding=\(message)", type: .normal)
    }

    func changeStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await requireItem(context)
        let submitted = try requireForm(context)
        guard let target = submitted["status"].flatMap(ItemStatus.init) else {
            throw Problem.page(.badRequest, "Kies een geldige status.", english: "unknown status")
        }
        _ = try await editorial.changeStatus(slug: item.content.slug, to: target, by: context.editor,
                                             expectedRevision: submitted["revisie"].flatMap(Int.init))
        return Response.redirect(to: "/beheer/items/\(item.content.slug)?melding=\(target.rawValue)", type: .normal)
    }

    func schedule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await requireItem(context)
        let submitted = try requireForm(context)
        guard let moment = submitted["moment"].flatMap(dates.date(fromLocalInput:)), moment > dependencies.clock.now() else {
            var errors = FieldErrors()
            errors.add(field: "moment", "Kies een datum en tijd in de toekomst.")
            return try await renderForm(values: form.values(for: item.content), errors: errors, item: item, context: context,
                                        request: request, status: .unprocessableContent).response(from: request, context: context)
        }
        try await editorial.schedulePublication(slug: item.content.slug, at: moment, by: context.editor)
        return Response.redirect(to: "/beheer/items/\(item.content.slug)?melding=gepland", type: .normal)
    }

    func cancelSchedule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await requireItem(context)
        try await editorial.cancelPublication(slug: item.content.slug, by: context.editor)
        return Response.redirect(to: "/beheer/items/\(item.content.slug)?melding=planning-geannuleerd", type: .normal)
    }

    func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await requireItem(context)
        guard try requireForm(context)["bevestig"] == "1" else {
            var errors = FieldErrors()
            errors.add(field: "bevestig", "Vink aan dat u dit item definitief wilt verwijderen.")
            return try await renderForm(values: form.values(for: item.content), errors: errors, item: item, context: context,
                                        request: request, status: .unprocessableContent).response(from: request, context: context)
        }
        try await editorial.delete(slug: item.content.slug, by: context.editor)
        return Response.redirect(to: "/beheer/items?melding=verwijderd", type: .normal)
    }

    func preview(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await site.itemPage(try await requireItem(context), preview: true)
    }

    func addAttachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await requireItem(context)
        let submitted = try requireForm(context)
        do {
            let attachment = try await upload.add(submitted.file("bestand"), toItem: item.content.slug, by: context.editor)
            try await editorial.attachmentsChanged(slug: item.content.slug, by: context.editor, detail: "bijlage \(attachment.filename) toegevoegd")
        } catch let problem as Problem {
            var errors = FieldErrors()
            errors.add(field: "bestand", problem.page ?? problem.detail)
            return try await renderForm(values: form.values(for: item.content), errors: errors, item: item, context: context,
                                        request: request, status: problem.status).response(from: request, context: context)
        }
        return Response.redirect(to: "/beheer/items/\(item.content.slug)?melding=bijlage", type: .normal)
    }

    func removeAttachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let item = try await requireItem(context)
        let id = try context.parameters.require("id")
        guard let attachment = try await dependencies.attachments.attachment(id: id), attachment.itemID == item.id else {
            throw DomainError.notFound("bijlage '\(id)'")
        }
        try await dependencies.attachments.remove(id: id)
        if try await dependencies.attachments.references(toFile: attachment.sha256) == 0 {
            try await dependencies.files.delete(attachment.sha256)
        }
        try await dependencies.audit(.attachmentRemoved, by: context.editor.name, subject: item.content.slug, detail: attachment.filename)
        try await editorial.attachmentsChanged(slug: item.content.slug, by: context.editor, detail: "bijlage \(attachment.filename) verwijderd")
        return Response.redirect(to: "/beheer/items/\(item.content.slug)?melding=bijlage-verwijderd", type: .normal)
    }

    // MARK: - Rendering

    private func row(_ item: KnowledgeItem) -> [String: Any] {
        ["slug": item.content.slug, "title": item.content.title, "type": item.content.type.name,
         "status": item.content.status.dutchName, "statusValue": item.content.status.rawValue,
         "updated": "\(dates.day(of: item.updated)), \(dates.time(item.updated))"]
    }

    private func renderForm(
        values: [String: Any], errors: FieldErrors, item: KnowledgeItem?, context: AppRequestContext, request: Request,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let taxonomy = try await store.taxonomy()
        var fields = values.merging(form.choices(values, taxonomy: taxonomy)) { first, _ in first }
        fields["errors"] = errors.dictionary
        fields["errorSummary"] = errors.summary(order: ItemForm.order + ["bestand", "moment", "bevestig"])
        fields["hasErrors"] = !errors.isEmpty
        fields["isEvent"] = values["type"] as? String == ItemType.evenement.rawValue
        fields["isIntervention"] = values["type"] as? String == ItemType.interventie.rawValue
        guard let item else {
            fields["action"] = "/beheer/items"
            return try pages.render("item-form", title: "Nieuw kennisitem", section: "/beheer/items", context: context, request: request,
                                    status: status, fields)
        }
        let slug = item.content.slug
        let revision = try await store.currentRevision(slug: slug)
        let lastEditor = try await editorial.lastEditor(slug: slug)
        let fourEyes = try await dependencies.settings.settings().fourEyes
        let blocked = fourEyes && lastEditor?.accountID != nil && lastEditor?.accountID == context.account?.id
        fields["action"] = "/beheer/items/\(slug)"
        fields["item"] = [
            "slug": slug, "title": item.content.title, "status": item.content.status.dutchName, "revision": revision,
            "isPublic": item.content.status.isPublic, "published": item.content.status == .gepubliceerd,
            "lastEditor": lastEditor?.name ?? "", "publishBlocked": blocked,
        ] as [String: Any]
        fields["transitions"] = EditorialWorkflow.targets(from: item.content.status).map { target -> [String: Any] in
            ["value": target.rawValue, "label": Self.buttonLabel(target), "disabled": target == .gepubliceerd && blocked]
        }
        fields["fourEyes"] = fourEyes
        if let planned = try await dependencies.schedule.scheduled(slug: slug) {
            fields["scheduled"] = ["when": "\(dates.date(planned.at)), \(dates.time(planned.at)) uur", "by": planned.by.name]
        }
        fields["attachments"] = try await dependencies.attachments.attachments(ofItem: slug).map { attachment -> [String: Any] in
            ["id": attachment.id, "filename": attachment.filename, "url": AttachmentDownloadController.url(of: attachment),
             "kind": attachment.kind.dutchName, "size": AttachmentUpload.describe(attachment.size), "downloads": attachment.downloads,
             "text": Self.textStatus(attachment.textStatus)]
        }
        fields["uploadLimit"] = AttachmentUpload.describe(upload.limit)
        return try pages.render("item-form", title: "Bewerken: \(item.content.title)", section: "/beheer/items", context: context,
                                request: request, status: status, fields)
    }

    static func buttonLabel(_ status: ItemStatus) -> String {
        switch status {
        case .concept: "Terug naar concept"
        case .terReview: "Ter review aanbieden"
        case .gepubliceerd: "Publiceren"
        case .gearchiveerd: "Archiveren"
        }
    }

    static func textStatus(_ status: Attachment.TextStatus) -> String {
        switch status {
        case .none: ""
        case .pending: "tekst wordt gelezen"
        case .done: "tekst doorzoekbaar"
        case .failed: "tekst kon niet worden gelezen"
        }
    }

    private func requireItem(_ context: AppRequestContext) async throws -> KnowledgeItem {
        let slug = try context.parameters.require("slug")
        guard let item = try await store.item(slug: slug) else { throw DomainError.notFound("kennisitem '\(slug)'") }
        return item
    }

    private func requireForm(_ context: AppRequestContext) throws -> SubmittedForm {
        guard let form = context.form else { throw Problem.page(.badRequest, "Het formulier ontbreekt.", english: "no form") }
        return form
    }
}

extension DutchDates {
    /// `2026-11-29`: today in the institute's time zone, for a new item's publication date.
    static func isoDay(_ date: Date, dates: DutchDates) -> String {
        let parts = dates.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
