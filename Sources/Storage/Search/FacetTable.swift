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

    /// The values this document has for a facet, as stored (a theme without its ancestors).
    func values(_ facet: FacetName) -> [String] {
        switch facet {
        case .type: [type]
        case .knowledge: knowledge.isEmpty ? [] : [knowledge]
        case .recognition: recognition.isEmpty ? [] : [recognition]
        case .year: [year]
        case .audience: audiences
        case .theme: themes
        }
    }
}

/// What a search counts: for each distinct combination of facet values among its matches, the value
/// numbers per facet (in ``FacetName/allCases`` order) and how many matches have it; and the names of
/// the value numbers. Numbers instead of strings keep the counting to array operations.
struct FacetGroups {
    var values: [[[Int32]]]
    var counts: [Int]
    var names: [[String]]
}

/// Every indexed document's facet values, in this process's memory, so that counting the facets of a
/// search is a walk over its matches instead of a pass per facet value in SQL.
///
/// The table learns documents as searches meet them: the matches it does not know yet are loaded by
/// number before counting. A changed item gets a new document number, so a known number never changes
/// its values; removed documents no longer match, so their entries are never read again. That holds
/// with any commit order, so several instances on one PostgreSQL database each keep their own table.
final class FacetTable: Sendable {
    private struct State {
        /// Per key, per facet, the value numbers.
        var keys: [[[Int32]]] = []
        var keyNumbers: [String: Int32] = [:]
        /// Per facet, the value names by number, and the numbers by name.
        var names: [[String]] = Array(repeating: [], count: FacetName.allCases.count)
        var numbers: [[String: Int32]] = Array(repeating: [:], count: FacetName.allCases.count)
        /// Key number per document number; -1 for numbers not (yet) known.
        var documents: [Int32] = []

        func knows(_ document: Int) -> Bool {
            document < documents.count && documents[document] >= 0
        }

        mutating func intern(_ key: FacetKey) -> [[Int32]] {
            FacetName.allCases.enumerated().map { facet, name in
                key.values(name).map { value in
                    if let number = numbers[facet][value] { return number }
                    let number = Int32(names[facet].count)
                    names[facet].append(value)
                    numbers[facet][value] = number
                    return number
                }
            }
        }
    }

    private let state = Mutex(State())
    /// Documents loaded per statement.
    static let batchSize = 5_000

    /// Loads the facet values of the given documents that the table does not know yet.
    func learn(_ documents: [Int], db: any SQLDatabase) async throws {
        let unknown = state.withLock { state in documents.filter { !state.knows($0) } }
        struct Row: Decodable { let doc: Int, facets: String }
        for batch in unknown.chunked(by: Self.batchSize) {
            let rows = try await db.raw("SELECT doc, facets FROM search_documents WHERE doc IN (\(binds: batch))")
                .all(decoding: Row.self)
            state.withLock { state in
                // Idempotent: two searches that load the same documents write the same entries.
                for row in rows {
                    guard let key = FacetKey(text: row.facets) else { continue }
                    let number: Int32
                    if let existing = state.keyNumbers[row.facets] {
                        number = existing
                    } else {
                        number = Int32(state.keys.count)
                        state.keys.append(state.intern(key))
                        state.keyNumbers[row.facets] = number
                    }
                    if row.doc >= state.documents.count {
                        state.documents.append(contentsOf: repeatElement(-1, count: row.doc - state.documents.count + 1))
                    }
                    state.documents[row.doc] = number
                }
            }
        }
    }

    /// The documents grouped by their facet values, with how many share each.
    func groups(of documents: [Int]) -> FacetGroups {
        state.withLock { state in
            var counts = [Int](repeating: 0, count: state.keys.count)
            for document in documents where state.knows(document) {
                counts[Int(state.documents[document])] += 1
            }
            var values: [[[Int32]]] = [], found: [Int] = []
            for key in counts.indices where counts[key] > 0 {
                values.append(state.keys[key])
                found.append(counts[key])
            }
            return FacetGroups(values: values, counts: found, names: state.names)
        }
    }
}
