/// Text for XML and HTML content and attribute values, written by every markup Kembar makes (SVG charts, pages,
/// IATI files).
public enum XMLText {
    /// `&`, `<`, `>`, `"` and `'` as references; characters XML 1.0 cannot hold (controls other than tab and line
    /// breaks, U+FFFE, U+FFFF) dropped.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: one pass over its bytes, no copy.
        guard text.utf8.contains(where: { [38, 60, 62, 34, 39].contains($0) || $0 < 32 || $0 == 0xEF }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
