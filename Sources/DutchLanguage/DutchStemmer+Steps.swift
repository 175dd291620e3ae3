// The routines of the Snowball `dutch` algorithm, named as in `dutch.sbl`.
//
// The backward steps each look at the end of the word; where the Snowball source moves its cursor
// further back to test a letter, these functions test at an explicit position instead.

extension DutchStemmer.Word {
    /// Snowball's `stem`: suffixes first, then a `ge-` prefix or infix, then consonant clean-up.
    mutating func stem() {
        var stemmed = false
        measure()
        if step1() { stemmed = true }
        if step2() { stemmed = true }
        if step3() { stemmed = true }
        if step4() { stemmed = true }
        if losePrefix() {
            measure()
            stemmed = true
            step1c()
        }
        if loseInfix() {
            measure()
            stemmed = true
            step1c()
        }
        if step7() { stemmed = true }
        if stemmed { step6() }
    }

    // MARK: - Lengthening

    /// Snowball's `lengthen_V`: once a suffix is gone, a long vowel that stood single in an open syllable
    /// is written double again, as Dutch spells it in a closed one (`maken` → `mak` → `maak`).
    ///
    /// Acts on a vowel before a final consonant (other than `w` or `x`); always succeeds.
    mutating func lengthenVowel() {
        guard limit >= 2, !DutchStemmer.isVowelWX(chars[limit - 1]) else { return }
        let start = limit - 2
        let vowel = chars[start]
        if vowel == "ë" {
            guard start > 0 else { return }
            switch chars[start - 1] {
            case "e": replace(start - 1..<start + 1, with: "eëe")
            case "i": replace(start - 1..<start + 1, with: "iee")
            default: break
            }
            return
        }
        // The vowel must stand alone: after a consonant or at the start of the word.
        guard start == 0 || !DutchStemmer.isAEIOU(chars[start - 1]) else { return }
        if DutchStemmer.isE(vowel) {
            guard start == 0 || mayDoubleE(consonantAt: start - 1) else { return }
        } else if !DutchStemmer.isAOU(vowel) {
            return
        }
        insert(vowel, at: start)
    }

    /// The extra conditions for doubling an `e` after the consonant at `consonant`:
    /// `not (AIOU or (E atlimit))` and `not (next AIOU non-AEIOU)`, read backwards from the consonant.
    private func mayDoubleE(consonantAt consonant: Int) -> Bool {
        if consonant > 0 {
            let previous = chars[consonant - 1]
            if DutchStemmer.isAIOU(previous) { return false }
            if DutchStemmer.isE(previous) && consonant - 1 == 0 { return false }
        }
        if consonant >= 3 && DutchStemmer.isAIOU(chars[consonant - 2]) && !DutchStemmer.isAEIOU(chars[consonant - 3]) {
            return false
        }
        return true
    }

    // MARK: - Suffix steps

    /// Snowball's `Step_1`: plural and other inflectional endings (`-s`, `-es`, `-en`, `-nde`).
    mutating func step1() -> Bool {
        guard let (suffix, start) = step1Suffix() else { return false }
        let suffixRange = start..<limit
        switch suffix {
        case .apostropheS:
            delete(suffixRange)
        case .s:
            guard isInR1(start), !(char(before: start, is: "t") && isInR1(start - 1)), isConsonant(before: start)
            else { return false }
            delete(suffixRange)
        case .ies:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "ie")
        case .es:
            if ends(with: "ar", at: start) && isInR1(start - 2) && isConsonant(before: start - 2) {
                delete(suffixRange)
                lengthenVowel()
            } else if ends(with: "er", at: start) && isInR1(start - 2) && isConsonant(before: start - 2) {
                delete(suffixRange)
            } else if isInR1(start) && isConsonant(before: start) {
                replace(suffixRange, with: "e")
            } else {
                return false
            }
        case .accentedES:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "é")
        case .aus:
            guard isInR1(start), isVowel(before: start) else { return false }
            replace(suffixRange, with: "au")
        case .en:
            return step1En(start: start)
        case .nde:
            replace(suffixRange, with: "nd")
        }
        return true
    }

    /// The `-en` branch of `Step_1`, with its special cases for `-heden`, `-nden`, `-den` and `-ien`/`-jen`.
    private mutating func step1En(start: Int) -> Bool {
        if ends(with: "hed", at: start) && isInR1(start - 3) {
            replace(start - 3..<limit, with: "heid")
        } else if ends(with: "nd", at: start) {
            delete(start..<limit)
        } else if char(before: start, is: "d") && isInR1(start - 1) && isConsonant(before: start - 1) {
            delete(start - 1..<limit)
        } else if (char(before: start, is: "i") || char(before: start, is: "j")) && isVowel(before: start - 1) {
            delete(start..<limit)
        } else if isInR1(start) && isConsonant(before: start) {
            delete(start..<limit)
            lengthenVowel()
        } else {
            return false
        }
        return true
    }

    /// Snowball's `Step_2`: endings in `-e`, among them the diminutive `-je`.
    mutating func step2() -> Bool {
        guard let (suffix, start) = step2Suffix() else { return false }
        let suffixRange = start..<limit
        switch suffix {
        case .je:
            return step2Je(start: start)
        case .ge:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "g")
        case .lijke:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "lijk")
        case .ische:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "isch")
        case .de:
            guard isInR1(start), isConsonant(before: start) else { return false }
            delete(suffixRange)
        case .te:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "t")
        case .se:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "s")
        case .re:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "r")
        case .le:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "l")
            lengthenVowel()
        case .ene:
            guard isInR1(start), isConsonant(before: start) else { return false }
            replace(suffixRange, with: "en")
            lengthenVowel()
        case .ieve:
            guard isInR1(start), isConsonant(before: start) else { return false }
            replace(suffixRange, with: "ief")
        }
        return true
    }

    /// The `-je` branch of `Step_2`: the diminutive, with the `-tje`, `-etje`, `-pje` and `-kje` spellings.
    private mutating func step2Je(start: Int) -> Bool {
        if ends(with: "'t", at: start) {
            delete(start - 2..<limit)
        } else if ends(with: "et", at: start) && isInR1(start - 2) && isConsonant(before: start - 2) {
            delete(start - 2..<limit)
        } else if ends(with: "rnt", at: start) {
            replace(start - 3..<limit, with: "rn")
        } else if char(before: start, is: "t") && isInR1(start - 1) && isVowelSkippingOne(before: start - 1) {
            delete(start - 1..<limit)
        } else if ends(with: "ink", at: start) {
            replace(start - 3..<limit, with: "ing")
        } else if ends(with: "mp", at: start) {
            replace(start - 2..<limit, with: "m")
        } else if char(before: start, is: "'") && isInR1(start - 1) {
            delete(start - 1..<limit)
        } else if isInR1(start) && isConsonant(before: start) {
            delete(start..<limit)
        } else {
            return false
        }
        return true
    }

    /// Snowball's `Step_3`: derivational suffixes such as `-heid`, `-ing`, `-atie` and `-iteit`.
    mutating func step3() -> Bool {
        guard let (suffix, start) = step3Suffix() else { return false }
        let suffixRange = start..<limit
        switch suffix {
        case .atie:
            guard isInR1(start) else { return false }
            replace(suffixRange, with: "eer")
        case .iteit:
            guard isInR1(start) else { return false }
            delete(suffixRange)
            lengthenVowel()
        case .heid, .sel, .ster:
            guard isInR1(start) else { return false }
            delete(suffixRange)
        case .rder:
            replace(suffixRange, with: "r")
        case .ing, .isme, .erij:
            // `-ild` keeps `-er`, so that `schilderij` (painting) does not meet `schild` (shield).
            if ends(with: "ild", at: start) {
                replace(suffixRange, with: "er")
            } else if isInR1(start) {
                delete(suffixRange)
                lengthenVowel()
            } else {
                return false
            }
        case .arij:
            guard isInR1(start), isConsonant(before: start) else { return false }
            replace(suffixRange, with: "aar")
        case .fie:
            guard isInR2(start) else { return false }
            replace(suffixRange, with: "f")
            lengthenVowel()
        case .gie:
            guard isInR2(start) else { return false }
            replace(suffixRange, with: "g")
            lengthenVowel()
        case .tst:
            guard isInR1(start), isConsonant(before: start) else { return false }
            replace(suffixRange, with: "t")
        case .dst:
            guard isInR1(start), isConsonant(before: start) else { return false }
            replace(suffixRange, with: "d")
        }
        return true
    }

    /// Snowball's `Step_4`: adjective suffixes (`-baar`, `-achtig`, `-erig`, `-ig`, …) and their
    /// comparative and superlative forms.
    mutating func step4() -> Bool {
        if let (suffix, start) = step4Suffix(), step4Main(suffix, start: start) { return true }
        // `-ig`, unless the word is `innig` (intimate), which must not meet `in` (in).
        guard let start = step4IgSuffixStart(), isInR1(start),
            !(ends(with: "inn", at: start) && start == 3), isConsonant(before: start)
        else { return false }
        delete(start..<limit)
        lengthenVowel()
        return true
    }

    private mutating func step4Main(_ suffix: DutchStemmer.Step4Suffix, start: Int) -> Bool {
        guard isInR1(start) else { return false }
        let suffixRange = start..<limit
        switch suffix {
        case .ioneel:
            replace(suffixRange, with: "ie")
        case .atief:
            replace(suffixRange, with: "eer")
        case .baar, .achtig, .achtiger, .achtigst:
            delete(suffixRange)
        case .naar, .laar, .raar:
            guard isVowel(before: start) else { return false }
            replace(suffixRange, with: suffix == .naar ? "n" : suffix == .laar ? "l" : "r")
        case .tant:
            replace(suffixRange, with: "teer")
        case .lijker, .lijkst:
            replace(suffixRange, with: "lijk")
        case .eriger, .erigst, .erig, .end:
            guard isConsonant(before: start) else { return false }
            delete(suffixRange)
            lengthenVowel()
        }
        return true
    }

    /// Snowball's `Step_7`: `-kt`, `-ft` and `-pt` lose their `t`.
    mutating func step7() -> Bool {
        guard limit >= 2, chars[limit - 1] == "t" else { return false }
        let consonant = chars[limit - 2]
        guard consonant == "k" || consonant == "f" || consonant == "p" else { return false }
        delete(limit - 1..<limit)
        return true
    }

    /// Snowball's `Step_6`: undoubles a final consonant and devoices a final `v` or `z`,
    /// run only when an earlier step changed the word.
    @discardableResult
    mutating func step6() -> Bool {
        guard limit > 0 else { return false }
        let last = chars[limit - 1]
        if limit >= 2 && chars[limit - 2] == last && Self.undoublesWhenDoubled(last) {
            // `innen` (to collect) must not meet `in` (in).
            if last == "n" && limit == 3 && chars[0] == "i" { return false }
            delete(limit - 1..<limit)
            return true
        }
        switch last {
        case "v": replace(limit - 1..<limit, with: "f")
        case "z": replace(limit - 1..<limit, with: "s")
        default: return false
        }
        return true
    }

    /// The consonants `Step_6` lists doubled: all but `y`, which Snowball counts as a vowel.
    private static func undoublesWhenDoubled(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "w", "x", "z": true
        default: false
        }
    }

    /// Snowball's `Step_1c`, run after a `ge-` was removed: drops the `-d` or `-t` of a past participle.
    @discardableResult
    mutating func step1c() -> Bool {
        guard limit > 0 else { return false }
        let start = limit - 1
        let last = chars[start]
        guard last == "d" || last == "t", isInR1(start), isConsonant(before: start) else { return false }
        if last == "d" {
            if char(before: start, is: "n") && isInR1(start - 1) { return false }
            // `geïnd` (collected) becomes `inn`, to meet `innen` rather than `in` (in).
            if ends(with: "in", at: start) && start == 2 {
                replace(start..<limit, with: "n")
            } else {
                delete(start..<limit)
            }
        } else {
            if char(before: start, is: "h") && isInR1(start - 1) { return false }
            // `geënt` (grafted) must not meet `en` (and).
            if ends(with: "en", at: start) && start == 2 { return false }
            delete(start..<limit)
        }
        return true
    }

    // MARK: - ge- prefix and infix

    /// Snowball's `Lose_prefix`: removes a leading `ge-` (`gewerkt` → `werkt`) when a vowel and another
    /// letter follow, except before `eft`, `vaa`, `val` and `vare`, where the `ge` belongs to the word.
    mutating func losePrefix() -> Bool {
        guard starts(with: "ge", at: 0), limit >= 5, hasVowelAndMore(from: 2) else { return false }
        let restLength: Int
        if starts(with: "vali", at: 2) {
            restLength = 4
        } else if starts(with: "eft", at: 2) || starts(with: "vaa", at: 2) || starts(with: "val", at: 2)
            || starts(with: "vare", at: 2)
        {
            return false
        } else {
            restLength = 0
        }
        delete(0..<2)
        // Snowball looks for the diaeresis where its cursor ended: after the exception it matched, if any.
        removeDiaeresis(at: restLength)
        return true
    }

    /// Snowball's `Lose_infix`: removes the first `ge` after the first letter (`opgewekt` → `opwekt`),
    /// under the same condition as `Lose_prefix`.
    mutating func loseInfix() -> Bool {
        guard limit > 0 else { return false }
        var start = 1
        while !starts(with: "ge", at: start) {
            if start >= limit { return false }
            start += 1
        }
        guard start + 5 <= limit, hasVowelAndMore(from: start + 2) else { return false }
        delete(start..<start + 2)
        removeDiaeresis(at: start)
        return true
    }

    /// `gopast ('ij' or v) repeat ('ij' or v) not atlimit`, from `start`.
    private func hasVowelAndMore(from start: Int) -> Bool {
        var position = start
        while true {
            if starts(with: "ij", at: position) {
                position += 2
                break
            }
            if position < limit && DutchStemmer.isVowel(chars[position]) {
                position += 1
                break
            }
            if position >= limit { return false }
            position += 1
        }
        return positionAfterVowels(from: position) < limit
    }

    /// The diaeresis that separated `ge` from a vowel is no longer needed: `geëist` → `eist`.
    private mutating func removeDiaeresis(at position: Int) {
        if char(at: position, is: "ë") {
            replace(position..<position + 1, with: "e")
        } else if char(at: position, is: "ï") {
            replace(position..<position + 1, with: "i")
        }
    }
}
