import Domain
import Foundation
import NIOPosix

/// Extracts a PDF's text with poppler's `pdftotext` (Debian package poppler-utils).
///
/// The PDF goes through a temporary file, and the program is stopped after ``timeout``, so one hostile or
/// enormous PDF cannot hang the job runner.
public struct PdfToTextExtractor: TextExtractor {
    let executable: String
    let timeout: Duration

    public init(executable: String = "/usr/bin/pdftotext", timeout: Duration = .seconds(60)) {
        self.executable = executable
        self.timeout = timeout
    }

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    public var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    public func text(of bytes: [UInt8], kind: AttachmentKind) async throws -> String? {
        guard kind == .pdf else { return nil }
        guard isAvailable else { throw Failed(description: "\(executable) is missing; install poppler-utils") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennis-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf"), output = folder.appendingPathComponent("out.txt")
        try Data(bytes).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-q", "-enc", "UTF-8", input.path, output.path]
        let status = try await run(process)
        guard status == 0 else { throw Failed(description: "pdftotext exited with status \(status)") }
        let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        // pdftotext separates pages with form feeds.
        return text.replacingOccurrences(of: "\u{0C}", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func run(_ process: Process) async throws -> Int32 {
        try await withThrowingTaskGroup(of: Int32.self) { group in
            group.addTask {
                try await withCheckedThrowingContinuation { continuation in
                    process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                    do { try process.run() } catch { continuation.resume(throwing: error) }
                }
            }
            group.addTask { [timeout] in
                try await Task.sleep(for: timeout)
                process.terminate()
                throw Failed(description: "pdftotext took longer than \(timeout)")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
