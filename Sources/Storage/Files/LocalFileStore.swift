import Crypto
import Domain
import Foundation
import NIOPosix

/// Files in a folder, named by their SHA-256 and fanned out by its first two characters
/// (`data/files/ab/abcdef…`), so no folder holds too many.
///
/// A file is written to a temporary name and renamed into place, so a reader never sees half a file.
public struct LocalFileStore: FileStore {
    let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func put(_ bytes: [UInt8]) async throws -> String {
        let root = self.root
        return try await NIOThreadPool.singleton.runIfActive {
            let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            let target = Self.path(of: hash, in: root)
            guard !FileManager.default.fileExists(atPath: target.path) else { return hash }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(hash).\(UUID().uuidString).part")
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
            return hash
        }
    }

    public func get(_ sha256: String) async throws -> [UInt8]? {
        guard Self.isHash(sha256) else { return nil }
        let url = Self.path(of: sha256, in: root)
        return try await NIOThreadPool.singleton.runIfActive {
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return [UInt8](try Data(contentsOf: url))
        }
    }

    public func delete(_ sha256: String) async throws {
        guard Self.isHash(sha256) else { return }
        let url = Self.path(of: sha256, in: root)
        try await NIOThreadPool.singleton.runIfActive {
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
    }

    /// Only 64 hex characters reach the file system, so a crafted name cannot walk out of the folder.
    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func path(of hash: String, in root: URL) -> URL {
        root.appendingPathComponent(String(hash.prefix(2))).appendingPathComponent(hash)
    }
}
