import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Import from the browser, with the same atomic behaviour and error list as `kembar import`; the printable report;
/// a partnership's export.
struct ImportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("import", use: form)
        routes.grouped(WriteGuard()).on(.POST, "import", body: .collect(maxSize: "50mb"), use: upload)
        routes.get("partnerships", ":key", "report", use: report)
        routes.get("partnerships", ":key", "export.json", use: export)
    }

    struct Upload: Content {
        var files: [File]
    }

    func form(req: Request) async throws -> View {
        try await render(req, summary: nil, problems: [])
    }

    func upload(req: Request) async throws -> Response {
        let upload = try req.content.decode(Upload.self)
        var batch = ImportBatch()
        for file in upload.files where file.data.readableBytes > 0 {
            let bytes = Array(file.data.readableBytesView)
            if file.filename.lowercased().hasSuffix(".csv") {
                guard let text = String(bytes: bytes, encoding: .utf8) else {
                    batch.addUnreadable(file: file.filename, reason: "the file is not UTF-8 text")
                    continue
                }
                batch.addCSV(text, file: file.filename)
            } else {
                batch.addJSON(bytes, file: file.filename)
            }
        }
        do {
            let summary = try await req.repository.importBatch(batch)
            return try await render(
                req,
                summary: Catalogue.importSummary(
                    inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, req.language),
                problems: []
            ).encodeResponse(for: req)
        } catch let error as InvalidInput {
            return try await render(
                req, summary: nil, problems: error.violations.map { Catalogue.describe($0, req.language) }
            ).encodeResponse(for: req)
        }
    }

    func render(_ req: Request, summary: String?, problems: [String]) async throws -> View {
        let language = req.language
        let page = ImportPage(
            chrome: Chrome(req, title: Catalogue.page(.upload, language), section: "/import"),
            heading: Catalogue.page(.upload, language), help: Catalogue.page(.importHelp, language),
            button: Catalogue.page(.importData, language), summaryHeading: Catalogue.page(.imported, language),
            summary: summary,
            problemsHeading: problems.isEmpty
                ? nil
                : "\(Catalogue.page(.errorsFound, language)) — \(Catalogue.importRefused(count: problems.count, language))",
            problems: problems)
        return try await req.view.render("import", page)
    }

    /// The printable evaluation report: `?format=html|md|json`, `?framework=`, `?asOf=`, `?lang=`.
    func report(req: Request) async throws -> Response {
        let format = ReportFormat(rawValue: req.query[String.self, at: "format"] ?? "html") ?? .html
        let report = try await req.evaluationReport()
        let response = Response(status: .ok, body: .init(string: try report.render(format, req.language)))
        switch format {
        case .html: response.headers.contentType = .html
        case .markdown: response.headers.replaceOrAdd(name: .contentType, value: "text/markdown; charset=utf-8")
        case .json: response.headers.contentType = .json
        }
        return response
    }

    func export(req: Request) async throws -> Response {
        let key = PartnershipKey(try req.parameters.require("key"))
        guard let slice = try await req.repository.dataset(partnership: key) else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: try DatasetCodec.encode(slice)))
        response.headers.contentType = .json
        response.headers.contentDisposition = .init(.attachment, filename: "\(key).kembar.json")
        return response
    }
}

struct ImportPage: Encodable {
    var chrome: Chrome
    var heading: String
    var help: String
    var button: String
    var summaryHeading: String
    var summary: String?
    var problemsHeading: String?
    var problems: [String]
}
