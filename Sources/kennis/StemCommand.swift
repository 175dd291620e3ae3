import ArgumentParser
import DutchLanguage

/// `kennis stem`: the Dutch stemmer as a filter, so anyone can compare it with another Snowball
/// implementation: `kennis stem < words.txt > stems.tsv`.
struct StemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Stem Dutch words: reads one word per line on standard input, writes word<TAB>stem lines.",
        discussion: "Words are normalized to Unicode NFC and lowercased before stemming (Snowball 3.1 'dutch'); empty lines are skipped.")

    func run() throws {
        let analyzer = DutchAnalyzer()
        let stemmer = DutchStemmer()
        var output = ""
        while let line = readLine(strippingNewline: true) {
            let word = line.trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty else { continue }
            output += word + "\t" + stemmer.stem(analyzer.normalize(word).lowercased()) + "\n"
            if output.utf8.count > 64_000 {
                print(output, terminator: "")
                output = ""
            }
        }
        print(output, terminator: "")
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

private extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t", "\r"]
}
