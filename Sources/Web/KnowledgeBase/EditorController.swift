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
    let form = ItemForm(dates: LocalDates())
    let dates = LocalDates()

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
        let messages = pages.messages(context)
        let filters = ([nil] + ItemStatus.allCases.map(Optional.some)).map { option -> [String: Any] in
            ["label": option.map { messages.name(of: $0).capitalizedFirstLetter } ?? messages.text("staff.items.allStatuses"),
             "value": option?.rawValue ?? "", "selected": option == status]
        }
        let base = "/beheer/items?status=\(status?.rawValue ?? "")&q=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try pages.render("items", title: messages.text("staff.items.heading"), section: "/beheer/items", context: context, request: request, [
            "items": page.items.map { row($0, messages: messages) }, "total": page.total, "q": text, "filters": filters,
            "pagination": PaginationView(page, messages: messages) { "\(base)&pagina=\($0)" } as Any,
        ])
    }

    func reviewQueue(_ request: Request, context: AppRequestContext) async throws -> HTML {
        var query = ItemQuery(page: PageRequest(number: 1, size: 100))
        query.statuses = [.terReview]
        query.recentlyChangedFirst = true
        let items = try await store.items(query).items
        let messages = pages.messages(context)
        var rows: [[String: Any]] = []
        for item in items {
            var row = row(item, messages: messages)
            let last = try await editorial.lastEditor(slug: item.content.slug)
            row["lastEditor"] = last?.name ?? messages.text("staff.review.unknownEditor")
            row["mine"] = last?.accountID != nil && last?.accountID == context.account?.id
            rows.append(row)
        }
        return try pages.render("review", title: messages.text("staff.review.heading"), section: "/beheer/review", context: context, request: request,
                                ["items": rows, "fourEyes": try await dependencies.settings.settings().fourEyes])
    }

    func newForm(_ request: Request, context: AppRequestContext) async throws -> HTML {
        var values: [String: Any] = ["published": LocalDates.isoDay(dependencies.clock.now(), dates: dates), "language": "nl", "type": "artikel"]
        values["themes"] = [String]()
        return try await renderForm(values: values, errors: FieldErrors(), item: nil, context: context, request: request)
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let submitted = try requireForm(context)
        let taxonomy = try await store.taxonomy()
        let messages = pages.messages(context)
        let (content, errors) = form.read(submitted, status: .concept, taxonomy: taxonomy, messages: messages)
        guard let content else {
            return try await renderForm(values: form.values(for: submitted), errors: errors, item: nil, context: context, request: request,
                                        status: .unprocessableContent).response(from: request, context: context)
        }
        do {
            _ = try await editorial.create(content, by: context.editor)
        } catch DomainError.conflict {
            var errors = errors
            errors.add(field: "slug", messages.text("staff.itemForm.error.slugTaken"))
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
        let messages = pages.messages(context)
        var (content, errors) = form.read(submitted, status: item.content.status, taxonomy: try await store.taxonomy(), messages: messages)
        if content?.slug != item.content.slug, content != nil {
            errors.add(field: "slug", messages.text("staff.itemForm.error.slugFixed"))
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
            errors.add(field: "title", messages.text("staff.itemForm.error.conflict"))
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
            errors.add(field: "moment", pages.messages(context).text("staff.itemForm.error.futureMoment"))
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
            errors.add(field: "bevestig", pages.messages(context).text("staff.itemForm.error.confirmDelete"))
            return try await renderForm(values: form.values(for: item.content), errors: errors, item: item, context: context,
                                        request: request, status: .unprocessableContent).response(from: request, context: context)
        }
        try await editorial.delete(slug: item.content.slug, by: context.editor)
        return Response.redirect(to: "/beheer/items?melding=verwijderd", type: .normal)
    }

    func preview(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await site.itemPage(try await requireItem(context), preview: true, request: request, context: context)
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

    private func row(_ item: KnowledgeItem, messages: Messages) -> [String: Any] {
        let dates = LocalDates(language: messages.language)
        return ["slug": item.content.slug, "title": item.content.title, "type": messages.name(of: item.content.type),
                "status": messages.name(of: item.content.status), "statusValue": item.content.status.rawValue,
                "updated": "\(dates.day(of: item.updated)), \(dates.time(item.updated))"]
    }

    private func renderForm(
        values: [String: Any], errors: FieldErrors, item: KnowledgeItem?, context: AppRequestContext, request: Request,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTML {
        let taxonomy = try await store.taxonomy()
        let messages = pages.messages(context)
        var fields = values.merging(form.choices(values, taxonomy: taxonomy, messages: messages)) { first, _ in first }
        fields["errors"] = errors.dictionary
        fields["errorSummary"] = errors.summary(order: ItemForm.order + ["bestand", "moment", "bevestig"])
        fields["hasErrors"] = !errors.isEmpty
        fields["isEvent"] = values["type"] as? String == ItemType.evenement.rawValue
        fields["isIntervention"] = values["type"] as? String == ItemType.interventie.rawValue
        guard let item else {
            fields["action"] = "/beheer/items"
            return try pages.render("item-form", title: messages.text("staff.common.newItem"), section: "/beheer/items", context: context, request: request,
                                    status: status, fields)
        }
        let slug = item.content.slug
        let revision = try await store.currentRevision(slug: slug)
        let lastEditor = try await editorial.lastEditor(slug: slug)
        let fourEyes = try await dependencies.settings.settings().fourEyes
        let blocked = fourEyes && lastEditor?.accountID != nil && lastEditor?.accountID == context.account?.id
        fields["action"] = "/beheer/items/\(slug)"
        fields["item"] = [
            "slug": slug, "title": item.content.title, "status": messages.name(of: item.content.status), "revision": revision,
            "isPublic": item.content.status.isPublic, "published": item.content.status == .gepubliceerd,
            "lastEditor": lastEditor?.name ?? "", "publishBlocked": blocked,
        ] as [String: Any]
        fields["transitions"] = EditorialWorkflow.targets(from: item.content.status).map { target -> [String: Any] in
            ["value": target.rawValue, "label": Self.buttonLabel(target, messages: messages), "disabled": target == .gepubliceerd && blocked]
        }
        fields["fourEyes"] = fourEyes
        if let planned = try await dependencies.schedule.scheduled(slug: slug) {
            let localDates = LocalDates(language: context.language)
            let when = messages.text("staff.itemForm.scheduledTime", localDates.date(planned.at), localDates.time(planned.at))
            fields["scheduled"] = ["when": when, "by": planned.by.name,
                                   "notice": messages.text("staff.itemForm.scheduled", when, planned.by.name)]
        }
        fields["attachments"] = try await dependencies.attachments.attachments(ofItem: slug).map { attachment -> [String: Any] in
            ["id": attachment.id, "filename": attachment.filename, "url": AttachmentDownloadController.url(of: attachment),
             "kind": messages.text("staff.attachmentKind.\(attachment.kind.rawValue)"), "size": AttachmentUpload.describe(attachment.size), "downloads": attachment.downloads,
             "text": Self.textStatus(attachment.textStatus, messages: messages)]
        }
        fields["uploadLimit"] = AttachmentUpload.describe(upload.limit)
        return try pages.render("item-form", title: messages.text("staff.itemForm.editTitle", item.content.title), section: "/beheer/items", context: context,
                                request: request, status: status, fields)
    }

    static func buttonLabel(_ status: ItemStatus, messages: Messages) -> String {
        messages.text("staff.itemForm.transition.\(status.rawValue)")
    }

    /// Empty for a kind whose text is not read, so the template leaves it out.
    static func textStatus(_ status: Attachment.TextStatus, messages: Messages) -> String {
        switch status {
        case .none: ""
        case .pending: messages.text("staff.itemForm.textStatus.pending")
        case .done: messages.text("staff.itemForm.textStatus.done")
        case .failed: messages.text("staff.itemForm.textStatus.failed")
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

extension LocalDates {
    /// `2026-11-29`: today in the institute's time zone, for a new item's publication date.
    static func isoDay(_ date: Date, dates: LocalDates) -> String {
        let parts = dates.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
