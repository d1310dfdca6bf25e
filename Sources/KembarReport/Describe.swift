import KembarCore

/// Phrases for the facts that pages, the CLI's `show` and reports all state: when something happened (at the
/// source's precision, with its own label and an inferred date marked), who travelled and where, figures and
/// signatories with their disputes. One wording everywhere.
public enum Describe {
    /// "on 19 March 2018", "in March 2018", "in 2018" — never a day the source did not give.
    public static func on(_ date: PartialDate, _ language: Language) -> String {
        let text = Format.date(date, language)
        switch (language, date.precision) {
        case (.en, .day): return "on \(text)"
        case (.en, _): return "in \(text)"
        case (.id, .year): return "pada tahun \(text)"
        case (.id, _): return "pada \(text)"
        }
    }

    /// "19 March 2018", "2015–2016", "June 2019 – July 2019", with the source's label ("FY 2015/16") and
    /// "(inferred)" when the source gives no date.
    public static func when(
        _ start: PartialDate, end: PartialDate? = nil, label: String? = nil, inferred: Bool = false,
        _ language: Language
    ) -> String {
        var text = Format.date(start, language)
        if let end, end != start {
            let to = Format.date(end, language)
            text += start.precision == .year && end.precision == .year ? "–\(to)" : " – \(to)"
        }
        if let label, !label.isEmpty { text += " (\(label))" }
        if inferred {
            text +=
                language == .en ? " (date inferred, not in the source)" : " (tanggal disimpulkan, tidak dari sumber)"
        }
        return text
    }

    /// When an activity took place, as recorded.
    public static func when(_ activity: Activity, _ language: Language) -> String {
        when(
            activity.start, end: activity.end, label: activity.dateLabel, inferred: activity.dateInferred == true,
            language)
    }

    /// When a milestone took place, as recorded.
    public static func when(_ milestone: Milestone, _ language: Language) -> String {
        when(milestone.date, end: milestone.end, label: milestone.dateLabel, language)
    }

    /// "to the partner, in the partner city (Liverpool)" / "nobody travelled, by post or remotely".
    public static func travelAndVenue(_ activity: Activity, _ language: Language) -> String {
        var text = Catalogue.name(activity.travel, language) + ", " + Catalogue.name(activity.venue, language)
        if let place = activity.place, !place.isEmpty { text += " (\(place))" }
        return text
    }

    /// "Waste volume: −32 % (2019) [3]" and, when disputed, "— disputed: −20 % [4]".
    public static func figure(_ figure: Figure, cite: ([SourceKey]) -> String, _ language: Language) -> String {
        func value(_ number: Double, unit: String?, approximate: Bool?) -> String {
            (approximate == true ? "~" : "") + Format.decimal(number, language) + (unit.map { " \($0)" } ?? "")
        }
        var text =
            figure.label.text(language) + ": " + value(figure.value, unit: figure.unit, approximate: figure.approximate)
        if let period = figure.period { text += " (\(when(period, end: figure.periodEnd, language)))" }
        text += cite(figure.sources)
        if figure.isDisputed {
            let others = figure.alternatives.map { alternative in
                value(alternative.value, unit: alternative.unit ?? figure.unit, approximate: alternative.approximate)
                    + (alternative.note.map { " (\($0))" } ?? "") + cite(alternative.sources)
            }
            text += language == .en ? " — disputed" : " — diperselisihkan"
            if !others.isEmpty { text += (language == .en ? ": other sources give " : ": sumber lain menyebut ") }
            text += others.joined(separator: "; ")
        }
        return text
    }

    /// "Tri Rismaharini (Mayor of Surabaya) [1]" and, when disputed, "— disputed: … [4]".
    public static func signatory(
        _ signatory: Signatory, cite: ([SourceKey]) -> String, _ language: Language
    )
        -> String
    {
        var text = "\(signatory.name) (\(signatory.office.text(language)))" + cite(signatory.sources)
        if signatory.isDisputed {
            let others = signatory.alternatives.map { alternative in
                alternative.name + (alternative.office.map { " (\($0.text(language)))" } ?? "")
                    + cite(alternative.sources)
            }
            text += language == .en ? " — disputed" : " — diperselisihkan"
            if !others.isEmpty { text += (language == .en ? ": other sources name " : ": sumber lain menyebut ") }
            text += others.joined(separator: "; ")
        }
        return text
    }
}
