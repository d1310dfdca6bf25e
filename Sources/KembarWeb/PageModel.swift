import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// What every page shows around its content: language, navigation, the language switch.
struct Chrome: Encodable {
    struct NavItem: Encodable {
        var href: String
        var label: String
        var current: Bool
    }

    var lang: String
    var otherLang: String
    var otherLangName: String
    var switchURL: String
    var title: String
    var skip: String
    var nav: [NavItem]
    var writable: Bool
    var notice: String?
    /// The signed-in person (their name links to their account) and the token of the sign-out form; `nil` for a
    /// public reader, who gets a "sign in" link.
    var account: String?
    var csrf: String?
    var signIn: String
    var signOut: String

    init(_ req: Request, title: String, section: String) {
        let language = req.language
        lang = language.rawValue
        otherLang = language.other.rawValue
        otherLangName = language == .en ? "Bahasa Indonesia" : "English"
        var components = URLComponents(string: req.url.string) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: language.other.rawValue))
        components.queryItems = items
        switchURL = components.string ?? "/?lang=\(language.other.rawValue)"
        self.title = title
        skip = Catalogue.page(.skipLink, language)
        let entries: [(String, Catalogue.Page)] = [
            ("/", .dashboard), ("/map", .map), ("/cities", .cities), ("/organisations", .organisations),
            ("/sources", .sources),
            ("/frameworks", .frameworks), ("/index", .index), ("/import", .importData),
        ]
        nav = entries.map { NavItem(href: $0.0, label: Catalogue.page($0.1, language), current: $0.0 == section) }
        writable = req.mayWrite
        account = req.account.map { WebText.signedInAs($0.user.name, language) }
        csrf = req.account?.csrf
        signIn = WebText.signIn(language)
        signOut = WebText.signOut(language)
        notice = req.query[String.self, at: "notice"].flatMap {
            switch $0 {
            case "saved": Catalogue.page(.saved, language)
            case "deleted": Catalogue.page(.deleted, language)
            case "reverted": WebText.reverted(language)
            default: nil
            }
        }
    }
}

/// A link with a label.
struct Link: Encodable {
    var href: String
    var label: String
    /// The label's language when it is not the page's (a title recorded in one language only).
    var lang: String? = nil
}

extension LocalizedText {
    /// The `lang` attribute of this text on a page in `language`: set only when the text is in the other one.
    func lang(on language: Language) -> String? {
        self.language(for: language).flatMap { $0 == language ? nil : $0.rawValue }
    }
}

/// One label–value line of a definition list; `href` makes the value a link.
struct Fact: Encodable {
    var label: String
    var value: String
    var href: String? = nil
    /// Shown as a badge of this class (a status's colour).
    var badge: String? = nil
    /// A sentence after the value (why a status applies).
    var detail: String? = nil
    /// Points listed under the value.
    var items: [String] = []
}

/// A table cell: text, optionally a link, optionally a status badge class.
struct Cell: Encodable {
    var text: String
    var href: String? = nil
    var badge: String? = nil
    var numeric: Bool = false
    /// The text's language when it is not the page's.
    var lang: String? = nil
}

struct Table: Encodable {
    var caption: String
    var columns: [String]
    var rows: [[Cell]]

    /// A column's header, aligned like its cells: right for a column of numbers.
    struct Header: Encodable {
        var label: String
        var numeric: Bool
    }

    var headers: [Header] {
        columns.enumerated().map { index, label in
            let cells = rows.compactMap { index < $0.count ? $0[index] : nil }
            return Header(label: label, numeric: !cells.isEmpty && cells.allSatisfy(\.numeric))
        }
    }

    enum CodingKeys: String, CodingKey { case caption, headers, rows }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(caption, forKey: .caption)
        try container.encode(headers, forKey: .headers)
        try container.encode(rows, forKey: .rows)
    }
}

/// A part of a page: any mix of paragraphs, facts, tables, charts (SVG) and links.
struct Section: Encodable {
    var id: String
    var heading: String
    var paragraphs: [String] = []
    var facts: [Fact] = []
    var tables: [Table] = []
    var charts: [String] = []
    var html: String? = nil
    var links: [Link] = []
    /// A search box narrowing the list (a GET form on the same page).
    var search: SearchBox? = nil
    /// Links to the neighbouring pages of a long list.
    var pager: Pager? = nil
}

/// A GET form with one search field.
struct SearchBox: Encodable {
    var label: String
    var value: String
    var button: String

    init(_ req: Request) {
        label = Catalogue.page(.search, req.language)
        value = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        button = Catalogue.page(.filter, req.language)
    }
}

/// "51–100 of 24,743" with links to the previous and next pages, kept only when there is more than one page.
struct Pager: Encodable {
    var info: String
    var previous: Link?
    var next: Link?

    /// The page the request asks for (`?page=`, from 1), as an offset for `size` rows.
    static func offset(_ req: Request, size: Int) -> Int {
        (max(1, min(req.query[Int.self, at: "page"] ?? 1, 1_000_000)) - 1) * size
    }

    init?(_ req: Request, offset: Int, shown: Int, total: Int, size: Int) {
        guard total > size || offset > 0 else { return nil }
        let language = req.language
        let page = offset / size + 1
        info =
            total == 0 || shown == 0
            ? WebText.pageRange(from: 0, to: 0, of: total, language)
            : WebText.pageRange(from: offset + 1, to: offset + shown, of: total, language)
        previous =
            page > 1
            ? Link(href: req.url(setting: ["page": String(page - 1)]), label: WebText.previous(language)) : nil
        next =
            offset + shown < total
            ? Link(href: req.url(setting: ["page": String(page + 1)]), label: WebText.next(language)) : nil
    }
}

/// The generic page: a heading, a lead, actions and sections.
struct GenericPage: Encodable {
    var chrome: Chrome
    var heading: String
    var lead: String?
    var actions: [Link]
    var sections: [Section]
    /// The heading's language when it is not the page's.
    var headingLang: String? = nil
    /// Where the page sits: the pages above it, from the top.
    var breadcrumb: [Link] = []
}

extension Request {
    /// The framework a page or endpoint evaluates against: `?framework=`, else the default; 404 when unknown.
    func chosenFramework(in library: FrameworkLibrary) throws -> FrameworkKey {
        let key = FrameworkKey(query[String.self, at: "framework"] ?? WebDefaults.framework.rawValue)
        guard library.framework(key) != nil else { throw Abort(.notFound, reason: "No framework '\(key)'.") }
        return key
    }

    /// The evaluation report of the partnership `:key` for the chosen framework as of `asOf`.
    func evaluationReport() async throws -> EvaluationReport {
        let key = PartnershipKey(try parameters.require("key"))
        guard let slice = try await repository.dataset(partnership: key) else {
            throw Abort(.notFound, reason: "No partnership '\(key)'.")
        }
        let library = try await repository.frameworkLibrary()
        return try EvaluationReport.make(
            slice, partnership: key, framework: try chosenFramework(in: library), library: library, asOf: asOf)
    }

    /// Today, as the server's calendar has it (UTC), or the `?asOf=` date when given.
    /// Where links to records point from what leaves the site (calendars, GeoJSON): the server's public address
    /// when one is set (behind a proxy), else the host asked; `nil` without either.
    var publicBase: String? {
        application.access.publicURL.map { url in
            url.absoluteString.hasSuffix("/") ? String(url.absoluteString.dropLast()) : url.absoluteString
        } ?? headers.first(name: .host).flatMap { $0.isEmpty ? nil : "http://\($0)" }
    }

    var asOf: Day {
        if let text = query[String.self, at: "asOf"], let date = try? PartialDate(parsing: text) { return date.lastDay }
        return Day.today()
    }

}

enum WebDefaults {
    /// The framework pages evaluate against unless the reader picks another (Cohen's wheel, as the founding paper).
    static let framework: FrameworkKey = "cohen-smart-city-wheel"
}

/// Countries and subdivisions by name in the page's language, from the bundled ISO 3166-1 and 3166-2 tables; a
/// code the tables do not know is shown as it is.
enum CountryNaming {
    static let subdivisions: [String: LocalizedText] = (try? Bundled.subdivisions()) ?? [:]

    static func subdivision(_ code: String, _ language: Language) -> String {
        subdivisions[code.uppercased()]?.text(language) ?? code
    }

    static let names: [String: LocalizedText] = Dictionary(
        ((try? Bundled.countries())?.countries ?? []).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })

    static func name(_ code: String, _ language: Language) -> String {
        names[code.uppercased()]?.text(language) ?? code
    }
}
