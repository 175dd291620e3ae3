import Foundation

/// Reads and validates a whole JSON Lines file before anything is written, so an import is all or nothing.
///
/// ```swift
/// let result = ImportFile.read(data, taxonomy: taxonomy)
/// // .failure([LineIssue(line: 3, field: "type", message: "unknown value 'blog' …")])
/// ```
public enum ImportFile {
    /// One problem in an import file: the line it is on and, when known, the field.
    public struct LineIssue: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var field: String?
        public var message: String

        public init(line: Int, field: String?, message: String) {
            self.line = line
            self.field = field
            self.message = message
        }

        public var description: String {
            "line \(line)" + (field.map { ", field '\($0)'" } ?? "") + ": \(message)"
        }
    }

    public struct Failure: Error, Equatable, Sendable {
        public var issues: [LineIssue]
    }

    /// Parses every non-blank line. Reports every faulty line (each with all its field issues) and slugs
    /// that occur twice in the file.
    public static func read(
        _ data: Data, taxonomy: Taxonomy, progress: ((Int, Int) -> Void)? = nil
    ) -> Result<[ItemContent], Failure> {
        let reader = ItemInputReader(taxonomy: taxonomy)
        let decoder = JSONDecoder()
        var contents: [ItemContent] = []
        var issues: [LineIssue] = []
        var lineOfSlug: [String: Int] = [:]
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            progress?(lineNumber, lines.count)
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            guard String(data: Data(line), encoding: .utf8) != nil else {
                issues.append(LineIssue(line: lineNumber, field: nil, message: "not valid UTF-8"))
                continue
            }
            let value: JSONValue
            do {
                value = try decoder.decode(JSONValue.self, from: Data(line))
            } catch {
                issues.append(LineIssue(line: lineNumber, field: nil, message: "malformed JSON (\(describe(error)))"))
                continue
            }
            guard case .object(let object) = value else {
                issues.append(LineIssue(line: lineNumber, field: nil, message: "expected a JSON object, found \(value.kindName)"))
                continue
            }
            switch reader.read(object) {
            case .success(let content):
                if let first = lineOfSlug[content.slug] {
                    issues.append(LineIssue(line: lineNumber, field: "slug", message: "'\(content.slug)' already appears on line \(first)"))
                } else {
                    lineOfSlug[content.slug] = lineNumber
                    contents.append(content)
                }
            case .failure(let failure):
                issues += failure.issues.map { LineIssue(line: lineNumber, field: $0.field, message: $0.english) }
            }
        }
        return issues.isEmpty ? .success(contents) : .failure(Failure(issues: issues))
    }

    private static func describe(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case .dataCorrupted(let context): return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        default: return "\(decodingError)"
        }
    }
}
