import Foundation
/// A `LIKE` pattern that matches `text` anywhere, with `%`, `_` and `\` in the text taken literally
/// (use with `ESCAPE '\'`).
enum LikePattern {
    static func containing(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
