/// Words a search treats as the same, kept by editors (`kennis synonyms`): a query for one word of a
/// group also finds the others. Applied at query time, so a change needs no reindexing.
///
/// ```swift
/// try await synonyms.add(["statushouder", "vergunninghouder"])
/// try await synonyms.groups()   // [["statushouder", "vergunninghouder"], …]
/// ```
public protocol SynonymStore: Sendable {
    /// Every group, each sorted, in alphabetical order of its first word.
    func groups() async throws -> [[String]]
    /// Makes these words synonyms; groups that already hold one of them are merged into one.
    func add(_ words: [String]) async throws
    /// Takes a word out of its group; a group left with one word disappears.
    /// - Throws: ``DomainError/notFound(_:)`` when the word is in no group.
    func remove(_ word: String) async throws
}

/// The groups a new installation starts with: words from Dutch integration policy that mean the same
/// to the people who search for them.
public enum SynonymSeed {
    public static let groups: [[String]] = [
        ["asielstatushouder", "statushouder", "vergunninghouder"],
        ["laaggeletterdheid", "taalachterstand"],
        ["jeugdwerker", "jongerenwerker"],
        ["ontheemde", "oorlogsvluchteling"],
        ["taalcoach", "taalmaatje"],
    ]
}
