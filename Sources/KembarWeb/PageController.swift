import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// HTML pages. The home page lists partnerships; the full workspace grows here.
struct PageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    func home(req: Request) async throws -> View {
        let language = req.language
        let repository = req.repository
        let cities = Dictionary(uniqueKeysWithValues: try await repository.cities().map { ($0.id, $0) })
        var rows: [HomePage.Row] = []
        for partnership in try await repository.partnerships() {
            let agreements = try await repository.agreements(of: partnership.id)
            let names = ([partnership.city] + [partnership.partnerCity].compactMap { $0 })
                .map { cities[$0]?.name.text(language) ?? $0.rawValue }
            rows.append(
                HomePage.Row(
                    key: partnership.id.rawValue, cities: names.joined(separator: " – "),
                    kind: Catalogue.name(partnership.kind, language),
                    stage: Catalogue.name(partnership.stage, language),
                    agreements: agreements.map {
                        "\(Catalogue.name($0.kind, language)) · \(Format.date($0.signed, language))"
                    },
                    activityCount: try await repository.activities(of: partnership.id).count))
        }
        let page = HomePage(
            lang: language.rawValue, otherLang: language.other.rawValue,
            otherLangName: language == .en ? "Bahasa Indonesia" : "English",
            title: Catalogue.label(.home, language), intro: Catalogue.label(.founding, language),
            heading: Catalogue.label(.partnershipsHeading, language), empty: Catalogue.label(.noPartnerships, language),
            columns: [.partnership, .kind, .stage, .agreements, .activities].map { Catalogue.label($0, language) },
            apiLabel: Catalogue.label(.api, language), rows: rows)
        return try await req.view.render("home", page)
    }
}

/// What `home.leaf` shows.
struct HomePage: Encodable {
    struct Row: Encodable {
        var key: String
        var cities: String
        var kind: String
        var stage: String
        var agreements: [String]
        var activityCount: Int
    }

    var lang: String
    var otherLang: String
    var otherLangName: String
    var title: String
    var intro: String
    var heading: String
    var empty: String
    var columns: [String]
    var apiLabel: String
    var rows: [Row]
}
