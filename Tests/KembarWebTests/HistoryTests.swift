import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Every write shows in the record's history with its actor and field-level changes; an administrator puts a record
/// back as it was, and that is a change too.
@Suite struct HistoryTests {
    @Test(arguments: TestBackend.enabled)
    func theHistoryShowsWhoChangedWhatAndARevertPutsItBack(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            let key = "sbylpl-2020-trfc-coaching-clinic"
            let editor = try await signIn(app, roles: [.editor(cities: ["liverpool"])], email: "lee@liverpool.gov.uk")
            var values = try #require(try await repository.formValues(.activities, key: key))
            let original = values["note"] ?? ""
            values["note"] = "Moved to the Anfield pitch."
            #expect(try await post(app, "/edit/activities/\(key)", values, as: editor).status == .seeOther)

            // Anyone signed in reads the history; public readers are sent to sign in.
            try await app.testing().test(.GET, "/history/activities/\(key)") { res async in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(
                .GET, "/history/activities/\(key)?lang=en", beforeRequest: { req in editor.sign(&req) }
            ) {
                res async in
                let page = res.body.string
                #expect(res.status == .ok)
                #expect(page.contains("changed · lee@liverpool.gov.uk"))
                #expect(page.contains("web form · v2"))
                #expect(page.contains("Moved to the Anfield pitch."))
                #expect(page.contains("created · kembar"), "the bundled record's creation is the oldest entry")
                #expect(page.contains("<code>title.en</code>"), "a new record's texts are listed language by language")
                #expect(!page.contains("/revert/"), "only administrators revert")
            }
            try await app.testing().test(
                .GET, "/history/activities/\(key)?lang=id", beforeRequest: { req in editor.sign(&req) }
            ) {
                res async in
                #expect(res.body.string.contains("diubah · lee@liverpool.gov.uk"))
                #expect(res.body.string.contains("formulir web"))
            }
            let change = try #require(try await repository.history(kind: "activity", key: key).last)
            #expect(
                try await post(app, "/history/activities/\(key)/revert/\(change.sequence)", [:], as: editor).status
                    == .forbidden)

            // The administrator puts it back; the revert is the newest entry, by them.
            let admin = try await signIn(app)
            try await app.testing().test(
                .GET, "/history/activities/\(key)?lang=en", beforeRequest: { req in admin.sign(&req) }
            ) {
                res async in #expect(res.body.string.contains("/history/activities/\(key)/revert/\(change.sequence)"))
            }
            let reverted = try await post(app, "/history/activities/\(key)/revert/\(change.sequence)", [:], as: admin)
            #expect(reverted.status == .seeOther)
            #expect(try await repository.activity(ActivityKey(key))?.note == (original.isEmpty ? nil : original))
            let last = try #require(try await repository.history(kind: "activity", key: key).last)
            #expect(last.actor == "admin@example.org" && last.version == 3 && last.before?.contains("Anfield") == true)

            // Undoing a creation deletes the record; undoing that deletion brings it back.
            var fresh = try #require(try await repository.formValues(.activities, key: key))
            fresh["key"] = "sbylpl-2024-new-visit"
            #expect(try await post(app, "/new/activities", fresh, as: admin).status == .seeOther)
            let created = try #require(
                try await repository.history(kind: "activity", key: "sbylpl-2024-new-visit").last)
            #expect(
                try await post(
                    app, "/history/activities/sbylpl-2024-new-visit/revert/\(created.sequence)", [:], as: admin
                ).status == .seeOther)
            #expect(try await repository.activity("sbylpl-2024-new-visit") == nil)
            let deleted = try #require(
                try await repository.history(kind: "activity", key: "sbylpl-2024-new-visit").last)
            #expect(deleted.action == .delete)
            #expect(
                try await post(
                    app, "/history/activities/sbylpl-2024-new-visit/revert/\(deleted.sequence)", [:], as: admin
                ).status == .seeOther)
            #expect(try await repository.activity("sbylpl-2024-new-visit") != nil)
        }
    }

    /// Deleting a partnership says what goes with it; an administrator's revert brings all of it back.
    @Test(arguments: TestBackend.enabled)
    func aDeletedPartnershipComesBackWithEverythingUnderIt(backend: TestBackend) async throws {
        try await withKembarApp(backend) { app in
            let repository = app.kembarStore.repository
            let admin = try await signIn(app)
            let before = try #require(try await repository.dataset(partnership: "surabaya-liverpool"))
            #expect(before.activities.count == 8 && before.agreements.count == 2 && before.milestones.count == 4)
            try await app.testing().test(
                .GET, "/delete/partnerships/surabaya-liverpool?lang=en", beforeRequest: { req in admin.sign(&req) }
            ) { res async in
                let page = res.body.string
                #expect(
                    page.contains(
                        "It also deletes 8 activities, 2 agreements, 4 milestones and 4 planned actions, recorded under it."
                    ))
                #expect(page.contains("An administrator can bring it back from its history."))
                #expect(page.contains(#"id="confirm-delete" class="warning""#))
            }
            try await app.testing().test(
                .GET, "/delete/partnerships/surabaya-liverpool?lang=id", beforeRequest: { req in admin.sign(&req) }
            ) { res async in
                #expect(
                    res.body.string.contains("Ikut terhapus: 8 kegiatan, 2 perjanjian, 4 tonggak dan 4 rencana aksi"))
            }
            #expect(try await post(app, "/delete/partnerships/surabaya-liverpool", [:], as: admin).status == .seeOther)
            #expect(try await repository.partnership("surabaya-liverpool") == nil)
            #expect(try await repository.activities(of: "surabaya-liverpool").isEmpty)
            // Something else changes meanwhile; the revert still finds what the delete took.
            var city = try #require(try await repository.city("liverpool"))
            city.note = "Edited after the delete."
            try await repository.importDataset(Dataset(cities: [city]))
            let deleted = try #require(
                try await repository.history(kind: "partnership", key: "surabaya-liverpool").last)
            #expect(deleted.action == .delete)
            let reverted = try await post(
                app, "/history/partnerships/surabaya-liverpool/revert/\(deleted.sequence)", [:], as: admin)
            #expect(reverted.status == .seeOther)
            let after = try #require(try await repository.dataset(partnership: "surabaya-liverpool"))
            #expect(after.activities == before.activities && after.agreements == before.agreements)
            #expect(after.milestones == before.milestones && after.partnerships == before.partnerships)
            #expect(after.actions == before.actions && after.actions.count == 4)
        }
    }
}
