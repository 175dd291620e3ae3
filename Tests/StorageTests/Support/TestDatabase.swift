import Domain
import Foundation
import Storage

/// Item content with sensible defaults; tests override what they are about.
func content(
    _ slug: String, type: ItemType = .artikel, themes: [String] = ["participatie"], audiences: [String] = [],
    knowledge: String? = nil, published: String = "2026-01-15", status: ItemStatus = .gepubliceerd,
    event: EventDetails? = nil, recognition: String? = nil
) -> ItemContent {
    ItemContent(
        slug: slug, type: type, title: "Titel \(slug)", summary: "Samenvatting \(slug).", body: "Tekst van \(slug).",
        themes: themes, audiences: audiences, knowledge: knowledge, published: Day(published)!,
        authors: ["Auteur A", "Auteur B"], status: status, recognition: recognition, event: event)
}
