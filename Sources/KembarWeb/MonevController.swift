import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// The office's monitoring report of a city for a period, and the ministry's overview of a country or province:
/// printable HTML, Markdown, CSV (the main table) or JSON, in the reader's language.
struct MonevController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("cities", ":key", "report", use: cityReport)
        routes.get("overview", use: overview)
        routes.get("calendar", ":file", use: calendar)
    }

    /// `GET /calendar/surabaya.ics?token=…&lead=6&lang=id`: the city's reminders as an iCalendar feed — agreements
    /// ending, renewals due `lead` months before (default six), planned actions starting and ending, targets due.
    /// A calendar program cannot send a header, so the personal API token of an account rides in the address.
    func calendar(req: Request) async throws -> Response {
        let file = try req.parameters.require("file")
        guard file.hasSuffix(".ics") else { throw Abort(.notFound) }
        guard let token = req.query[String.self, at: "token"], !token.isEmpty, token.utf8.count <= 128,
            let user = try await req.repository.user(tokenHash: Tokens.hash(token))
        else { throw Abort(.unauthorized, reason: WebText.calendarTokenNeeded(req.language)) }
        req.account = Account(user: user, csrf: "", tokenHash: "token:" + Tokens.hash(token), viaToken: true)
        let key = CityKey(String(file.dropLast(4)))
        guard let city = try await req.repository.city(key) else { throw Abort(.notFound) }
        var lead = 6
        if let text = req.query[String.self, at: "lead"] {
            guard let months = Int(text), (0...60).contains(months) else {
                throw Abort(.badRequest, reason: WebText.leadInvalid(text, req.language))
            }
            lead = months
        }
        let data = try await req.repository.cityRecords(key)
        let language = req.language
        let base = req.publicBase
        let events = Reminders.of(data, city: key, leadMonths: lead).map { reminder in
            let partnership = data.partnerships.first { $0.id == reminder.partnership }
            let partner =
                partnership.flatMap { p in
                    (p.city == key ? p.partnerCity : p.city).flatMap { other in data.cities.first { $0.id == other } }
                }?.name.text(language) ?? reminder.partnership.rawValue
            return ICalendar.Event(
                uid: reminder.uid, day: reminder.day,
                summary: MonevStrings.reminder(reminder.kind, partner: partner, language),
                description: MonevStrings.reminderDetail(
                    reminder.kind, title: reminder.title.text(language),
                    ends: reminder.ends.map { Format.date($0.partialDate, language) }, language),
                url: base.map {
                    "\($0)/"
                        + (reminder.kind == .agreementEnds || reminder.kind == .renewalDue
                            ? "agreements/" : "actions/") + reminder.record
                })
        }
        let body = ICalendar.calendar(
            name: MonevStrings.calendarName(city.name.text(language), language), stamp: Date(), events: events)
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        response.headers.contentDisposition = .init(.inline, filename: "kembar-\(key).ics")
        return response
    }

    /// `GET /cities/:key/report?period=2025&format=html`: every partnership of the city as of the period's end.
    func cityReport(req: Request) async throws -> Response {
        let key = CityKey(try req.parameters.require("key"))
        guard let city = try await req.repository.city(key) else { throw Abort(.notFound) }
        let format = try Self.format(req)
        let text = req.query[String.self, at: "period"] ?? String(req.asOf.year)
        guard let period = try? MonitoringPeriod(parsing: text) else {
            throw Abort(.badRequest, reason: WebText.periodInvalid(text, req.language))
        }
        let data = try await req.repository.cityRecords(key)
        let procedure = Bundled.procedure(country: city.country)
        let report = Monitoring.officeReport(data, city: key, period: period, procedure: procedure)
        let frame = PrintFrame(
            office: req.application.access.office,
            back: ("/cities/\(key)?lang=\(req.language.rawValue)", WebText.backToCity(req.language)))
        let body = try OfficeReportDocument(report: report, data: data, procedure: procedure)
            .render(format, req.language, frame: frame)
        return Self.response(body, format, file: "kembar-monev-\(key)-\(period)")
    }

    /// `GET /overview?country=ID&province=ID-JI&format=html`: the counts of a country's or province's partnerships.
    func overview(req: Request) async throws -> Response {
        let format = try Self.format(req)
        func code(_ name: String, length: ClosedRange<Int>) throws -> String? {
            guard let text = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty
            else { return nil }
            let upper = text.uppercased()
            guard length.contains(upper.count),
                upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            else { throw Abort(.badRequest, reason: WebText.codeInvalid(name, text, req.language)) }
            return upper
        }
        let overview = try await req.repository.overview(
            country: try code("country", length: 2...2), province: try code("province", length: 4...6), asOf: req.asOf)
        let frame = PrintFrame(
            office: req.application.access.office,
            back: ("/?lang=\(req.language.rawValue)", WebText.backToDashboard(req.language)))
        let body = try OverviewDocument(overview: overview).render(format, req.language, frame: frame)
        return Self.response(body, format, file: "kembar-overview-\(overview.province ?? overview.country ?? "all")")
    }

    static func format(_ req: Request) throws -> MonevFormat {
        let text = req.query[String.self, at: "format"] ?? "html"
        guard let format = MonevFormat(rawValue: text) else {
            throw Abort(.badRequest, reason: WebText.formatInvalid(text, req.language))
        }
        return format
    }

    static func response(_ body: String, _ format: MonevFormat, file: String) -> Response {
        let response = Response(status: .ok, body: .init(string: body))
        switch format {
        case .html:
            response.headers.contentType = .html
            // The report's print button, allowed by its hash alone.
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy", value: SecurityHeadersMiddleware.reportPolicy)
        case .markdown: response.headers.replaceOrAdd(name: .contentType, value: "text/markdown; charset=utf-8")
        case .csv:
            response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
            response.headers.contentDisposition = .init(.attachment, filename: "\(file).csv")
        case .json: response.headers.contentType = .json
        }
        return response
    }
}
