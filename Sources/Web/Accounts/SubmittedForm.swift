import Foundation

/// The fields (and files) of a submitted HTML form, whether sent url-encoded or as multipart.
struct SubmittedForm: Sendable {
    let fields: [String: [String]]
    let files: [MultipartForm.File]

    init(fields: [String: [String]], files: [MultipartForm.File] = []) {
        self.fields = fields
        self.files = files
    }

    /// Parses `application/x-www-form-urlencoded`, where `+` is a space.
    init(urlEncoded body: String) {
        var fields: [String: [String]] = [:]
        for pair in body.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields[FormQuery.decode(parts[0]), default: []].append(FormQuery.decode(parts.count > 1 ? parts[1] : ""))
        }
        self.init(fields: fields)
    }

    /// The first value of the field, trimmed; nil when absent.
    subscript(_ name: String) -> String? {
        fields[name]?.first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Every value of a repeated field (checkboxes), empty ones left out.
    func values(_ name: String) -> [String] {
        (fields[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The uploaded file of this field, if one was chosen.
    func file(_ name: String) -> MultipartForm.File? {
        files.first { $0.field == name }
    }
}
