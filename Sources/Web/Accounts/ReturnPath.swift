/// The local path to come back to after signing in: only a path on this site, never `//other.site`.
enum ReturnPath {
    static func sanitize(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.count < 500,
              !raw.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return "/beheer" }
        return raw
    }
}
