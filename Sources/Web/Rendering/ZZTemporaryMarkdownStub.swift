import Foundation
// TEMPORARY: replaced by the real renderer before commit.
package struct MarkdownRenderer: Sendable {
    package init(headingOffset: Int = 1) {}
    package func render(_ markdown: String) -> String {
        "<p>" + markdown.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") + "</p>"
    }
}
