import Domain
import DutchLanguage

/// An item before and after a write; nil for "did not exist" and "no longer exists".
struct IndexChange: Sendable {
    let itemID: String
    let before: ItemContent?
    let after: ItemContent?
    /// The text of the item's attachments, indexed with the body.
    var beforeText: String? = nil
    var afterText: String? = nil
    /// `after`, already analyzed (see ``IndexChange/analyze(_:cache:)``).
    var prepared: IndexedDocument? = nil

    /// Analyzes the published items among `contents` by slug, off the writer, so that a bulk import can
    /// analyze the next batch on one core while the database writes this one on the other.
    static func analyze(_ contents: [ItemContent], cache: StemCache) -> Task<(documents: [String: IndexedDocument], cache: StemCache), Never> {
        Task {
            var cache = cache
            var documents: [String: IndexedDocument] = [:]
            let analyzer = DutchAnalyzer()
            for content in contents where content.status == .gepubliceerd {
                documents[content.slug] = IndexedDocument(itemID: "", content: content, analyzer: analyzer, cache: &cache)
            }
            return (documents, cache)
        }
    }
}
