import Foundation
import Mustache

/// All interface text, per language, read at start-up from `Resources/Messages/<language>/*.json`.
///
/// Each file is one namespace (`site.json` → `site.…`), nested by topic. Templates read it as `t`:
/// `{{t.site.search.button}}`; Swift code asks ``Messages/text(_:_:)`` for keys with `{0}` placeholders:
///
/// ```swift
/// messages.text("site.search.headingFor", typed)   // "Zoekresultaten voor ‘fiets’"
/// ```
///
/// Start-up fails when a language misses a key that Dutch has (or has one Dutch lacks), so a page can never
/// show a key instead of text.
struct MessageCatalogue: Sendable {
    private let languages: [Language: Messages]

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(_ languages: [Language: Messages]) {
        self.languages = languages
    }

    subscript(language: Language) -> Messages { languages[language] ?? languages[.default]! }

    static func load(from directory: String? = nil) throws -> MessageCatalogue {
        guard let folder = directory ?? Bundle.module.url(forResource: "Resources/Messages", withExtension: nil)?.path
        else { throw Invalid(description: "the Messages resource folder is missing") }
        var languages: [Language: Messages] = [:]
        for language in Language.allCases {
            let languageFolder = URL(fileURLWithPath: folder).appendingPathComponent(language.rawValue)
            let files = try FileManager.default.contentsOfDirectory(at: languageFolder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
            var tree: [String: Any] = [:]
            for file in files {
                let data = try Data(contentsOf: file)
                guard let namespace = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                    throw Invalid(description: "\(file.path): expected an object of texts")
                }
                tree[file.deletingPathExtension().lastPathComponent] = namespace
            }
            languages[language] = try Messages(language: language, tree: tree, file: languageFolder.path)
        }
        let catalogue = MessageCatalogue(languages)
        try catalogue.checkComplete()
        return catalogue
    }

    /// Every language has exactly the keys Dutch has.
    func checkComplete() throws {
        let dutch = Set(self[.default].texts.keys)
        for language in Language.allCases where language != .default {
            let keys = Set(self[language].texts.keys)
            let missing = dutch.subtracting(keys).sorted()
            let extra = keys.subtracting(dutch).sorted()
            if !missing.isEmpty || !extra.isEmpty {
                throw Invalid(description: "messages for '\(language.rawValue)': missing \(missing.prefix(10)), not in Dutch \(extra.prefix(10))")
            }
        }
    }
}

/// One language's texts: a flat table for Swift code and a nested view for templates.
struct Messages: Sendable, MustacheParent {
    let language: Language
    /// "site.search.button" → "Zoeken".
    let texts: [String: String]
    /// Every key that has texts under it ("site", "site.search"), so a template lookup is one hash probe.
    private let groups: Set<String>
    private let prefix: String

    init(language: Language, tree: [String: Any], file: String) throws {
        var texts: [String: String] = [:]
        func flatten(_ node: [String: Any], path: String) throws {
            for (key, value) in node {
                let full = path.isEmpty ? key : "\(path).\(key)"
                switch value {
                case let text as String: texts[full] = text
                case let child as [String: Any]: try flatten(child, path: full)
                default: throw MessageCatalogue.Invalid(description: "\(file): '\(full)' is neither a text nor a group")
                }
            }
        }
        try flatten(tree, path: "")
        var groups: Set<String> = []
        for key in texts.keys {
            var parts = key.split(separator: ".").dropLast()
            while !parts.isEmpty {
                groups.insert(parts.joined(separator: "."))
                parts = parts.dropLast()
            }
        }
        self.init(language: language, texts: texts, groups: groups, prefix: "")
    }

    private init(language: Language, texts: [String: String], groups: Set<String>, prefix: String) {
        self.language = language
        self.texts = texts
        self.groups = groups
        self.prefix = prefix
    }

    /// The text for `key` with `{0}`, `{1}`… replaced by `arguments`. A missing key is a programming
    /// error that the catalogue tests catch; it shows as the key rather than crashing a request.
    func text(_ key: String, _ arguments: any CustomStringConvertible...) -> String {
        var text = texts[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return text
    }

    /// Templates walk the tree one name at a time: `t.site` is a group, `t.site.search.button` a text.
    func child(named name: String) -> Any? {
        let key = prefix.isEmpty ? name : "\(prefix).\(name)"
        if let text = texts[key] { return text }
        guard groups.contains(key) else { return nil }
        return Messages(language: language, texts: texts, groups: groups, prefix: key)
    }
}
