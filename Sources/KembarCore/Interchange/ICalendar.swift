import Foundation

/// One all-day reminder of a city's calendar: an agreement's end, the day its renewal is due, a planned action's
/// start or end, a target's date.
public struct Reminder: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case agreementEnds = "agreement-ends"
        case renewalDue = "renewal-due"
        case actionStarts = "action-starts"
        case actionEnds = "action-ends"
        case targetDue = "target-due"
    }

    public var kind: Kind
    public var day: Day
    /// A stable identifier: the same reminder keeps its UID, so a calendar updates it instead of adding another.
    public var uid: String
    public var partnership: PartnershipKey
    /// The record it is about: the agreement's or planned action's key.
    public var record: String
    /// The record's name (an agreement's title, a planned action's title, a target's indicator).
    public var title: LocalizedText
    /// For a renewal reminder, the day the agreement ends.
    public var ends: Day?

    public init(
        kind: Kind, day: Day, uid: String, partnership: PartnershipKey, record: String, title: LocalizedText,
        ends: Day? = nil
    ) {
        self.kind = kind
        self.day = day
        self.uid = uid
        self.partnership = partnership
        self.record = record
        self.title = title
        self.ends = ends
    }
}

public enum Reminders {
    /// The reminders of the partnerships in `data` with `city` as either city: every binding agreement's end, the
    /// day `leadMonths` before it (renewal due, unless a renewal is recorded), planned actions' starts and ends and
    /// targets' dates — in day order. Terminated partnerships' agreements remind of nothing.
    public static func of(_ data: Dataset, city: CityKey, leadMonths: Int = 6) -> [Reminder] {
        let lead = min(max(leadMonths, 0), 120)
        let partnerships = Set(data.partnerships.filter { $0.city == city || $0.partnerCity == city }.map(\.id))
        let agreements = data.agreements.filter { partnerships.contains($0.partnership) }
        let renewed = Set(agreements.compactMap(\.renews))
        let terminated = Set(agreements.filter { $0.kind == .termination }.map(\.partnership))
        var found: [Reminder] = []
        for agreement in agreements where agreement.kind != .letterOfIntent && agreement.kind != .termination {
            guard !terminated.contains(agreement.partnership), let end = agreement.endDay else { continue }
            found.append(
                Reminder(
                    kind: .agreementEnds, day: end, uid: "agreement-ends-\(agreement.id)@kembar",
                    partnership: agreement.partnership, record: agreement.id.rawValue, title: agreement.title))
            if !renewed.contains(agreement.id) {
                found.append(
                    Reminder(
                        kind: .renewalDue, day: end.adding(months: -lead), uid: "renewal-due-\(agreement.id)@kembar",
                        partnership: agreement.partnership, record: agreement.id.rawValue, title: agreement.title,
                        ends: end))
            }
        }
        for action in data.actions where partnerships.contains(action.partnership) {
            if let start = action.start {
                found.append(
                    Reminder(
                        kind: .actionStarts, day: start.firstDay, uid: "action-starts-\(action.id)@kembar",
                        partnership: action.partnership, record: action.id.rawValue, title: action.title))
            }
            if let end = action.end {
                found.append(
                    Reminder(
                        kind: .actionEnds, day: end.lastDay, uid: "action-ends-\(action.id)@kembar",
                        partnership: action.partnership, record: action.id.rawValue, title: action.title))
            }
            for target in action.targets {
                found.append(
                    Reminder(
                        kind: .targetDue, day: target.date.lastDay, uid: "target-\(action.id)-\(target.id)@kembar",
                        partnership: action.partnership, record: action.id.rawValue, title: target.indicator))
            }
        }
        return found.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }
    }
}

/// Writes iCalendar (RFC 5545) text: CRLF line ends, lines folded at 75 octets, text values escaped.
public enum ICalendar {
    public struct Event: Sendable {
        public var uid: String
        public var day: Day
        public var summary: String
        public var description: String
        public var url: String?

        public init(uid: String, day: Day, summary: String, description: String, url: String? = nil) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.description = description
            self.url = url
        }
    }

    /// A calendar of all-day events. `stamp` is the moment the feed was made (UTC), required on every event.
    public static func calendar(name: String, stamp: Date, events: [Event]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kembar//Sister-city reminders//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name),
        ]
        let stamped = timestamp(stamp)
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + stamped,
                "DTSTART;VALUE=DATE:" + date(event.day), "DTEND;VALUE=DATE:" + date(event.day.adding(days: 1)),
                "SUMMARY:" + escape(event.summary), "DESCRIPTION:" + escape(event.description),
            ]
            if let url = event.url { lines.append("URL:" + url) }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func date(_ day: Day) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }

    static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.ordinal * 86_400
        return Self.date(day) + String(format: "T%02d%02d%02dZ", rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// Backslash, semicolon and comma escaped, line breaks as `\n`, other control characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A content line folded into lines of at most 75 octets, each continuation starting with a space, never inside
    /// a character.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }
}
