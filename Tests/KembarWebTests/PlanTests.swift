import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Action plans in the web app: the founding plan on the pages and in the report, a plan made with the form's rows,
/// an activity delivering it, and progress changing; saving a form unchanged changes nothing.
@Suite struct PlanTests {
    /// The values a browser would send for a form page as it is shown: every input, checked box, chosen option and
    /// text area, with the page's hidden inputs (version, form token).
    static func submitted(_ page: String) -> [String: String] {
        func matches(_ pattern: String, in text: String) -> [[String]] {
            let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
            return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
                (0..<match.numberOfRanges).map { index in
                    Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
                }
            }
        }
        func attribute(_ name: String, _ tag: String) -> String? {
            matches(#"\s\#(name)="([^"]*)""#, in: tag).first.map { unescape($0[1]) }
        }
        func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        let form = matches(#"<form method="post" action="/(?:edit|new)/.*?</form>"#, in: page).first?[0] ?? ""
        var values: [String: String] = [:]
        for match in matches(#"<input[^>]*>"#, in: form) {
            let tag = match[0]
            guard let name = attribute("name", tag) else { continue }
            let type = attribute("type", tag) ?? "text"
            if type == "checkbox" || type == "radio" {
                if tag.contains(" checked") { values[name] = attribute("value", tag) ?? "on" }
            } else if type != "submit" {
                values[name] = attribute("value", tag) ?? ""
            }
        }
        for match in matches(#"<select[^>]*name="([^"]*)"[^>]*>(.*?)</select>"#, in: form) {
            let options = matches(#"<option[^>]*>"#, in: match[2]).map(\.[0])
            let chosen = options.first { $0.contains(" selected") } ?? options.first
            values[unescape(match[1])] = chosen.flatMap { attribute("value", $0) } ?? ""
        }
        for match in matches(#"<textarea[^>]*name="([^"]*)"[^>]*>(.*?)</textarea>"#, in: form) {
            values[unescape(match[1])] = unescape(match[2].hasPrefix("\n") ? String(match[2].dropFirst()) : match[2])
        }
        return values
    }

    @Test(arguments: TestBackend.enabled)
    func theFoundingPlanOnItsPagesAndInTheReport(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool?lang=en&asOf=2023-12-31") {
                res async in
                let page = res.body.string
                #expect(res.status == .ok)
                #expect(page.contains("Plans and targets"))
                #expect(page.contains("2 of 4 planned actions delivered."))
                #expect(page.contains("Planned but not delivered: Creative economy development, Port management."))
                #expect(page.contains(#"href="/actions/sbylpl-plan-inclusive-education""#))
                #expect(page.contains(#"id="target-progress-title""#) && page.contains(#"id="plan-timeline-title""#))
            }
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool?lang=id&asOf=2023-12-31") {
                res async in
                let page = res.body.string
                #expect(page.contains("Rencana dan target"))
                #expect(page.contains("2 dari 4 rencana aksi terlaksana."))
                #expect(
                    page.contains(
                        "Direncanakan tetapi belum terlaksana: Pengembangan ekonomi kreatif, Manajemen pelabuhan."))
            }
            try await app.testing().test(.GET, "/actions/sbylpl-plan-youth-football?lang=en&asOf=2023-12-31") {
                res async in
                let page = res.body.string
                #expect(res.status == .ok)
                #expect(page.contains("Young footballers trained in Liverpool"))
                #expect(page.contains(#"<span class="badge target-met">met</span>"#))
                #expect(page.contains("~251 people") && page.contains("no target value"))
                #expect(page.contains(#"href="/activities/sbylpl-2018-u14-football-delegation""#))
                #expect(page.contains(#"href="/partnerships/surabaya-liverpool""#), "breadcrumb")
            }
            try await app.testing().test(.GET, "/actions/sbylpl-plan-port-management?lang=id") { res async in
                #expect(res.body.string.contains("Belum ada kegiatan selesai atau berlangsung yang melaksanakan"))
            }
            try await app.testing().test(.GET, "/actions/no-such-plan") { res async in #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/activities/sbylpl-2022-06-28-webinar-assessment?lang=en") {
                res async in
                #expect(
                    res.body.string.contains("Inclusive-education teacher development with St Vincent&#39;s School"))
            }
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool/report?lang=en&format=md") {
                res async in
                let report = res.body.string
                #expect(report.contains("## Plans and targets"))
                #expect(report.contains("| Creative economy development | 1 | 0 |"))
                #expect(report.contains("| Human-resource development | 1 | 1 |"))
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aPlanMadeWithRowsIsDeliveredAndItsProgressChanges(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let repository = app.kembarStore.repository
            let blank = try await get(app, "/new/actions?partnership=surabaya-liverpool&lang=en", as: admin)
            for name in [
                "targets.0.indicator_en", "targets.0.measure", "targets.0.value", "responsible_city.0.organisation",
            ] {
                #expect(blank.contains(#"name="\#(name)""#), "\(name)")
            }
            var form = [
                "partnership": "surabaya-liverpool", "agreement": "sbylpl-2018-mou",
                "title_en": "Port management staff exchange", "start": "2025-01", "end": "2026-12",
                "_checks.fields": "1", "fields.check.port-management": "on",
                "responsible_city.0.organisation": "surabaya-city-government", "budget_amount": "150000000",
                "budget_currency": "idr", "budget_funding": "APBD Kota Surabaya",
                "targets.0.indicator_en": "Port officers trained", "targets.0.measure": "participants",
                "targets.0.roles": "official", "targets.0.value": "20", "targets.0.date": "2026-12",
                "targets.0.unit": "officers", "targets.1.measure": "participants",
            ]
            // A target row without its date is named beside the rows; then a reversed period and a currency that is
            // not one are named together.
            var wrong = form
            wrong["targets.1.indicator_en"] = "Visits"
            let rowRefused = try await post(app, "/new/actions?lang=en", wrong, as: admin).body.string
            #expect(rowRefused.contains("Each filled row needs what is measured"))
            #expect(rowRefused.contains(#"value="Visits""#), "the input is kept")
            wrong = form
            wrong["end"] = "2024"
            wrong["budget_currency"] = "rupiah"
            let refused = try await post(app, "/new/actions?lang=en", wrong, as: admin).body.string
            #expect(refused.contains("the end lies before the start"))
            #expect(refused.contains("not an ISO 4217 currency code"))
            #expect(try await repository.action("port-management-staff-exchange") == nil)
            let saved = try await post(app, "/new/actions", form, as: admin)
            #expect(saved.headers.first(name: .location) == "/actions/port-management-staff-exchange?notice=saved")
            let action = try #require(try await repository.action("port-management-staff-exchange"))
            #expect(action.budget == Budget(amount: 150_000_000, currency: "IDR", funding: "APBD Kota Surabaya"))
            #expect(action.targets.map(\.id) == ["port-officers-trained"] && action.targets[0].roles == ["official"])
            #expect(action.fields == ["port-management"] && action.responsibleCity == ["surabaya-city-government"])
            let before = try await get(
                app, "/actions/port-management-staff-exchange?lang=en&asOf=2026-01-31", as: admin)
            #expect(before.contains(">0 officers<") && before.contains("at risk"))

            // An activity delivers it: the choice lists the partnership's planned actions by title.
            let activityForm = try await get(app, "/new/activities?partnership=surabaya-liverpool&lang=en", as: admin)
            #expect(activityForm.contains(#"name="delivers.check.port-management-staff-exchange""#))
            #expect(activityForm.contains("Port management staff exchange"))
            form = [
                "partnership": "surabaya-liverpool", "kind": "training", "title_en": "Port officers visit Liverpool",
                "start": "2025-05", "travel": "from-city", "venue": "partner-city", "status": "completed",
                "participants.0.role": "official", "participants.0.count": "12", "_checks.delivers": "1",
                "delivers.check.port-management-staff-exchange": "on", "cost_amount": "40000000",
                "cost_currency": "IDR",
            ]
            #expect(try await post(app, "/new/activities", form, as: admin).status == .seeOther)
            let after = try await get(app, "/actions/port-management-staff-exchange?lang=en&asOf=2026-01-31", as: admin)
            #expect(after.contains(">12 officers<") && after.contains("60 %") && after.contains("on track"))
            #expect(after.contains("IDR 40,000,000"))
            let progress = Monitoring.progress(
                actions: [action], activities: try await repository.activities(of: "surabaya-liverpool"),
                asOf: Day(year: 2027, month: 1, day: 1))
            #expect(progress.targets[0].status == .missed && progress.budget[0].spent == 40_000_000)
            // The planned action cannot be deleted while an activity delivers it.
            let delete = try await post(app, "/delete/actions/port-management-staff-exchange?lang=en", [:], as: admin)
            #expect(delete.status == .ok && delete.body.string.contains("port-officers-visit-liverpool"))
            #expect(try await repository.action("port-management-staff-exchange") != nil)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func savingAPlanOrActivityFormUnchangedChangesNothing(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let repository = app.kembarStore.repository
            let plans = try await repository.actions(of: "surabaya-liverpool")
            #expect(plans.count == 4)
            for plan in plans {
                let values = Self.submitted(try await get(app, "/edit/actions/\(plan.id)?lang=id", as: admin))
                #expect(values["_version"] != nil && values["targets.0.indicator_en"] != nil)
                let response = try await post(app, "/edit/actions/\(plan.id)", values, as: admin)
                #expect(response.status == .seeOther, "\(plan.id): \(response.body.string.prefix(300))")
                #expect(try await repository.action(plan.id) == plan, "\(plan.id)")
            }
            for activity in try await repository.activities(of: "surabaya-liverpool") {
                let values = Self.submitted(try await get(app, "/edit/activities/\(activity.id)?lang=en", as: admin))
                let response = try await post(app, "/edit/activities/\(activity.id)", values, as: admin)
                #expect(response.status == .seeOther, "\(activity.id)")
                // Checkboxes send what is ticked, not the order it was recorded in: fields and tags come back sorted.
                func sorted(_ activity: Activity?) -> Activity? {
                    activity.map {
                        var copy = $0
                        copy.fields.sort()
                        copy.tags.sort()
                        return copy
                    }
                }
                #expect(sorted(try await repository.activity(activity.id)) == sorted(activity), "\(activity.id)")
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func theProcedureChecklistAndTheStuckFilter(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool?lang=en") { res async in
                let page = res.body.string
                #expect(page.contains(#"<section id="procedure""#) || page.contains(#"id="procedure""#))
                #expect(page.contains("Next: Monitoring and evaluation."))
                #expect(page.contains(#"<span class="badge procedure-not-recorded">not recorded</span>"#))
                #expect(page.contains("expected: DPRD decision"))
            }
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool?lang=id") { res async in
                #expect(res.body.string.contains("Berikutnya: Monitoring dan evaluasi."))
            }
            func listed(_ query: String) async throws -> Bool {
                var found = false
                try await app.testing().test(.GET, "/?\(query)") { res async in
                    #expect(res.status == .ok)
                    found = res.body.string.contains(#"<code>surabaya-liverpool</code>"#)
                }
                return found
            }
            // Implementation began in 2018 and nothing since is recorded as monitored: stuck there.
            #expect(try await listed("stuck=implementation&months=6&asOf=2026-12-01"))
            #expect(try await !listed("stuck=signing&months=6&asOf=2026-12-01"))
            #expect(try await !listed("stuck=implementation&months=1200&asOf=2026-12-01"))
            var partnership = try #require(try await repository.partnership("surabaya-liverpool"))
            partnership.procedure = [
                ProcedureRecord(step: "monitoring-evaluation", date: try PartialDate(parsing: "2026-06"))
            ]
            try await repository.importDataset(Dataset(partnerships: [partnership]))
            #expect(try await !listed("stuck=implementation&months=6&asOf=2026-12-01"))
            #expect(try await listed("stuck=monitoring-evaluation&months=3&asOf=2026-12-01"))
            #expect(try await !listed("stuck=monitoring-evaluation&months=9&asOf=2026-12-01"))
            // A step the procedure does not have is refused with the rule's name.
            partnership.procedure.append(ProcedureRecord(step: "blessing", date: try PartialDate(parsing: "2026")))
            await #expect(throws: InvalidInput.self) {
                try await repository.importDataset(Dataset(partnerships: [partnership]))
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func theOfficesReportAndTheMinistrysOverviewOnTheWeb(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            try await app.testing().test(.GET, "/cities/surabaya/report?period=2018..2023&lang=id") { res async in
                let page = res.body.string
                #expect(res.status == .ok && res.headers.contentType == .html)
                #expect(page.contains("Monitoring dan evaluasi kerja sama Surabaya, 2018 – 2023"))
                #expect(
                    page.contains(
                        "Direncanakan tetapi belum terlaksana: Liverpool: Pengembangan ekonomi kreatif, Manajemen pelabuhan."
                    ))
                #expect(page.contains(#"href="/cities/surabaya?lang=id""#), "a way back")
            }
            try await app.testing().test(.GET, "/cities/surabaya/report?period=2025&format=csv") { res async in
                #expect(res.headers.first(name: .contentType) == "text/csv; charset=utf-8")
                #expect(res.body.string.hasPrefix("\u{FEFF}Partner,Kind,Status"))
            }
            try await app.testing().test(.GET, "/cities/surabaya/report?period=2025-99") { res async in
                #expect(res.status == .badRequest)
            }
            try await app.testing().test(.GET, "/cities/surabaya/report?format=pdf") { res async in
                #expect(res.status == .badRequest)
            }
            try await app.testing().test(.GET, "/cities/nowhere/report") { res async in #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/overview?country=ID&lang=en&asOf=2026-12-01") { res async in
                let page = res.body.string
                #expect(res.status == .ok)
                #expect(page.contains("Overview of sister-city cooperation: Indonesia (ID)"))
                #expect(page.contains("<td>Surabaya</td><td class=\"n\">2</td>"))
            }
            try await app.testing().test(.GET, "/overview?country=%3Cscript%3E") { res async in
                #expect(res.status == .badRequest)
            }
            try await app.testing().test(.GET, "/?lang=en") { res async in
                #expect(res.body.string.contains(#"<a href="/overview?lang=en">Overview for the ministry</a>"#))
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func theCitysCalendarNeedsATokenInItsAddress(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            let viewer = try await signIn(app, roles: [.viewer], email: "viewer@example.org")
            let user = try #require(try await repository.user(email: "viewer@example.org"))
            let token = "kmb_calendar_test_token_0123456789abcdef0123456789"
            try await repository.addToken(
                userID: user.id, name: "Calendar", tokenHash: Tokens.hash(token),
                as: WriteContext(actor: "test", channel: .cli))
            _ = viewer
            try await app.testing().test(.GET, "/calendar/surabaya.ics") { res async in
                #expect(res.status == .unauthorized && res.body.string.contains("personal API token"))
            }
            try await app.testing().test(.GET, "/calendar/surabaya.ics?token=kmb_wrong") { res async in
                #expect(res.status == .unauthorized)
            }
            try await app.testing().test(.GET, "/calendar/surabaya.ics?token=\(token)&lead=99") { res async in
                #expect(res.status == .badRequest)
            }
            try await app.testing().test(.GET, "/calendar/nowhere.ics?token=\(token)") { res async in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(.GET, "/calendar/surabaya.ics?token=\(token)&lang=id") { res async in
                let text = res.body.string
                #expect(res.status == .ok && res.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
                #expect(
                    text.hasPrefix("BEGIN:VCALENDAR\r\n")
                        && text.contains("X-WR-CALNAME:Kembar: kerja sama Kota Surabaya"))
                #expect(text.contains("UID:target-sbylpl-plan-inclusive-education-teachers-trained@kembar"))
                #expect(text.contains("SUMMARY:Tenggat target: Kota Liverpool"))
                #expect(text.contains("DTSTART;VALUE=DATE:20231231"))
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func theAttentionPanelNamesTargetsBehindAndStepsStuck(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            try await app.testing().test(.GET, "/?lang=en&asOf=2026-12-01") { res async in
                #expect(
                    res.body.string.contains(
                        "At “Implementation” since 2018, no later step recorded: Surabaya – Liverpool"))
                #expect(!res.body.string.contains("Targets at risk or missed"))
            }
            var plan = try #require(try await repository.action("sbylpl-plan-port-management"))
            plan.start = try PartialDate(parsing: "2025-01")
            plan.end = try PartialDate(parsing: "2026-12")
            plan.targets[0].value = 2
            plan.targets[0].date = try PartialDate(parsing: "2026-12")
            try await repository.importDataset(Dataset(actions: [plan]))
            try await app.testing().test(.GET, "/?lang=id&asOf=2026-01-31") { res async in
                #expect(res.body.string.contains("Target berisiko atau tidak tercapai: Kota Surabaya – Kota Liverpool"))
            }
            try await app.testing().test(.GET, "/?lang=en&asOf=2025-02-01") { res async in
                #expect(!res.body.string.contains("Targets at risk or missed"), "not yet behind the pace")
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aDocumentIsAttachedDownloadedAndRefusedWhenTooLarge(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let repository = app.kembarStore.repository
            func upload(
                _ name: String, _ bytes: [UInt8], type: String, category: String = "A09"
            ) async throws
                -> TestingHTTPResponse
            {
                var response: TestingHTTPResponse?
                var body = ByteBuffer(string: admin.csrfPart)
                for (field, value) in [
                    ("attached_to", "agreement"), ("owner", "sbylpl-2018-mou"), ("category", category),
                    ("language", "id"), ("title_en", "Signed MoU"),
                ] {
                    body.writeString(
                        "--kembar\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n")
                }
                body.writeString(
                    "--kembar\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n"
                )
                body.writeBytes(bytes)
                body.writeString("\r\n--kembar--\r\n")
                let payload = body
                try await app.testing().test(
                    .POST, "/documents?lang=en",
                    beforeRequest: { req in
                        req.headers.contentType = HTTPMediaType(
                            type: "multipart", subType: "form-data", parameters: ["boundary": "kembar"])
                        admin.sign(&req)
                        req.body = payload
                    }
                ) { res async in response = res }
                return try #require(response)
            }
            let scan = Array("%PDF-1.4 MoU".utf8)
            let saved = try await upload("../../MoU Surabaya\u{0007}.pdf", scan, type: "application/pdf")
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/agreements/sbylpl-2018-mou?notice=saved#documents")
            let document = try #require(try await repository.document("mou-surabaya-pdf"))
            #expect(
                document.fileName == "MoU Surabaya.pdf" && document.category == "A09" && document.size == scan.count)
            let page = try await get(app, "/agreements/sbylpl-2018-mou?lang=id", as: admin)
            #expect(
                page.contains(#"href="/documents/mou-surabaya-pdf""#) && page.contains("A09 Nota kesepahaman (MoU)"))
            #expect(page.contains(#"enctype="multipart/form-data""#), "the upload form for an editor")
            try await app.testing().test(.GET, "/documents/mou-surabaya-pdf") { res async in
                #expect(res.status == .ok && res.headers.first(name: .contentType) == "application/pdf")
                #expect(res.headers.first(name: "Content-Disposition")?.contains("attachment") == true)
                #expect(res.headers.first(name: "Content-Security-Policy") == "default-src 'none'; sandbox")
                #expect(Array(res.body.readableBytesView) == scan)
            }
            // A type a browser could run is served as bytes.
            let html = try await upload("page.html", Array("<script>alert(1)</script>".utf8), type: "text/html")
            #expect(html.status == .seeOther, "\(html.body.string.suffix(2000))")
            try await app.testing().test(.GET, "/documents/page-html") { res async in
                #expect(res.headers.first(name: .contentType) == "application/octet-stream")
            }
            let large = try await upload(
                "big.pdf", [UInt8](repeating: 0x25, count: AttachedDocument.maximumSize + 10), type: "application/pdf")
            #expect(large.status == .unprocessableEntity && large.body.string.contains("at most 10 MiB"))
            let wrong = try await upload("x.pdf", scan, type: "application/pdf", category: "Z99")
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("Category (IATI)"))
            try await app.testing().test(.GET, "/documents/none-such") { res async in #expect(res.status == .notFound) }
            try await app.testing().test(
                .GET, "/edit/documents/mou-surabaya-pdf", beforeRequest: { req in admin.sign(&req) }
            ) {
                res async in #expect(res.status == .notFound)
            }
        }
    }
}
