import Domain
import SQLKit
import Synchronization

/// The facet values of one document in one text: type, knowledge kind, recognition level, year, themes
/// and audiences, separated by tabs (lists by spaces), as `search_documents.facets` stores them.
struct FacetKey: Hashable, Sendable {
    var type: String
    var knowledge: String
    var recognition: String
    var year: String
    var themes: [String]
    var audiences: [String]

    init(_ content: ItemContent) {
        type = content.type.rawValue
        knowledge = content.knowledge ?? ""
        recognition = content.recognition ?? ""
        year = String(content.published.year)
        themes = content.themes.sorted()
        audiences = content.audiences.sorted()
    }

    init?(text: String) {
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 6 else { return nil }
        (type, knowledge, recognition, year) = (String(fields[0]), String(fields[1]), String(fields[2]), String(fields[3]))
        themes = fields[4].split(separator: " ").map(String.init)
        audiences = fields[5].split(separator: " ").map(String.init)
    }

    var text: String {
        [type, knowledge, recognition, year, themes.joined(separator: " "), audiences.joined(separator: " ")].joined(separator: "\t")
    }

    /// The values this document has for a facet. A theme counts for its ancestors too.
    func values(_ facet: FacetName, taxonomy: Taxonomy) -> [String] {
        switch facet {
        case .type: [type]
        case .knowledge: knowledge.isEmpty ? [] : [knowledge]
        case .recognition: recognition.isEmpty ? [] : [recognition]
        case .year: [year]
        case .audience: audiences
        case .theme:
            themes.reduce(into: [String]()) { values, theme in
                var current: String? = theme
                while let slug = current, !values.contains(slug) {
                    values.append(slug)
                    current = taxonomy.theme(slug)?.parent
                }
            }
        }
    }
}

/// Every indexed document's facet values, in this process's memory, so that counting the facets of a
/// search is a walk over its matches instead of a pass per facet value in SQL.
///
/// Document numbers only grow (a changed item gets a new number), so the table stays correct by
/// loading the documents above the highest number it knows whenever a search sees a higher one;
/// removed documents never match again, so their stale entries are never read. Several instances
/// on one PostgreSQL database each keep their own table this way.
final class FacetTable: Sendable {
    private struct State {
        var keys: [FacetKey] = []
        var keyNumbers: [String: Int32] = [:]
        /// Key number per document number; -1 for numbers not (yet) known.
        var documents: [Int32] = []
        var top = 0
    }

    private let state = Mutex(State())

    /// Loads the documents numbered above what the table knows, up to `top`.
    func refresh(upTo top: Int, db: any SQLDatabase) async throws {
        let known = state.withLock { $0.top }
        guard top > known else { return }
        struct Row: Decodable { let doc: Int, facets: String }
        let rows = try await db.raw("""
            SELECT doc, facets FROM search_documents WHERE doc > \(bind: known) AND doc <= \(bind: top) ORDER BY doc
            """).all(decoding: Row.self)
        state.withLock { state in
            // Idempotent: two searches that refresh at once write the same entries.
            for row in rows {
                guard let key = FacetKey(text: row.facets) else { continue }
                let number: Int32
                if let existing = state.keyNumbers[row.facets] {
                    number = existing
                } else {
                    number = Int32(state.keys.count)
                    state.keys.append(key)
                    state.keyNumbers[row.facets] = number
                }
                if row.doc >= state.documents.count {
                    state.documents.append(contentsOf: repeatElement(-1, count: row.doc - state.documents.count + 1))
                }
                state.documents[row.doc] = number
            }
            state.top = max(state.top, top)
        }
    }

    /// The documents grouped by their facet values, with how many share each.
    func groups(of documents: [Int]) -> [(key: FacetKey, count: Int)] {
        state.withLock { state in
            var counts = [Int](repeating: 0, count: state.keys.count)
            for document in documents where document < state.documents.count {
                let number = state.documents[document]
                if number >= 0 { counts[Int(number)] += 1 }
            }
            return counts.indices.compactMap { counts[$0] > 0 ? (state.keys[$0], counts[$0]) : nil }
        }
    }
}
