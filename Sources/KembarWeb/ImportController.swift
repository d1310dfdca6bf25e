import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Import from the browser, with the same atomic behaviour and error list as `kembar import`; the printable report;
/// a partnership's export.
struct ImportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(SignInFirst()).get("import", use: form)
        routes.get("import", "templates", ":file", use: ImportTemplates.download)
        routes.on(.POST, "import", body: .collect(maxSize: "50mb"), use: upload)
        routes.get("partnerships", ":key", "report", use: report)
        routes.get("partnerships", ":key", "export.json", use: export)
    }

    struct Upload: Content {
        var files: [File]?
        /// The files of a previewed import, carried back by the confirmation form (base64 of ``Pending`` JSON).
        var pending: String?
        /// `merge` to add to stored records instead of replacing them whole.
        var mode: String?
        /// Present on the confirmation: write what the preview showed.
        var confirm: String?
    }

    /// The changes a preview or a summary lists one by one; the rest are counted.
    static let listedChanges = 500

    func form(req: Request) async throws -> View {
        try await render(req, summary: nil, problems: [])
    }

    /// First a dry run — the preview lists what would be added, changed (field by field) and kept, and nothing is
    /// written — then, on confirmation, the same files are imported.
    func upload(req: Request) async throws -> Response {
        // A large import leaves much freed memory behind; it goes back to the system, not kept for the next one.
        defer { Memory.release() }
        let writer = try req.writer(.importer)
        // A body that is not a multipart form with files (an empty form, a hand-made request) chose no file.
        let upload = (try? req.content.decode(Upload.self)) ?? Upload()
        let language = req.language
        guard let userID = req.account?.user.id else { throw Abort(.forbidden) }  // (the writer has an account)
        let now = Date().timeIntervalSince1970
        var files: [PendingFile] = []
        if let pending = upload.pending {
            // The previewed files wait in the database, under a key only the previewing account can confirm.
            guard let kept = try await req.repository.pending(pending, userID: userID, now: now) else {
                return try await render(req, summary: nil, problems: [WebText.previewExpired(language)])
                    .encodeResponse(for: req)
            }
            files = kept
        } else {
            files = (upload.files ?? []).filter { $0.data.readableBytes > 0 }.map {
                PendingFile(name: $0.filename, content: Array($0.data.readableBytesView))
            }
        }
        guard !files.isEmpty else {
            return try await render(req, summary: nil, problems: [Catalogue.page(.noFileChosen, language)])
                .encodeResponse(for: req)
        }
        var batch = ImportBatch()
        for file in files {
            if file.name.lowercased().hasSuffix(".csv") {
                guard let text = String(bytes: file.content, encoding: .utf8) else {
                    batch.addUnreadable(file: file.name, reason: Catalogue.unreadable(.notUTF8, language))
                    continue
                }
                batch.addCSV(
                    text, file: file.name,
                    pairs: try await req.repository.pairListContext(forCSV: text, file: file.name))
            } else {
                batch.addJSON(file.content, file: file.name)
            }
        }
        let mode: ImportMode = upload.mode == ImportMode.merge.rawValue ? .merge : .replace
        let confirmed = upload.confirm != nil && upload.pending != nil
        do {
            let summary = try await req.repository.importBatch(
                batch, mode: mode, dryRun: !confirmed, as: writer)
            if !confirmed {
                let pending = try await req.repository.keepPending(files, userID: userID, now: now)
                return try await render(req, summary: nil, problems: [], preview: Preview(summary, pending, language))
                    .encodeResponse(for: req)
            }
            if let pending = upload.pending { try await req.repository.discardPending(pending) }
            var text = Catalogue.importSummary(
                inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, language)
            if !summary.replaced.isEmpty { text += " " + Catalogue.replaced(summary.replaced, language) }
            return try await render(req, summary: text, problems: [], imported: summary.changes)
                .encodeResponse(for: req)
        } catch let error as InvalidInput {
            return try await render(
                req, summary: nil, problems: error.violations.map { Catalogue.describe($0, language) }
            ).encodeResponse(for: req)
        } catch let error as Repository.EmptyDatabase {
            return try await render(
                req, summary: nil,
                problems: [Catalogue.importIntoEmptyDatabase(unknown: error.violations.count, language)]
            ).encodeResponse(for: req)
        }
    }

    /// What the preview shows and the confirmation form carries.
    struct Preview: Encodable {
        struct Line: Encodable {
            var text: String
            var fields: [String]
        }
        var heading: String
        var summary: String
        var lines: [Line]
        var bundle: String
        var mode: String
        var confirm: String
        var replaceNote: String?

        init(_ summary: Repository.ImportSummary, _ bundle: String, _ language: Language) {
            heading = Catalogue.page(.preview, language)
            self.summary = Catalogue.dryRunSummary(
                inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, language)
            let changes = summary.changes.filter { $0.action != .keep }
            lines = changes.prefix(ImportController.listedChanges).map { change in
                Line(
                    text: "\(Catalogue.changeAction(change.action, language)) \(change.collection)/\(change.key)",
                    fields: change.fields.map { "\($0.path): \($0.before ?? "—") → \($0.after ?? "—")" })
            }
            if changes.count > ImportController.listedChanges {
                lines.append(
                    Line(text: WebText.andMore(changes.count - ImportController.listedChanges, language), fields: []))
            }
            self.bundle = bundle
            mode = summary.mode.rawValue
            confirm = Catalogue.page(.confirmImport, language)
            replaceNote = summary.replaced.isEmpty ? nil : Catalogue.replaced(summary.replaced, language)
        }
    }

    func render(
        _ req: Request, summary: String?, problems: [String], preview: Preview? = nil, imported: [RecordChange] = []
    ) async throws -> View {
        let language = req.language
        let page = ImportPage(
            chrome: Chrome(req, title: Catalogue.page(.upload, language), section: "/import"),
            heading: Catalogue.page(.upload, language), help: Catalogue.page(.importHelp, language),
            button: Catalogue.page(.previewImport, language), summaryHeading: Catalogue.page(.imported, language),
            summary: summary,
            problemsHeading: problems.isEmpty
                ? nil
                : "\(Catalogue.page(.errorsFound, language)) — \(Catalogue.importRefused(count: problems.count, language))",
            problems: problems, preview: preview,
            imported: Self.listed(imported.filter { $0.action != .keep }, language),
            mergeLabel: Catalogue.page(.mergeOption, language), templates: ImportTemplates.all(language),
            labels: [
                "templates": WebText.templates(language), "templatesLead": WebText.templatesLead(language),
                "download": WebText.downloadTemplate(language), "columns": WebText.templateColumns(language),
                "column": WebText.templateColumn(language), "what": WebText.templateWhat(language),
                "required": WebText.templateRequired(language), "how": WebText.templateHow(language),
            ])
        return try await req.view.render("import", page)
    }

    /// The first ``listedChanges`` changes, one line each, then how many more there are.
    static func listed(_ changes: [RecordChange], _ language: Language) -> [String] {
        changes.prefix(listedChanges).map {
            "\(Catalogue.changeAction($0.action, language)) \($0.collection)/\($0.key)"
        } + (changes.count > listedChanges ? [WebText.andMore(changes.count - listedChanges, language)] : [])
    }

    /// The printable evaluation report: `?format=html|md|json`, `?framework=`, `?asOf=`, `?lang=`.
    func report(req: Request) async throws -> Response {
        let format = ReportFormat(rawValue: req.query[String.self, at: "format"] ?? "html") ?? .html
        let report = try await req.evaluationReport()
        let key = try req.parameters.require("key")
        let frame = PrintFrame(
            office: req.application.access.office,
            back: ("/partnerships/\(key)?lang=\(req.language.rawValue)", ReportStrings.backToPartnership(req.language)))
        let response = Response(
            status: .ok, body: .init(string: try report.render(format, req.language, frame: frame)))
        switch format {
        case .html:
            response.headers.contentType = .html
            // The one script Kembar serves: the report's print button, allowed by its hash alone.
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy", value: SecurityHeadersMiddleware.reportPolicy)
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
    var preview: ImportController.Preview?
    /// What the confirmed import added or changed.
    var imported: [String]
    var mergeLabel: String
    var templates: [ImportTemplates.Template]
    var labels: [String: String]
}

/// The process's freed memory, handed back to the system.
enum Memory {
    static func release() {
        #if os(Linux)
            _ = trimHeap(0)
        #endif
    }
}

#if os(Linux)
    /// glibc's `malloc_trim`, which Swift's Glibc module does not export.
    @_silgen_name("malloc_trim") private func trimHeap(_ pad: Int) -> Int32
#endif
