import Crypto
import Foundation
import KembarCore
import KembarReport
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Every page answers in both languages, forms validate with the core's rules, writes go through one guard.
@Suite struct EveryPageTests {
    static let paths = [
        "/", "/partnerships/surabaya-liverpool",
        "/partnerships/surabaya-liverpool?framework=id-kominfo-gerakan-menuju-100-smart-city",
        "/cities", "/cities/surabaya", "/cities/liverpool", "/activities/sbylpl-2018-u14-football-delegation",
        "/initiatives/wargaku", "/organisations", "/organisations/st-vincents-school", "/sources",
        "/sources/handayani-zahidi-2024", "/frameworks", "/frameworks/itu-u4ssc-kpis", "/import", "/index",
        "/new/activities", "/new/partnerships", "/new/cities", "/new/agreements", "/new/milestones", "/new/initiatives",
        "/new/observations", "/new/organisations", "/new/sources", "/new/fields",
        "/edit/agreements/sbylpl-2018-mou", "/delete/activities/sbylpl-2018-u14-football-delegation",
        "/partnerships/surabaya-liverpool/report", "/partnerships/surabaya-liverpool/report?format=md",
        "/partnerships/surabaya-liverpool/report?format=json", "/partnerships/surabaya-liverpool/export.json",
        "/?status=active&country=ID&year=2019&q=liver",
        // Hostile ranges that used to trap the process.
        "/index?from=2024&to=2020", "/index?from=-9223372036854775808&to=9223372036854775807",
        "/account",
    ]

    @Test(arguments: TestBackend.enabled)
    func everyPageRendersInBothLanguages(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            for path in Self.paths {
                for lang in ["en", "id"] {
                    let url = path + (path.contains("?") ? "&" : "?") + "lang=\(lang)"
                    try await app.testing().test(.GET, url, beforeRequest: { req in admin.sign(&req) }) { res async in
                        #expect(res.status == .ok, "\(url)")
                        if res.headers.contentType == .html && !path.contains("report") {
                            #expect(res.body.string.contains("<html lang=\"\(lang)\">"), "\(url)")
                            #expect(res.body.string.contains("<main id=\"content\""), "\(url)")
                        }
                    }
                }
            }
        }
    }

    @Test func partnershipPageShowsTheEvaluation() async throws {
        try await withKembarApp(.sqlite) { app in
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool?lang=en&asOf=2023-12-31") {
                res async in
                let page = res.body.string
                #expect(page.contains("aria-labelledby=\"timeline-surabaya-liverpool-title"))
                #expect(page.contains("Smart People"))
                #expect(page.contains("MoU implementation"))
                #expect(page.contains("Smart city development"))
                #expect(page.contains("19 March 2018"))
            }
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool?lang=id&asOf=2023-12-31") {
                res async in
                #expect(res.body.string.contains("Pelaksanaan MoU"))
                #expect(res.body.string.contains("19 Maret 2018"))
            }
        }
    }

    @Test func cityShowsItsIndexRankOnceAnotherCityIsObserved() async throws {
        try await withKembarApp(.sqlite) { app in
            try await app.testing().test(.GET, "/cities/surabaya?lang=en") { res async in
                #expect(!res.body.string.contains("5–95 % interval"))
            }
            let csv = "city,indicator,period,value,unit\nliverpool,itu-u4ssc-kpis:SC:SH:SI:3C,2023-03,14.2,%\n"
            try await app.kembarStore.repository.importDataset(try RecordCSV.decode(csv, file: "obs.csv"))
            try await app.testing().test(.GET, "/cities/surabaya?lang=en") { res async in
                // Lower poverty is better: Surabaya (10.35) ranks first of two.
                #expect(res.body.string.contains("1 / 2 · 5–95 % interval 1–1"))
            }
            try await app.testing().test(.GET, "/index?framework=itu-u4ssc-kpis&lang=en") { res async in
                #expect(
                    res.body.string.contains("Kota Surabaya ranks above")
                        || res.body.string.contains("Surabaya ranks above Liverpool in 100 % of 500 runs."))
            }
        }
    }

    @Test func dashboardFiltersAndAttention() async throws {
        try await withKembarApp(.sqlite) { app in
            try await app.testing().test(.GET, "/?lang=en&country=JP") { res async in
                #expect(res.body.string.contains("Surabaya – Kitakyushu"))
                #expect(!res.body.string.contains("surabaya-liverpool</code>"))
            }
            try await app.testing().test(.GET, "/?lang=en&q=liverpool") { res async in
                #expect(res.body.string.contains("surabaya-liverpool</code>"))
                #expect(!res.body.string.contains("surabaya-kitakyushu</code>"))
            }
            try await app.testing().test(.GET, "/?lang=en&asOf=2023-12-31") { res async in
                #expect(res.body.string.contains("Activity without participants"))
                #expect(res.body.string.contains("s-active"))
            }
        }
    }
}

@Suite struct FormTests {
    static let activity = [
        "key": "sbylpl-2023-port-visit", "partnership": "surabaya-liverpool", "kind": "delegation-visit",
        "title_en": "Port management study visit", "start": "2023-05-10", "end": "2023-05-01", "mode": "outbound",
        "status": "completed", "participants": "official=4", "fields": "port-management",
        "tags": "cohen-smart-city-wheel:economy", "sources": "handayani-zahidi-2024",
    ]

    @Test(arguments: TestBackend.enabled)
    func createWithAnErrorThenCorrect(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            try await app.testing().test(
                .POST, "/new/activities?lang=en",
                beforeRequest: { req in
                    try req.content.encode(admin.form(Self.activity), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.status == .ok)
                let page = res.body.string
                #expect(page.contains("id=\"e-end\""))
                #expect(page.contains("an activity cannot end before it starts"))
                #expect(page.contains("value=\"Port management study visit\""))
            }
            try await app.testing().test(
                .POST, "/new/activities?lang=id",
                beforeRequest: { req in
                    try req.content.encode(admin.form(Self.activity), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.body.string.contains("kegiatan tidak dapat berakhir sebelum dimulai"))
            }
            var fixed = Self.activity
            fixed["end"] = "2023-05-14"
            try await app.testing().test(
                .POST, "/new/activities",
                beforeRequest: { req in
                    try req.content.encode(admin.form(fixed), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/activities/sbylpl-2023-port-visit?notice=saved")
            }
            // The same key again is refused: nothing is overwritten by a "new" form.
            try await app.testing().test(
                .POST, "/new/activities?lang=en",
                beforeRequest: { req in
                    try req.content.encode(admin.form(fixed), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.body.string.contains("the key is used twice"))
            }
            try await app.testing().test(.GET, "/api/v1/partnerships/surabaya-liverpool/evaluation?asOf=2023-12-31") {
                res async throws in
                let evaluation = try res.content.decode(PartnershipEvaluation.self)
                #expect(
                    evaluation.mou.implemented.map(\.rawValue).sorted() == [
                        "hr-development", "port-management", "smart-city",
                    ])
                #expect(evaluation.dimensions.first { $0.node == "economy" }?.reach.activities == 1)
            }
        }
    }

    @Test func suggestTagsShowsTheMatchedWordsAndSavesNothing() async throws {
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            var values = Self.activity
            values["title_id"] = "Pelatihan guru sekolah inklusi"
            values["action"] = "suggest"
            let asked = values
            try await app.testing().test(
                .POST, "/new/activities?lang=en",
                beforeRequest: { req in
                    try req.content.encode(admin.form(asked), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.body.string.contains("cohen-smart-city-wheel:people"))
                #expect(res.body.string.contains("pelatihan (latih)"))
                #expect(!res.body.string.contains("id=\"e-end\""))
            }
            #expect(try await app.kembarStore.repository.activity("sbylpl-2023-port-visit") == nil)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func editKeepsWhatTheFormDoesNotShowAndDeleteChecksReferences(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let store = app.kembarStore
            var values = try #require(try await store.repository.formValues(.initiatives, key: "wargaku"))
            values["title_en"] = "WARGAKU complaints app"
            let edited = values
            try await app.testing().test(
                .POST, "/edit/initiatives/wargaku",
                beforeRequest: { req in
                    try req.content.encode(admin.form(edited), as: .urlEncodedForm)
                    admin.sign(&req)
                }
            ) { res async in
                #expect(res.status == .seeOther)
            }
            let wargaku = try #require(try await store.repository.initiative("wargaku"))
            #expect(wargaku.title.en == "WARGAKU complaints app")
            #expect(wargaku.figures.first?.value == 11316)

            try await app.testing().test(.POST, "/delete/cities/surabaya?lang=en", beforeRequest: admin.signedForm) {
                res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Still referred to by"))
            }
            #expect(try await store.repository.city("surabaya") != nil)
            try await app.testing().test(
                .POST, "/delete/partnerships/surabaya-liverpool", beforeRequest: admin.signedForm
            ) {
                res async in
                #expect(res.status == .seeOther)
            }
            #expect(try await store.repository.activities(of: "surabaya-liverpool").isEmpty)
            #expect(try await store.repository.partnership("surabaya-liverpool") == nil)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func importFromTheBrowserIsAtomic(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let bad = try String(contentsOfFile: sharedFixture("activities-bad.csv"), encoding: .utf8)
            let good = try String(contentsOfFile: sharedFixture("activities-good.csv"), encoding: .utf8)
            /// Posts a multipart import form (after the session's form token) and returns the page.
            func post(_ parts: String, as visitor: Visitor = admin) async throws -> String {
                var page = ""
                try await app.testing().test(
                    .POST, "/import?lang=en",
                    beforeRequest: { req in
                        req.headers.contentType = HTTPMediaType(
                            type: "multipart", subType: "form-data", parameters: ["boundary": "kembar"])
                        visitor.sign(&req)
                        req.body = ByteBuffer(string: visitor.csrfPart + parts)
                    }
                ) { res async in page = res.body.string }
                return page
            }
            let refused = try await post(multipart([("good.csv", good), ("activities-bad.csv", bad)]))
            #expect(refused.contains("Nothing was imported: 3 problems found."))
            #expect(refused.contains("activities-bad.csv:3 end"))
            #expect(refused.contains("activities-bad.csv:4 mode"))
            #expect(try await app.kembarStore.repository.activities(of: "surabaya-liverpool").count == 8)
            // First a preview: what would be added, nothing written.
            let preview = try await post(multipart([("good.csv", good)]))
            #expect(preview.contains("Dry run, nothing written: 1 would be added, 0 changed, 0 unchanged."))
            #expect(preview.contains("+ add activities/"))
            #expect(try await app.kembarStore.repository.activities(of: "surabaya-liverpool").count == 8)
            // The preview names the files kept for it; the page does not carry them.
            let bundle = try #require(
                preview.components(separatedBy: "name=\"pending\" value=\"").dropFirst().first?
                    .components(separatedBy: "\"").first)
            #expect(bundle.count < 100)
            func confirm(_ key: String, as visitor: Visitor) async throws -> String {
                try await post(
                    "--kembar\r\nContent-Disposition: form-data; name=\"pending\"\r\n\r\n\(key)\r\n"
                        + "--kembar\r\nContent-Disposition: form-data; name=\"confirm\"\r\n\r\n1\r\n--kembar--\r\n",
                    as: visitor)
            }
            // Only the account that previewed may confirm; once confirmed, the files are gone.
            let other = try await signIn(app, roles: [.administrator], email: "other@example.org")
            #expect(try await confirm(bundle, as: other).contains("This preview is no longer waiting"))
            #expect(try await confirm(bundle, as: admin).contains("Imported: 1 new, 0 updated, 0 unchanged."))
            #expect(try await app.kembarStore.repository.activities(of: "surabaya-liverpool").count == 9)
            #expect(try await confirm(bundle, as: admin).contains("This preview is no longer waiting"))
            #expect(try await app.kembarStore.repository.activities(of: "surabaya-liverpool").count == 9)
            // No file chosen is said, not ignored.
            #expect(try await post(multipart([])).contains("No file chosen"))
        }
    }

    /// A clerk records an activity with rows and checkboxes only — no list syntax, no key to invent.
    @Test(arguments: TestBackend.enabled)
    func rowsCheckboxesAndAKeyMadeFromTheTitle(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let repository = app.kembarStore.repository
            try await app.testing().test(
                .GET, "/new/activities?partnership=surabaya-liverpool&lang=en",
                beforeRequest: { req in admin.sign(&req) }
            ) { res async in
                let page = res.body.string
                for name in [
                    "participants.0.role", "participants.0.count", "participants.0.approximate",
                    "organisations.0.organisation", "organisations.0.role", "sources.0.key", "fields.check.smart-city",
                ] {
                    #expect(page.contains(#"name="\#(name)""#), "\(name)")
                }
                #expect(page.contains("Leave empty and Kembar makes it from the title or name."))
                #expect(!page.contains("(sister-city)") && !page.contains("(delegation-visit)"), "no raw codes")
            }
            var form = [
                "partnership": "surabaya-liverpool", "kind": "training", "title_en": "Port visit of Liverpool pupils",
                "start": "2024-05", "travel": "from-partner", "venue": "first-city", "status": "completed",
                "participants.0.role": "pupil", "participants.0.count": "12", "participants.1.role": "teacher",
                "participants.1.count": "3", "participants.1.approximate": "true", "participants.2.role": "",
                "participants.2.count": "", "organisations.0.organisation": "tranmere-rovers-fc",
                "organisations.0.role": "trainer", "organisations.1.organisation": "", "organisations.1.role": "",
                "sources.0.key": "handayani-zahidi-2024", "sources.1.key": "", "_checks.fields": "1",
                "fields.check.smart-city": "on", "fields.check.hr-development": "on",
            ]
            // "Add another" shows one more blank row and saves nothing.
            form["action"] = "more:participants"
            let more = try await post(app, "/new/activities?lang=en", form, as: admin)
            #expect(more.body.string.contains(#"name="participants.3.role""#))
            #expect(try await repository.activity("port-visit-of-liverpool-pupils") == nil)
            form["action"] = nil
            let saved = try await post(app, "/new/activities", form, as: admin)
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/activities/port-visit-of-liverpool-pupils?notice=saved")
            let activity = try #require(try await repository.activity("port-visit-of-liverpool-pupils"))
            #expect(
                activity.participants == [
                    Participants(role: "pupil", count: 12), Participants(role: "teacher", count: 3, approximate: true),
                ])
            #expect(activity.organisations == [OrganisationRole(organisation: "tranmere-rovers-fc", role: .trainer)])
            #expect(
                activity.sources == ["handayani-zahidi-2024"] && activity.fields == ["hr-development", "smart-city"])
            // The same title again gets the next free key.
            #expect(
                try await post(app, "/new/activities", form, as: admin).headers.first(name: .location)
                    == "/activities/port-visit-of-liverpool-pupils-2?notice=saved")
            // A value rows cannot show whole (a breakdown) keeps the text input, so editing loses nothing.
            var split = activity
            split.participants = [Participants(role: "pupil", count: 10, breakdown: ["girls": 4, "boys": 6])]
            try await repository.importDataset(Dataset(activities: [split]))
            try await app.testing().test(
                .GET, "/edit/activities/port-visit-of-liverpool-pupils", beforeRequest: { req in admin.sign(&req) }
            ) { res async in
                let page = res.body.string
                #expect(page.contains(#"name="participants""#) && !page.contains(#"name="participants.0.role""#))
                #expect(page.contains("girls=4"))
            }
        }
    }

    /// Outputs, structured results and signatories are rows too; a figure the rows cannot show whole keeps its JSON.
    @Test(arguments: TestBackend.enabled)
    func outputsResultsAndSignatoriesAreRows(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let repository = app.kembarStore.repository
            var form = [
                "partnership": "surabaya-liverpool", "kind": "training", "title_en": "Coaching clinic",
                "start": "2024-05", "travel": "from-partner", "venue": "first-city", "status": "completed",
                "outputs_en.0.text": "Training plan", "outputs_en.1.text": "Coaching report", "outputs_en.2.text": "",
                "results.0.label_en": "Coaches trained", "results.0.label_id": "Pelatih terlatih",
                "results.0.value": "twelve", "results.0.period": "2024", "results.0.approximate": "true",
                "results.0.sources": "handayani-zahidi-2024", "results.1.label_en": "", "results.1.value": "",
            ]
            let refused = try await post(app, "/new/activities?lang=en", form, as: admin).body.string
            #expect(
                refused.contains(
                    "Each filled row needs what was counted, in English or Indonesian, and a value in digits"))
            #expect(refused.contains(#"name="results.0.value" type="text" inputmode="numeric" value="twelve""#))
            form["results.0.value"] = "12.5"
            #expect(try await post(app, "/new/activities", form, as: admin).status == .seeOther)
            let activity = try #require(try await repository.activity("coaching-clinic"))
            #expect(activity.outputs.compactMap(\.en) == ["Training plan", "Coaching report"])
            let result = try #require(activity.results.first)
            #expect(activity.results.count == 1 && result.value == 12.5 && result.approximate == true)
            #expect(result.label == LocalizedText(en: "Coaches trained", id: "Pelatih terlatih"))
            #expect(result.period?.description == "2024" && result.sources == ["handayani-zahidi-2024"])
            let edit = try await get(app, "/edit/activities/coaching-clinic?lang=en", as: admin)
            #expect(edit.contains(#"name="results.0.value" type="text" inputmode="numeric" value="12.5""#))
            #expect(edit.contains(#"name="outputs_en.1.text" type="text" value="Coaching report""#))
            // Another source's value has no row: the JSON input keeps it.
            var disputed = activity
            disputed.results[0].alternatives = [Figure.Alternative(value: 10, sources: ["handayani-zahidi-2024"])]
            try await repository.importDataset(Dataset(activities: [disputed]))
            let kept = try await get(app, "/edit/activities/coaching-clinic?lang=en", as: admin)
            #expect(!kept.contains(#"name="results.0.value""#) && kept.contains("alternatives"))
            // An agreement's signatories, one row each, with the city chosen.
            let mou = try await get(app, "/edit/agreements/sbylpl-2018-mou?lang=en", as: admin)
            #expect(mou.contains(#"name="signatories.0.name" type="text" value="Tri Rismaharini""#))
            #expect(mou.contains(#"<option value="liverpool" selected>"#))
            let signed = try await post(
                app, "/new/agreements",
                [
                    "partnership": "surabaya-liverpool", "kind": "mou", "title_en": "Renewed MoU",
                    "signed": "2024-03-19",
                    "signatories.0.name": "Eri Cahyadi", "signatories.0.office_en": "Mayor of Surabaya",
                    "signatories.0.city": "surabaya", "signatories.0.disputed": "true", "signatories.1.name": "",
                ], as: admin)
            #expect(signed.status == .seeOther)
            let renewed = try #require(try await repository.agreement("renewed-mou"))
            #expect(
                renewed.signatories == [
                    Signatory(
                        name: "Eri Cahyadi", office: LocalizedText(en: "Mayor of Surabaya"), city: "surabaya",
                        disputed: true)
                ])
        }
    }

    /// A suggested tag is added with one click, and Cancel goes back where the form was opened from.
    @Test func tagsAreAddedWithOneClickAndCancelGoesBack() async throws {
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            let form = [
                "partnership": "surabaya-liverpool", "title_en": "Football training for pupils with a coach",
                "_back": "/partnerships/surabaya-liverpool", "action": "suggest",
            ]
            let suggested = try await post(app, "/new/activities?lang=en", form, as: admin).body.string
            let button = try #require(
                suggested.components(separatedBy: #"name="action" value="tag:"#).dropFirst().first?
                    .components(separatedBy: "\"").first)
            #expect(suggested.contains(">Add</button>"))
            var add = form
            add["action"] = "tag:" + button
            let added = try await post(app, "/new/activities?lang=en", add, as: admin).body.string
            #expect(added.contains(button) && added.contains(#"<span class="badge s-active">added</span>"#))
            #expect(try await app.kembarStore.repository.activities(of: "surabaya-liverpool").count == 8)
            // The added tag is a checkbox named by its node and framework.
            #expect(added.contains(#"name="tags.check.\#(button)" value="on" checked>"#))
            // Tags are kept while checked, removed when not, and another can be typed as framework:node.
            let edit = try await get(app, "/edit/activities/sbylpl-2018-u14-football-delegation?lang=id", as: admin)
            #expect(edit.contains("checked> Masyarakat cerdas (Roda Kota Cerdas (Boyd Cohen))"))
            var values = try #require(
                try await app.kembarStore.repository.formValues(.activities, key: "sbylpl-2018-u14-football-delegation")
            )
            values["tags"] = nil
            values["_checks.tags"] = "1"
            values["tags.check.cohen-smart-city-wheel:people"] = "on"
            values["tags.other"] = "giffinger-2007-european-smart-cities:people"
            values["_version"] = String(
                try #require(
                    try await app.kembarStore.repository.version(
                        .activities, key: "sbylpl-2018-u14-football-delegation")))
            let saved = try await post(app, "/edit/activities/sbylpl-2018-u14-football-delegation", values, as: admin)
            #expect(saved.status == .seeOther)
            let tagged = try #require(
                try await app.kembarStore.repository.activity("sbylpl-2018-u14-football-delegation"))
            #expect(
                tagged.tags.map(\.description) == [
                    "cohen-smart-city-wheel:people", "giffinger-2007-european-smart-cities:people",
                ])
            // Cancel: the page carried by the form, or the one the browser came from on this host — never another.
            #expect(added.contains(#"<a href="/partnerships/surabaya-liverpool">Cancel</a>"#))
            for (referer, cancel) in [
                ("http://localhost/cities/liverpool", "/cities/liverpool"),
                ("https://evil.example/phish", "/activities/sbylpl-2018-u14-football-delegation"),
            ] {
                try await app.testing().test(
                    .GET, "/edit/activities/sbylpl-2018-u14-football-delegation?lang=en",
                    beforeRequest: { req in
                        admin.sign(&req)
                        req.headers.replaceOrAdd(name: .host, value: "localhost")
                        req.headers.replaceOrAdd(name: .referer, value: referer)
                    }
                ) { res async in #expect(res.body.string.contains(#"<a href="\#(cancel)">Cancel</a>"#), "\(referer)") }
            }
        }
    }

    /// Dates are day, month and year boxes: a year alone, a month and year, or a whole date.
    @Test func datesAreDayMonthAndYearBoxes() async throws {
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            let repository = app.kembarStore.repository
            try await app.testing().test(
                .GET, "/edit/activities/sbylpl-2022-06-28-webinar-assessment?lang=id",
                beforeRequest: { req in admin.sign(&req) }
            ) { res async in
                let page = res.body.string
                #expect(
                    page.contains(
                        #"name="start.day" type="text" inputmode="numeric" maxlength="2" size="2" value="28""#))
                #expect(page.contains(#"<option value="6" selected>Juni</option>"#))
                #expect(
                    page.contains(
                        #"name="start.year" type="text" inputmode="numeric" maxlength="4" size="4" value="2022""#))
            }
            var form = [
                "partnership": "surabaya-liverpool", "kind": "meeting", "title_en": "Planning call", "travel": "none",
                "venue": "online", "status": "completed", "start.day": "", "start.month": "", "start.year": "2019",
                "end.day": "5", "end.month": "", "end.year": "2020",
            ]
            // A day without its month is refused beside the field, in plain words, and kept as typed.
            let refused = try await post(app, "/new/activities?lang=en", form, as: admin).body.string
            #expect(
                refused.contains("Give a year (four digits), a month and year, or a day, month and year that exist."))
            #expect(
                refused.contains(#"name="end.day" type="text" inputmode="numeric" maxlength="2" size="2" value="5""#))
            form["end.month"] = "3"
            #expect(try await post(app, "/new/activities", form, as: admin).status == .seeOther)
            let saved = try #require(try await repository.activity("planning-call"))
            #expect(saved.start.description == "2019" && saved.end?.description == "2020-03-05")
        }
    }

    /// An agreement's "renews" and "amends" offer the other agreements of its partnership only.
    @Test func anAgreementRenewsOnlyAnotherOfItsPartnership() async throws {
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            try await app.testing().test(
                .GET, "/edit/agreements/sbylpl-2018-mou?lang=en", beforeRequest: { req in admin.sign(&req) }
            ) { res async in
                let renews = try? #require(
                    res.body.string.components(separatedBy: #"name="renews""#).dropFirst().first?
                        .components(separatedBy: "</select>").first)
                #expect(renews?.contains(#"value="sbylpl-2017-loi""#) == true)
                #expect(renews?.contains(#"value="sbylpl-2018-mou""#) == false, "not itself")
                #expect(renews?.contains("Letter of Intent between Surabaya and Liverpool (17 May 2017)") == true)
            }
        }
    }

    /// With more organisations than a choice holds, one is found by part of its name and then chosen — in the
    /// page's language, with nothing saved by the search.
    @Test(arguments: TestBackend.enabled)
    func aLongReferenceIsFoundByName(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let admin = try await signIn(app)
            let repository = app.kembarStore.repository
            try await repository.importDataset(
                Dataset(
                    organisations: (1...(ReferenceOptions.limit + 10)).map {
                        Organisation(
                            id: OrganisationKey("sdn-\($0)"), name: LocalizedText(en: "State Primary School \($0)"),
                            kind: .school, country: "ID")
                    }))
            let partnerships = try await repository.partnerships().count
            let blank = try await get(app, "/new/partnerships?lang=en", as: admin)
            #expect(
                blank.contains(#"list="l-partner_organisation""#)
                    && blank.contains(#"value="find:partner_organisation""#))
            #expect(blank.contains("Type part of the name and choose Find"))
            // The rows of an activity's organisations are typed keys with suggestions, not a cut-off choice.
            let activity = try await get(app, "/new/activities?partnership=surabaya-liverpool&lang=en", as: admin)
            #expect(activity.contains(#"name="organisations.0.organisation" type="text""#))
            #expect(activity.contains(#"name="action" value="find:organisations""#))
            // In rows too: a row's typed name becomes a choice of the matches; a stored key stays as typed.
            let rows = try await post(
                app, "/new/activities?lang=en",
                [
                    "partnership": "surabaya-liverpool", "organisations.0.organisation": "school 20",
                    "organisations.0.role": "trainer", "organisations.1.organisation": "tranmere-rovers-fc",
                    "organisations.1.role": "host", "action": "find:organisations",
                ], as: admin
            ).body.string
            let row = try #require(
                rows.components(separatedBy: #"name="organisations.0.organisation""#).dropFirst().first?
                    .components(separatedBy: "</select>").first)
            #expect(row.contains(#"<option value="sdn-20" selected>State Primary School 20</option>"#))
            #expect(rows.contains(#"name="organisations.1.organisation" type="text" value="tranmere-rovers-fc""#))
            let found = try await post(
                app, "/new/partnerships?lang=id",
                ["city": "surabaya", "partner_organisation": "school 20", "action": "find:partner_organisation"],
                as: admin
            ).body.string
            let choice = try #require(
                found.components(separatedBy: #"name="partner_organisation""#).dropFirst().first?
                    .components(separatedBy: "</select>").first)
            #expect(choice.contains(#"<option value="sdn-20" selected>State Primary School 20</option>"#))
            #expect(choice.contains(#"value="sdn-200""#) && !choice.contains(#"value="sdn-21""#))
            #expect(
                found.contains("11 hasil. Pilih salah satu.") && found.contains(#"name="_search.partner_organisation""#)
            )
            #expect(found.contains(#"value="surabaya" selected"#), "what was chosen before stays")
            // Searching again from the search box; nothing matching is said beside the field.
            let none = try await post(
                app, "/new/partnerships?lang=en",
                [
                    "city": "surabaya", "partner_organisation": "sdn-20", "_search.partner_organisation": "zzz",
                    "action": "find:partner_organisation",
                ], as: admin
            ).body.string
            #expect(none.contains("Nothing matches “zzz”.") && none.contains(##"href="#f-partner_organisation""##))
            #expect(try await repository.partnerships().count == partnerships, "a search saves nothing")
        }
    }

    /// Long forms come in parts under headings, and each column is placed in exactly one part on purpose.
    @Test func longFormsComeInParts() async throws {
        for collection in EditableCollection.allCases {
            let parts = FormSections.parts(collection)
            for column in collection.columns.map(\.name) where !parts.isEmpty {
                let base = column.hasSuffix("_en") || column.hasSuffix("_id") ? String(column.dropLast(3)) : column
                #expect(parts.filter { $0.columns.contains(base) }.count == 1, "\(collection) \(column)")
            }
        }
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            let page = try await get(app, "/edit/activities/sbylpl-2018-u14-football-delegation?lang=id", as: admin)
            let headings = page.components(separatedBy: "<h2 id=\"part-").dropFirst().compactMap {
                $0.components(separatedBy: "</h2>").first?.components(separatedBy: ">").last
            }
            #expect(
                headings == [
                    "Apa ini", "Kapan dan di mana", "Siapa yang terlibat", "Hasilnya", "Bidang dan tag",
                    "Sumber dan catatan",
                ])
            #expect(
                page.components(separatedBy: "<div class=\"field").count - 1 == Activity.columns.count,
                "every column has its field")
        }
    }

    /// A form, a delete and a history name the record by its title and mark its section as current.
    @Test func formsNameTheRecordAndMarkTheirSection() async throws {
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            let city = try await get(app, "/edit/cities/liverpool?lang=id", as: admin)
            #expect(city.contains("<h1>Ubah kota: Kota Liverpool</h1>"))
            #expect(city.contains(#"<a href="/cities" aria-current="page">"#))
            let delete = try await get(app, "/delete/sources/handayani-zahidi-2024?lang=en", as: admin)
            #expect(delete.contains("<h1>Delete source: Implementasi Smart City Surabaya-Liverpool"))
            #expect(delete.contains(#"<a href="/sources" aria-current="page">"#))
            let history = try await get(app, "/history/organisations/st-vincents-school?lang=en", as: admin)
            #expect(history.contains(#"<a href="/organisations" aria-current="page">"#))
            // A column of numbers has its header aligned with it.
            let surabaya = try await get(app, "/cities/surabaya?lang=en", as: admin)
            #expect(
                surabaya.contains(#"<th scope="col" class="number">"#) && surabaya.contains(#"<td class="number">"#))
            // A new record's key waits folded under "Advanced", opened when it has a problem.
            let blank = try await get(app, "/new/organisations?lang=en", as: admin)
            #expect(blank.contains(#"<details class="advanced"><summary>Advanced: the record&#39;s key</summary>"#))
            #expect(
                blank.components(separatedBy: #"<details class="advanced">"#).last?.contains(#"name="key""#) == true)
            // Every problem at once: the malformed key with the missing kind and country.
            let bad = try await post(
                app, "/new/organisations?lang=en", ["key": "Bad Key!", "name_en": "X"], as: admin
            ).body.string
            #expect(bad.contains(#"<details class="advanced" open>"#))
            for field in ["key", "kind", "country"] {
                #expect(bad.contains(##"<li><a href="#f-\##(field)">"##), "\(field)")
            }
            // A form for a partnership that does not exist is a 404, not an empty form.
            try await app.testing().test(
                .GET, "/new/activities?partnership=nowhere", beforeRequest: { req in admin.sign(&req) }
            ) { res async in #expect(res.status == .notFound) }
            let activity = try await get(app, "/edit/activities/sbylpl-2018-u14-football-delegation?lang=en", as: admin)
            #expect(
                activity.contains(
                    "<h1>Edit activity: Surabaya U14 football delegation trained by Tranmere Rovers FC</h1>"))
        }
    }

    /// The printable report names the office in each page's margin, numbers its pages, and has a print button
    /// whose one script the page's policy allows by hash, and a way back.
    @Test func theReportIsFramedForPrint() async throws {
        try await withTestStore(.sqlite) { store in
            try await store.prepare(loadDemo: true)
            let access = AccessOptions(office: #"Bagian Kerja Sama "Surabaya""#)
            try await withApp(configure: { app in try configureKembar(app, store: store, access: access) }) { app in
                try await app.testing().test(.GET, "/partnerships/surabaya-liverpool/report?lang=id") { res async in
                    let page = res.body.string
                    #expect(page.contains(#"@bottom-left { content: "Bagian Kerja Sama \22 Surabaya\22 ""#))
                    #expect(page.contains(#"content: "Halaman " counter(page) " dari " counter(pages)"#))
                    #expect(page.contains(#"<p class="office">Bagian Kerja Sama &quot;Surabaya&quot;</p>"#))
                    #expect(
                        page.contains(#"<a href="/partnerships/surabaya-liverpool?lang=id">← Kembali ke kemitraan</a>"#)
                    )
                    let policy = res.headers.first(name: "Content-Security-Policy") ?? ""
                    let hash = Data(SHA256.hash(data: Data(PrintFrame.script.utf8))).base64EncodedString()
                    #expect(policy.contains("script-src 'sha256-\(hash)'") && page.contains(PrintFrame.script))
                }
                // Every other page still allows no script at all.
                try await app.testing().test(.GET, "/partnerships/surabaya-liverpool") { res async in
                    #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'none'") == true)
                }
            }
        }
    }

    /// The import page offers a CSV template per kind of file, with every column explained in the page's language;
    /// a template filled with one row imports.
    @Test func importTemplatesAreHeaderRowsThatImport() async throws {
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            let page = try await get(app, "/import?lang=id", as: admin)
            for kind in ["activities", "observations", "twinning-links"] {
                #expect(page.contains(#"href="/import/templates/\#(kind).csv""#), "\(kind)")
            }
            #expect(page.contains("<td><code>travel</code></td><td>Siapa yang bepergian</td><td>ya</td>"))
            #expect(
                page.contains("from-partner (dari kota mitra)") && page.contains("Negara tempat kedua, dengan nama"))
            var template = ""
            try await app.testing().test(.GET, "/import/templates/activities.csv") { res async in
                #expect(res.headers.first(name: .contentType) == "text/csv; charset=utf-8")
                #expect(res.headers.contentDisposition?.filename == "kembar-activities.csv")
                template = res.body.string
            }
            #expect(template == "\u{FEFF}" + Activity.columns.map(\.name).joined(separator: ",") + "\r\n")
            // One row under the template's header: the columns are all the importer's.
            let row = Activity.columns.map { column -> String in
                [
                    "key": "template-row", "partnership": "surabaya-liverpool", "kind": "meeting",
                    "title_en": "Meeting", "start": "2024", "travel": "none", "venue": "online", "status": "completed",
                ][column.name] ?? ""
            }
            let read = RecordCSV.read(template + row.joined(separator: ",") + "\r\n", file: "filled.csv")
            #expect(read.problems.isEmpty && read.dataset.activities.map(\.id) == ["template-row"])
            try await app.testing().test(.GET, "/import/templates/nothing.csv") { res async in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test func aLongListOfChangesStopsWithACount() {
        let changes = (0..<502).map { RecordChange(collection: "activities", key: "a\($0)", action: .add) }
        let lines = ImportController.listed(changes, .id)
        #expect(lines.count == 501 && lines[499].hasSuffix("activities/a499"))
        #expect(lines.last == "… dan 2 data lainnya.")
    }

    func multipart(_ files: [(String, String)]) -> String {
        files.map { name, text in
            "--kembar\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n\(text)\r\n"
        }.joined() + "--kembar--\r\n"
    }
}
