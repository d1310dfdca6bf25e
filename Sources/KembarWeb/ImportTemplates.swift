import KembarCore
import KembarReport
import Vapor

/// The CSV templates of the import page — one per kind of file the importer reads (activities, observations, lists
/// of twinning links) — and the help for their columns, in the page's language. A template is the header row alone
/// (with a byte-order mark, so spreadsheet programs read it as UTF-8): nothing in it would be imported by mistake.
enum ImportTemplates {
    enum Kind: String, CaseIterable {
        case activities, observations, actions
        case twinningLinks = "twinning-links"

        var columns: [FlatColumn] {
            switch self {
            case .activities: Activity.columns
            case .observations: Observation.columns
            case .actions: PlannedAction.columns
            case .twinningLinks: PairList.columns.map { FlatColumn($0, .text, required: true) }
            }
        }
    }

    struct Template: Encodable {
        struct Column: Encodable {
            var name: String
            var label: String
            var required: String
            var help: String
        }
        var title: String
        var href: String
        var columns: [Column]
    }

    /// Every template with its columns explained.
    static func all(_ language: Language) -> [Template] {
        Kind.allCases.map { kind in
            Template(
                title: WebText.templateTitle(kind.rawValue, language), href: "/import/templates/\(kind.rawValue).csv",
                columns: kind.columns.map { column in
                    Template.Column(
                        name: column.name,
                        label: kind == .twinningLinks
                            ? WebText.pairColumn(column.name, language) : Catalogue.column(column.name, language),
                        required: column.required ? WebText.yes(language) : WebText.no(language),
                        help: help(column, language))
                })
        }
    }

    /// How a column is filled: its choices by name, else its hint.
    static func help(_ column: FlatColumn, _ language: Language) -> String {
        switch column.kind {
        case .choice(let values):
            return values.map { "\($0) (\(WebText.choice(column.name, $0, language)))" }.joined(separator: ", ")
        case .date: return WebText.dateColumnHint(language)
        case .boolean: return "true / false"
        default: return Catalogue.hint(column.name, language) ?? ""
        }
    }

    /// `GET /import/templates/:file`: the header row of a kind's CSV file.
    static func download(req: Request) throws -> Response {
        let file = try req.parameters.require("file")
        guard file.hasSuffix(".csv"), let kind = Kind(rawValue: String(file.dropLast(4))) else {
            throw Abort(.notFound)
        }
        let header = "\u{FEFF}" + kind.columns.map(\.name).joined(separator: ",") + "\r\n"
        let response = Response(status: .ok, body: .init(string: header))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.contentDisposition = .init(.attachment, filename: "kembar-\(kind.rawValue).csv")
        return response
    }
}
