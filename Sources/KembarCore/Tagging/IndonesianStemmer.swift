/// Candidate roots of an Indonesian word, by removing affixes the way the language forms words.
///
/// Rather than committing to one stem (and failing on ambiguous words), this generates every plausible root —
/// the word itself, with particles, possessives and derivational suffixes removed, with up to two prefixes removed
/// and the nasal prefixes' swallowed consonant restored — and lets the lexicon decide which one it knows. So
/// "pendidikan" → "pendidik" → "didik", "mendidik" → "didik", "pelatihan" → "pelatih" → "latih", "dilatih" →
/// "latih", "pembelajaran" → "belajar" → "ajar", "mengirim" → "kirim". See docs/TAGGING.md.
public enum IndonesianStemmer {
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    static let particles = ["lah", "kah", "tah", "pun"]
    static let possessives = ["nya", "ku", "mu"]
    static let suffixes = ["kan", "an", "i"]

    /// Every candidate root of `word` (lower case), longest first; includes `word` itself.
    public static func candidates(_ word: String) -> [String] {
        var stems: [String] = [word]
        // Suffixes: particle, then possessive, then derivational (the order Indonesian attaches them).
        var current = [word]
        for group in [particles, possessives, suffixes] {
            var next = current
            for stem in current {
                for suffix in group where stem.hasSuffix(suffix) && stem.count - suffix.count >= 3 {
                    next.append(String(stem.dropLast(suffix.count)))
                }
            }
            current = next
        }
        stems += current
        // Prefixes: up to two layers (ke-/di-/ber- on top of pe-/me-: "kepemimpinan", "diperbaiki").
        var layer = stems
        for _ in 0..<2 {
            layer = layer.flatMap(removingPrefix)
            stems += layer
        }
        var seen = Set<String>()
        return stems.filter { $0.count >= 3 && seen.insert($0).inserted }.sorted { $0.count > $1.count }
    }

    /// Roots left by removing one prefix from `word`, with the consonant a nasal prefix swallowed restored.
    static func removingPrefix(_ word: String) -> [String] {
        var out: [String] = []
        func rest(_ prefix: String) -> String? {
            guard word.hasPrefix(prefix), word.count - prefix.count >= 3 else { return nil }
            return String(word.dropFirst(prefix.count))
        }
        func startsWithVowel(_ text: String) -> Bool { text.first.map { vowels.contains($0) } ?? false }

        for simple in ["di", "ke", "se", "ber", "ter", "per", "be", "te"] {
            if let r = rest(simple) { out.append(r) }
        }
        if let r = rest("bel") { out.append(r) }  // belajar → ajar
        if let r = rest("pel") { out.append(r) }  // pelajar → ajar
        for base in ["me", "pe"] {
            // meny-/peny- + vowel: the s was swallowed (menyapu → sapu).
            if let r = rest(base + "ny"), startsWithVowel(r) { out.append("s" + r) }
            // meng-/peng-: before vowels the k may have been swallowed (mengirim → kirim) or not (mengajar → ajar).
            if let r = rest(base + "nge") { out.append(r) }
            if let r = rest(base + "ng") {
                out.append(r)
                if startsWithVowel(r) { out.append("k" + r) }
            }
            // men-/pen-: t swallowed before vowels (menulis → tulis), kept before c, d, j, z (mendidik → didik).
            if let r = rest(base + "n") {
                if startsWithVowel(r) { out.append("t" + r) }
                out.append(r)
            }
            // mem-/pem-: p swallowed before vowels (memakai → pakai), kept before b, f, v (membangun → bangun).
            if let r = rest(base + "m") {
                if startsWithVowel(r) { out.append("p" + r) }
                out.append(r)
            }
            // me-/pe- before l, m, n, r, w, y (melatih → latih, merawat → rawat).
            if let r = rest(base) { out.append(r) }
        }
        return out
    }
}
