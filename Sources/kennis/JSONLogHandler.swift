import Domain
import Foundation
import Logging

/// Writes one JSON object per log line to standard error, for log collectors.
///
/// ```json
/// {"time":"2026-11-29T10:00:00Z","level":"info","logger":"kennis","message":"Request","hb.request.id":"…"}
/// ```
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var members: [(String, OrderedJSON)] = [
            ("time", .string(Timestamp.format(Date()))),
            ("level", .string(event.level.rawValue)),
            ("logger", .string(label)),
            ("message", .string(event.message.description)),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            members.append((key, .string(merged[key]!.description)))
        }
        let line = OrderedJSON.object(members).text + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
