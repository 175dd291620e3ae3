import Domain
import Foundation
import SQLKit

/// The WHERE and ORDER BY of an ``ItemQuery``, with every value bound, never spliced.
struct ItemFilter {
    let predicate: any SQLExpression
    private(set) var order: any SQLExpression

    init(_ query: ItemQuery) {
        var conditions: [any SQLExpression] = []
        conditions.append(SQLQueryString("status IN (\(binds: query.statuses.map(\.rawValue)))"))
        if !query.types.isEmpty {
            conditions.append(SQLQueryString("type IN (\(binds: query.types.map(\.rawValue)))"))
        }
        if !query.themes.isEmpty {
            conditions.append(SQLQueryString(
                "EXISTS (SELECT 1 FROM item_themes l WHERE l.item_id = items.id AND l.theme IN (\(binds: query.themes)))"))
        }
        if !query.audiences.isEmpty {
            conditions.append(SQLQueryString(
                "EXISTS (SELECT 1 FROM item_audiences l WHERE l.item_id = items.id AND l.audience IN (\(binds: query.audiences)))"))
        }
        if !query.knowledge.isEmpty {
            conditions.append(SQLQueryString("knowledge IN (\(binds: query.knowledge))"))
        }
        if !query.years.isEmpty {
            let ranges: [any SQLExpression] = query.years.map { year in
                SQLQueryString("(published >= \(bind: "\(year)-01-01") AND published <= \(bind: "\(year)-12-31"))")
            }
            conditions.append(SQLGroupExpression(SQLList(ranges, separator: SQLRaw(" OR "))))
        }
        if let text = query.titleContains?.lowercased(), !text.isEmpty {
            let pattern = LikePattern.containing(text)
            conditions.append(SQLQueryString("LOWER(title) LIKE \(bind: pattern) ESCAPE '\\'"))
        }
        switch query.timing {
        case .any:
            order = SQLRaw("published DESC, slug ASC")
        case .upcoming(let moment):
            conditions.append(SQLQueryString("event_end IS NOT NULL AND event_end >= \(bind: Timestamp.format(moment))"))
            order = SQLRaw("event_start ASC, slug ASC")
        case .past(let moment):
            conditions.append(SQLQueryString("event_end IS NOT NULL AND event_end < \(bind: Timestamp.format(moment))"))
            order = SQLRaw("event_start DESC, slug ASC")
        }
        if query.recentlyChangedFirst, case .any = query.timing { order = SQLRaw("updated_at DESC, slug ASC") }
        predicate = SQLList(conditions, separator: SQLRaw(" AND "))
    }
}
