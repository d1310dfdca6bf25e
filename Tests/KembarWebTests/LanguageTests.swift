import Foundation
import KembarCore
import KembarReport
import KembarStorage
import KembarTestSupport
import Testing
import VaporTesting

@testable import KembarWeb

/// Indonesian pages speak Indonesian: none of Kembar's own English words, and no raw codes, in what they show.
@Suite struct LanguageTests {
    /// The texts a page shows (between tags, entities decoded), each trimmed; scripts, styles and attribute
    /// values are not shown text.
    /// The texts a reader sees, without what is shown as code to type literally (a CSV column's name).
    static func shownTexts(_ page: String) -> [String] {
        let html = page.replacingOccurrences(of: "<code>[^<]*</code>", with: "", options: .regularExpression)
        var texts: [String] = []
        var current = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
                texts.append(current)
                current = ""
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                current.append(character)
            }
        }
        texts.append(current)
        return texts.map {
            $0.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
    }

    /// Kembar's English words that have an Indonesian one of their own.
    static var englishWords: Set<String> {
        var words = Set<String>()
        for label in Catalogue.Label.allCases where Catalogue.label(label, .en) != Catalogue.label(label, .id) {
            words.insert(Catalogue.label(label, .en))
        }
        for page in Catalogue.Page.allCases where Catalogue.page(page, .en) != Catalogue.page(page, .id) {
            words.insert(Catalogue.page(page, .en))
        }
        for status in PartnershipStatus.allCases where WebText.status(status, .en) != WebText.status(status, .id) {
            words.insert(WebText.status(status, .en))
        }
        return words
    }

    /// Codes a reader must never see as text (they name choices, and have labels in both languages).
    static var codes: Set<String> {
        Set(
            Activity.Kind.allCases.map(\.rawValue) + Activity.Travel.allCases.map(\.rawValue)
                + Activity.Venue.allCases.map(\.rawValue) + Partnership.Kind.allCases.map(\.rawValue)
                + Agreement.Kind.allCases.map(\.rawValue) + PartnershipStatus.allCases.map(\.rawValue)
        ).filter { $0.contains("-") }
    }

    @Test func indonesianPagesShowNoEnglishCatalogueWordAndNoCode() async throws {
        try await withKembarApp(.sqlite) { app in
            let admin = try await signIn(app)
            var found: [String] = []
            for path in [
                "/", "/cities", "/organisations", "/sources", "/frameworks", "/login",
                "/partnerships/surabaya-liverpool",
                "/partnerships/surabaya-kitakyushu", "/cities/surabaya", "/cities/liverpool",
                "/activities/sbylpl-2018-u14-football-delegation", "/agreements/sbylpl-2018-mou",
                "/milestones/sbylpl-2016-exploration", "/organisations/st-vincents-school",
                "/sources/handayani-zahidi-2024", "/new/activities?partnership=surabaya-liverpool",
                "/edit/agreements/sbylpl-2018-mou", "/delete/partnerships/surabaya-kitakyushu", "/import", "/account",
                "/nowhere", "/actions/sbylpl-plan-youth-football", "/new/actions?partnership=surabaya-liverpool",
                "/edit/partnerships/surabaya-liverpool", "/cities/surabaya/report?period=2018..2023",
                "/overview?country=ID",
            ] {
                let separator = path.contains("?") ? "&" : "?"
                try await app.testing().test(
                    .GET, path + separator + "lang=id", beforeRequest: { req in admin.sign(&req) }
                ) { res async in
                    for text in Self.shownTexts(res.body.string) {
                        if Self.englishWords.contains(text) { found.append("\(path): English “\(text)”") }
                        if Self.codes.contains(text) { found.append("\(path): code “\(text)”") }
                    }
                }
            }
            #expect(found == [])
            // The same reading finds the English words on the English pages: the check can fail.
            try await app.testing().test(.GET, "/partnerships/surabaya-liverpool?lang=en") { res async in
                #expect(Set(Self.shownTexts(res.body.string)).intersection(Self.englishWords).count > 5)
            }
        }
    }
}
