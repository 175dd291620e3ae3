import Foundation
import HummingbirdCore

/// The query string as an HTML form sends it (`application/x-www-form-urlencoded`): a `+` is a space.
///
/// Hummingbird's `queryParameters` percent-decodes but keeps `+`, so a query typed into the search box
/// as `statushouders -werk` would arrive as one word `statushouders+-werk`. A literal plus arrives as `%2B`.
enum FormQuery {
    static func parameters(_ uri: URI) -> FlatDictionary<Substring, Substring> {
        guard let query = uri.query, !query.isEmpty else { return FlatDictionary() }
        return FlatDictionary(query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (key: decode(parts[0])[...], value: decode(parts.count > 1 ? parts[1] : "")[...])
        })
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
