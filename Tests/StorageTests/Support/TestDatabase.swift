import Domain
import Foundation
import Logging
import Storage

/// A fresh SQLite database in its own temporary folder, removed afterwards.
///
/// ```swift
/// try await withTestDatabase { database in … }
/// ```
func withTestDatabase<T>(migrate: Bool = true, _ body: (Database) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kennis-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let database = try await Database.open(.sqlite(path: folder.appendingPathComponent("kennis.sqlite").path), logger: logger)
    do {
        if migrate { try await Migrator().migrate(database) }
        let result = try await body(database)
        try await database.close()
        return result
    } catch {
        try? await database.close()
        throw error
    }
}

/// Item content with sensible defaults; tests override what they are about.
func content(
    _ slug: String, type: ItemType = .artikel, themes: [String] = ["participatie"], audiences: [String] = [],
    knowledge: String? = nil, published: String = "2026-01-15", status: ItemStatus = .gepubliceerd,
    event: EventDetails? = nil, recognition: String? = nil
) -> ItemContent {
    ItemContent(
        slug: slug, type: type, title: "Titel \(slug)", summary: "Samenvatting \(slug).", body: "Tekst van \(slug).",
        themes: themes, audiences: audiences, knowledge: knowledge, published: Day(published)!,
        authors: ["Auteur A", "Auteur B"], status: status, recognition: recognition, event: event)
}
