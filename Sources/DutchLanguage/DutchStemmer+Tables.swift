// The groupings and suffix tables (Snowball's `among`) of the Dutch algorithm.
//
// Snowball's `among` picks the longest listed suffix that ends where the cursor stands. The lookups below
// decide on the last letter first and test longer suffixes before their own tails, which gives the same
// answer without a table walk.

// MARK: - Groupings

extension DutchStemmer {
    /// Snowball's `v`: the vowels, with their accented forms, and `y`.
    /// `ij` also counts as a vowel, but that is a digraph, so the rules test it separately.
    @inline(__always)
    static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true  // a e i o u y
        case 0xE0...0xE2, 0xE4, 0xE8...0xEF, 0xF2...0xF4, 0xF6, 0xF9...0xFC: true  // à á â ä è–ï ò ó ô ö ù–ü
        default: false
        }
    }

    /// Snowball's `v_WX`: a vowel, `w` or `x`. Lengthening a vowel is only done before a letter outside it.
    @inline(__always)
    static func isVowelWX(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "w" || scalar == "x" || isVowel(scalar)
    }

    /// Snowball's `AEIOU`: the vowels without `y`.
    @inline(__always)
    static func isAEIOU(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "y" && isVowel(scalar)
    }

    /// Snowball's `AIOU`: the vowels other than `e` and `y`.
    @inline(__always)
    static func isAIOU(_ scalar: Unicode.Scalar) -> Bool {
        !isE(scalar) && isAEIOU(scalar)
    }

    /// `A`, `O` and `U` of the Snowball source: the vowels `lengthen_V` doubles without further conditions.
    @inline(__always)
    static func isAOU(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61, 0x6F, 0x75: true  // a o u
        case 0xE0...0xE2, 0xE4, 0xF2...0xF4, 0xF6, 0xF9...0xFC: true  // à á â ä ò ó ô ö ù ú û ü
        default: false
        }
    }

    /// Snowball's `E`: `e` with or without an accent.
    @inline(__always)
    static func isE(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x65, 0xE8...0xEB: true  // e è é ê ë
        default: false
        }
    }
}

// MARK: - Suffix tables

extension DutchStemmer {
    enum Step1Suffix {
        case apostropheS, s, es, ies, accentedES, aus, en, nde
    }

    enum Step2Suffix {
        case je, ge, lijke, ische, de, te, se, re, le, ene, ieve
    }

    enum Step3Suffix {
        case atie, iteit, heid, sel, ster, rder, ing, isme, erij, arij, fie, gie, tst, dst
    }

    /// The first `among` of Step 4; the second (`ig`, `iger`, `igst`) is tried when this one fails.
    enum Step4Suffix {
        case ioneel, atief, baar, naar, laar, raar, tant, lijker, lijkst, achtig, achtiger, achtigst
        case eriger, erigst, erig, end
    }
}

extension DutchStemmer.Word {
    typealias Match<Suffix> = (suffix: Suffix, start: Int)

    /// The `among` of `Step_1`.
    func step1Suffix() -> Match<DutchStemmer.Step1Suffix>? {
        let end = limit
        guard end > 0 else { return nil }
        switch chars[end - 1] {
        case "s":
            if ends(with: "ies", at: end) { return (.ies, end - 3) }
            if ends(with: "aus", at: end) { return (.aus, end - 3) }
            if ends(with: "es", at: end) { return (.es, end - 2) }
            if ends(with: "'s", at: end) { return (.apostropheS, end - 2) }
            if char(before: end - 1, is: "é") { return (.accentedES, end - 2) }
            return (.s, end - 1)
        case "n":
            return ends(with: "en", at: end) ? (.en, end - 2) : nil
        case "e":
            return ends(with: "nde", at: end) ? (.nde, end - 3) : nil
        default:
            return nil
        }
    }

    /// The `among` of `Step_2`. Every entry ends in `e` and no two share their last two letters.
    func step2Suffix() -> Match<DutchStemmer.Step2Suffix>? {
        let end = limit
        guard end >= 2, chars[end - 1] == "e" else { return nil }
        switch chars[end - 2] {
        case "j": return (.je, end - 2)
        case "g": return (.ge, end - 2)
        case "d": return (.de, end - 2)
        case "t": return (.te, end - 2)
        case "s": return (.se, end - 2)
        case "r": return (.re, end - 2)
        case "l": return (.le, end - 2)
        case "k": return ends(with: "lijke", at: end) ? (.lijke, end - 5) : nil
        case "h": return ends(with: "ische", at: end) ? (.ische, end - 5) : nil
        case "n": return ends(with: "ene", at: end) ? (.ene, end - 3) : nil
        case "v": return ends(with: "ieve", at: end) ? (.ieve, end - 4) : nil
        default: return nil
        }
    }

    /// The `among` of `Step_3`.
    func step3Suffix() -> Match<DutchStemmer.Step3Suffix>? {
        let end = limit
        guard end > 0 else { return nil }
        switch chars[end - 1] {
        case "e":
            if ends(with: "atie", at: end) { return (.atie, end - 4) }
            if ends(with: "fie", at: end) { return (.fie, end - 3) }
            if ends(with: "gie", at: end) { return (.gie, end - 3) }
            if ends(with: "isme", at: end) { return (.isme, end - 4) }
        case "t":
            if ends(with: "iteit", at: end) { return (.iteit, end - 5) }
            if ends(with: "tst", at: end) { return (.tst, end - 3) }
            if ends(with: "dst", at: end) { return (.dst, end - 3) }
        case "d":
            if ends(with: "heid", at: end) { return (.heid, end - 4) }
        case "l":
            if ends(with: "sel", at: end) { return (.sel, end - 3) }
        case "r":
            if ends(with: "ster", at: end) { return (.ster, end - 4) }
            if ends(with: "rder", at: end) { return (.rder, end - 4) }
        case "g":
            if ends(with: "ing", at: end) { return (.ing, end - 3) }
        case "j":
            if ends(with: "erij", at: end) { return (.erij, end - 4) }
            if ends(with: "arij", at: end) { return (.arij, end - 4) }
        default:
            break
        }
        return nil
    }

    /// The first `among` of `Step_4`.
    func step4Suffix() -> Match<DutchStemmer.Step4Suffix>? {
        let end = limit
        guard end > 0 else { return nil }
        switch chars[end - 1] {
        case "l":
            if ends(with: "ioneel", at: end) { return (.ioneel, end - 6) }
        case "f":
            if ends(with: "atief", at: end) { return (.atief, end - 5) }
        case "d":
            if ends(with: "end", at: end) { return (.end, end - 3) }
        case "g":
            if ends(with: "achtig", at: end) { return (.achtig, end - 6) }
            if ends(with: "erig", at: end) { return (.erig, end - 4) }
        case "r":
            if ends(with: "baar", at: end) { return (.baar, end - 4) }
            if ends(with: "naar", at: end) { return (.naar, end - 4) }
            if ends(with: "laar", at: end) { return (.laar, end - 4) }
            if ends(with: "raar", at: end) { return (.raar, end - 4) }
            if ends(with: "achtiger", at: end) { return (.achtiger, end - 8) }
            if ends(with: "eriger", at: end) { return (.eriger, end - 6) }
            if ends(with: "lijker", at: end) { return (.lijker, end - 6) }
        case "t":
            if ends(with: "tant", at: end) { return (.tant, end - 4) }
            if ends(with: "achtigst", at: end) { return (.achtigst, end - 8) }
            if ends(with: "erigst", at: end) { return (.erigst, end - 6) }
            if ends(with: "lijkst", at: end) { return (.lijkst, end - 6) }
        default:
            break
        }
        return nil
    }

    /// The second `among` of `Step_4`: where `ig`, `iger` or `igst` starts, if the word ends in one.
    func step4IgSuffixStart() -> Int? {
        if ends(with: "ig", at: limit) { return limit - 2 }
        if ends(with: "iger", at: limit) { return limit - 4 }
        if ends(with: "igst", at: limit) { return limit - 4 }
        return nil
    }
}
