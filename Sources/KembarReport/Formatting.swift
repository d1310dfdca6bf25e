import KembarCore

/// Dates and numbers written the way each language writes them: "19 March 2018" / "19 Maret 2018",
/// "10.35" / "10,35", "11,316" / "11.316".
public enum Format {
    /// A position as people write it: `7.2575° S, 112.7521° E`, `7,2575° LS, 112,7521° BT`.
    public static func position(latitude: Double, longitude: Double, _ language: Language) -> String {
        let north = language == .en ? ("N", "S") : ("LU", "LS")
        let east = language == .en ? ("E", "W") : ("BT", "BB")
        let lat = "\(decimal(abs(latitude), digits: 4, language))° \(latitude >= 0 ? north.0 : north.1)"
        let lon = "\(decimal(abs(longitude), digits: 4, language))° \(longitude >= 0 ? east.0 : east.1)"
        return "\(lat), \(lon)"
    }

    static let months: [Language: [String]] = [
        .en: [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ],
        .id: [
            "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember",
        ],
    ]

    /// The month's name ("March" / "Maret"), 1 to 12.
    public static func monthName(_ month: Int, _ language: Language) -> String {
        (1...12).contains(month) ? months[language]![month - 1] : String(month)
    }

    /// A date at its own precision: "2018", "June 2019" / "Juni 2019", "19 March 2018" / "19 Maret 2018".
    public static func date(_ date: PartialDate, _ language: Language) -> String {
        guard let month = date.month else { return String(date.year) }
        let name = months[language]![month - 1]
        guard let day = date.day else { return "\(name) \(date.year)" }
        return "\(day) \(name) \(date.year)"
    }

    /// A whole number with thousands grouped: "11,316" / "11.316".
    public static func integer(_ value: Int, _ language: Language) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(language == .en ? "," : ".") }
            grouped.append(ch)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// A decimal number with up to `digits` fraction digits, trailing zeros dropped: "10.35" / "10,35".
    public static func decimal(_ value: Double, digits: Int = 2, _ language: Language) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<min(max(digits, 0), 15) { scale *= 10 }
        // Beyond about 10^15 a Double has no fraction digits left, and the scaled value would not fit an Int: write
        // it in scientific form rather than trap.
        guard abs(value) < 1e15, abs(value) * scale < 1e18 else {
            let text = String(format: "%.6g", value)
            return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
        }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = Int(scaled - Double(whole) * scale)
        var fractionDigits = digits
        while fractionDigits > 0 && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        var text = integer(whole, language)
        if fractionDigits > 0 {
            let padded = String(fraction)
            text +=
                (language == .en ? "." : ",") + String(repeating: "0", count: fractionDigits - padded.count) + padded
        }
        return (value < 0 && scaled != 0 ? "−" : "") + text
    }

    /// A file's size: "512 B", "48 KiB", "2,4 MiB".
    public static func bytes(_ size: Int, _ language: Language) -> String {
        if size < 1024 { return "\(integer(size, language)) B" }
        if size < 1_048_576 { return "\(decimal(Double(size) / 1024, digits: 0, language)) KiB" }
        return "\(decimal(Double(size) / 1_048_576, digits: 1, language)) MiB"
    }

    /// A participant count, with "~" when the source gives it as approximate: "~250".
    public static func count(_ value: Int, approximate: Bool, _ language: Language) -> String {
        (approximate ? "~" : "") + integer(value, language)
    }
}
