/// Reduces a Dutch word to its stem, so that inflected and derived forms of a word meet in one search term.
///
/// This is an exact port of the Snowball `dutch` stemmer of Snowball 3.x (the algorithm of Kraaij and
/// Pohlmann, not the older `dutch_porter`): for every input it returns what the Snowball 3.1 reference
/// implementation returns.
///
/// ```swift
/// let stemmer = DutchStemmer()
/// stemmer.stem("vluchtelingen")  // "vluchteel"
/// stemmer.stem("vluchteling")    // "vluchteel"
/// stemmer.stem("geïntegreerd")   // "integreer"
/// ```
///
/// Stems are search keys, not dictionary words: `maken` becomes `maak`, `algemene` becomes `almeen`. The
/// algorithm drops a leading `ge` and the first `ge` inside a word whenever a vowel and more letters follow,
/// whether or not it is a participle marker, so `gemeente` becomes `meen` and `mogelijkheden` `molijk`.
public struct DutchStemmer: Sendable {
    public init() {}

    /// The stem of `word`, which must already be NFC-normalised and lowercased.
    ///
    /// Works in one buffer of Unicode scalars on the stack (Snowball counts code points, not grapheme
    /// clusters); returns `word` itself when no rule changed it.
    public func stem(_ word: String) -> String {
        guard !word.isEmpty else { return word }
        // A word never grows while it is stemmed; the slack only guards the insertions made along the way.
        let capacity = word.utf8.count + 4
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: capacity) { storage in
            var length = 0
            for scalar in word.unicodeScalars {
                storage.initializeElement(at: length, to: scalar)
                length += 1
            }
            var buffer = Word(chars: storage.baseAddress!, capacity: capacity, limit: length)
            buffer.stem()
            return buffer.isModified ? buffer.string() : word
        }
    }
}

extension DutchStemmer {
    /// The word being stemmed, with the state a Snowball program keeps beside it.
    ///
    /// Positions are scalar offsets. Snowball's backward mode runs here with `limit_backward` fixed at 0,
    /// so "at limit" in a backward step means position 0.
    struct Word {
        let chars: UnsafeMutablePointer<Unicode.Scalar>
        let capacity: Int
        /// The length of the word.
        var limit: Int
        /// Start of region R1: the stem may only lose a suffix that lies in it.
        var p1 = 0
        /// Start of region R2, one vowel-consonant step further than R1.
        var p2 = 0
        var isModified = false

        init(chars: UnsafeMutablePointer<Unicode.Scalar>, capacity: Int, limit: Int) {
            self.chars = chars
            self.capacity = capacity
            self.limit = limit
        }

        func string() -> String {
            var byteCount = 0
            for i in 0..<limit { byteCount += UTF8.width(chars[i]) }
            return String(unsafeUninitializedCapacity: byteCount) { bytes in
                var written = 0
                for i in 0..<limit {
                    UTF8.encode(chars[i]) { byte in
                        bytes[written] = byte
                        written += 1
                    }
                }
                return written
            }
        }
    }
}

// MARK: - Snowball primitives

extension DutchStemmer.Word {
    /// Whether the scalar just before `position` is `scalar`.
    @inline(__always)
    func char(before position: Int, is scalar: Unicode.Scalar) -> Bool {
        position > 0 && chars[position - 1] == scalar
    }

    /// Whether the scalar at `position` is `scalar`.
    @inline(__always)
    func char(at position: Int, is scalar: Unicode.Scalar) -> Bool {
        position < limit && chars[position] == scalar
    }

    /// Whether the text just before `end` is `literal`, which must be ASCII.
    @inline(__always)
    func ends(with literal: StaticString, at end: Int) -> Bool {
        literal.withUTF8Buffer { bytes in
            guard end >= bytes.count else { return false }
            let start = end - bytes.count
            for k in 0..<bytes.count where chars[start + k].value != UInt32(bytes[k]) {
                return false
            }
            return true
        }
    }

    /// Whether the text from `start` on begins with `literal`, which must be ASCII.
    @inline(__always)
    func starts(with literal: StaticString, at start: Int) -> Bool {
        literal.withUTF8Buffer { bytes in
            guard start + bytes.count <= limit else { return false }
            for k in 0..<bytes.count where chars[start + k].value != UInt32(bytes[k]) {
                return false
            }
            return true
        }
    }

    /// Snowball's `R1` test at `position`.
    @inline(__always)
    func isInR1(_ position: Int) -> Bool { p1 <= position }

    /// Snowball's `R2` test at `position`.
    @inline(__always)
    func isInR2(_ position: Int) -> Bool { p2 <= position }

    /// Replaces the scalars in `range` with `literal` (Snowball's `<-`), shifting the rest of the word.
    mutating func replace(_ range: Range<Int>, with literal: StaticString) {
        literal.withUTF8Buffer { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            resize(range, to: count)
            var target = range.lowerBound
            var k = 0
            while k < bytes.count {
                let lead = bytes[k]
                let continuationCount = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
                var value = UInt32(lead) & (continuationCount == 0 ? 0x7F : 0x3F >> continuationCount)
                for offset in stride(from: 1, through: continuationCount, by: 1) {
                    value = value << 6 | UInt32(bytes[k + offset] & 0x3F)
                }
                chars[target] = Unicode.Scalar(value).unsafelyUnwrapped
                target += 1
                k += 1 + continuationCount
            }
        }
    }

    /// Removes the scalars in `range` (Snowball's `delete`).
    mutating func delete(_ range: Range<Int>) {
        resize(range, to: 0)
    }

    /// Puts `scalar` at `position`, moving what follows one place on (Snowball's `insert`).
    mutating func insert(_ scalar: Unicode.Scalar, at position: Int) {
        resize(position..<position, to: 1)
        chars[position] = scalar
    }

    /// Makes `range` `newCount` scalars long by moving the tail of the word, leaving the new slots to the caller.
    private mutating func resize(_ range: Range<Int>, to newCount: Int) {
        let shift = newCount - range.count
        precondition(limit + shift <= capacity, "DutchStemmer: word grew beyond its buffer")
        if shift != 0 {
            (chars + range.upperBound + shift).update(from: chars + range.upperBound, count: limit - range.upperBound)
            limit += shift
        }
        isModified = true
    }
}

// MARK: - Regions and letter classes

extension DutchStemmer.Word {
    /// Snowball's `measure`: R1 starts after the first vowel-consonant pair, R2 after the second.
    /// `ij` counts as one vowel.
    mutating func measure() {
        p1 = limit
        p2 = limit
        guard let r1 = positionAfterVowelAndConsonant(from: 0) else { return }
        p1 = r1
        guard let r2 = positionAfterVowelAndConsonant(from: r1) else { return }
        p2 = r2
    }

    /// `repeat non-v  atleast 1 ('ij' or v)  non-v`, from `start`.
    private func positionAfterVowelAndConsonant(from start: Int) -> Int? {
        var position = start
        while position < limit && !DutchStemmer.isVowel(chars[position]) { position += 1 }
        let vowelsStart = position
        position = positionAfterVowels(from: position)
        guard position > vowelsStart, position < limit, !DutchStemmer.isVowel(chars[position]) else { return nil }
        return position + 1
    }

    /// `repeat ('ij' or v)`: the end of the run of vowels starting at `start`.
    func positionAfterVowels(from start: Int) -> Int {
        var position = start
        while true {
            if starts(with: "ij", at: position) {
                position += 2
            } else if position < limit && DutchStemmer.isVowel(chars[position]) {
                position += 1
            } else {
                return position
            }
        }
    }

    /// Snowball's `C`: the letter before `position` is a consonant, and not the `j` of `ij`.
    func isConsonant(before position: Int) -> Bool {
        !ends(with: "ij", at: position) && position > 0 && !DutchStemmer.isVowel(chars[position - 1])
    }

    /// Snowball's `V`: the letter before `position` is a vowel or the digraph `ij`.
    func isVowel(before position: Int) -> Bool {
        (position > 0 && DutchStemmer.isVowel(chars[position - 1])) || ends(with: "ij", at: position)
    }

    /// Snowball's `VX`: like `V`, one letter further back.
    func isVowelSkippingOne(before position: Int) -> Bool {
        position > 0 && isVowel(before: position - 1)
    }
}
