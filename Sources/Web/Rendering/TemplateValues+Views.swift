// The template field tables of the site's view models (see ``TemplateValues``).

extension PageShell: TemplateValues {
    static let templateFields: Fields = [
        "title": \.title, "description": \.description, "canonical": \.canonical, "stylesheet": \.stylesheet, "nav": \.nav,
        "showsSiteSearch": \.showsSiteSearch, "alternates": \.alternates,
    ]
}

extension PageShell.Alternate: TemplateValues {
    static let templateFields: Fields = ["label": \.label, "language": \.language, "url": \.url]
}

extension PageShell.NavLink: TemplateValues {
    static let templateFields: Fields = ["label": \.label, "url": \.url, "current": \.current]
}

extension LinkView: TemplateValues {
    static let templateFields: Fields = ["label": \.label, "url": \.url]
}

extension ItemCard: TemplateValues {
    static let templateFields: Fields = [
        "url": \.url, "title": \.title, "typeName": \.typeName, "summary": \.summary, "publishedText": \.publishedText,
        "publishedISO": \.publishedISO, "themes": \.themes, "foreignLanguage": \.foreignLanguage, "event": \.event,
        "level": \.level,
    ]
}

extension EventView: TemplateValues {
    static let templateFields: Fields = [
        "when": \.when, "startISO": \.startISO, "location": \.location, "online": \.online, "isPast": \.isPast,
    ]
}

extension ItemView: TemplateValues {
    static let templateFields: Fields = [
        "card": \.card, "typeURL": \.typeURL, "typePlural": \.typePlural, "bodyHTML": \.bodyHTML, "authors": \.authors,
        "audiences": \.audiences, "knowledge": \.knowledge, "recognition": \.recognition, "archived": \.archived,
        "updatedText": \.updatedText,
    ]
}

extension PaginationView: TemplateValues {
    static let templateFields: Fields = ["text": \.text, "previousURL": \.previousURL, "nextURL": \.nextURL]
}

extension SiteController.ItemPage: TemplateValues {
    static let templateFields: Fields = [
        "shell": \.shell, "item": \.item, "attachments": \.attachments, "previewStatus": \.previewStatus,
    ]
}

extension SiteController.AttachmentLink: TemplateValues {
    static let templateFields: Fields = ["url": \.url, "filename": \.filename, "description": \.description]
}

extension SiteController.ListingPage: TemplateValues {
    static let templateFields: Fields = [
        "shell": \.shell, "heading": \.heading, "introduction": \.introduction, "related": \.related, "items": \.items,
        "count": \.count, "pagination": \.pagination,
    ]
}

extension SiteController.HomePage: TemplateValues {
    static let templateFields: Fields = [
        "shell": \.shell, "latest": \.latest, "themes": \.themes, "upcoming": \.upcoming, "types": \.types,
    ]
}

extension SiteController.HomePage.ThemeBlock: TemplateValues {
    static let templateFields: Fields = [
        "name": \.name, "description": \.description, "url": \.url, "headingID": \.headingID, "items": \.items,
    ]
}

extension SiteController.ThemesPage: TemplateValues {
    static let templateFields: Fields = ["shell": \.shell, "themes": \.themes]
}

extension SiteController.ThemesPage.Entry: TemplateValues {
    static let templateFields: Fields = ["name": \.name, "description": \.description, "url": \.url, "children": \.children]
}

extension SiteController.AgendaPage: TemplateValues {
    static let templateFields: Fields = [
        "shell": \.shell, "upcoming": \.upcoming, "moreUpcoming": \.moreUpcoming, "past": \.past, "pagination": \.pagination,
    ]
}

extension ErrorMiddleware.ErrorPage: TemplateValues {
    static let templateFields: Fields = ["shell": \.shell, "heading": \.heading, "message": \.message, "requestID": \.requestID]
}
