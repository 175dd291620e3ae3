/// Escaping for HTML text and attribute values, shared by the Markdown renderer and search snippets.
///
/// It works per Unicode scalar, not per `Character`: a prepended mark (U+0600) forms one Character with
/// a following `<`, which a per-Character comparison would let through unescaped.
///
/// ```swift
/// HTMLEscaping.escape("<b>vet</b> & meer")   // "&lt;b&gt;vet&lt;/b&gt; &amp; meer"
/// ```
public enum HTMLEscaping {
    public static func escape(_ scalar: Unicode.Scalar, into html: inout String) {
        switch scalar {
        case "&": html += "&amp;"
        case "<": html += "&lt;"
        case ">": html += "&gt;"
        case "\"": html += "&quot;"
        case "'": html += "&#39;"
        case "\0": html.unicodeScalars.append("\u{FFFD}")
        default: html.unicodeScalars.append(scalar)
        }
    }

    public static func escape<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars, into html: inout String) {
        for scalar in scalars { escape(scalar, into: &html) }
    }

    public static func escape(_ text: String) -> String {
        var html = ""
        html.reserveCapacity(text.utf8.count)
        escape(text.unicodeScalars, into: &html)
        return html
    }
}
