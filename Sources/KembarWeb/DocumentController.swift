import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// Files attached to agreements, milestones and activities: uploaded from the record's page, kept in the database,
/// downloaded with their own type and a safe name.
struct DocumentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        // A little above the limit, so a file just over it gets Kembar's message, not the server's.
        routes.on(.POST, "documents", body: .collect(maxSize: "11mb"), use: upload)
        routes.get("documents", ":key", use: download)
    }

    struct Upload: Content {
        var attached_to: String?
        var owner: String?
        var file: File?
        var title_en: String?
        var title_id: String?
        var category: String?
        var language: String?
        var date: String?
    }

    /// `POST /documents`: attaches the file to the record named, through the same rules, authorization and change log
    /// as every write; refused with the reasons in the reader's language, nothing written.
    func upload(req: Request) async throws -> Response {
        let writer = try req.writer(.form)
        let language = req.language
        let form = (try? req.content.decode(Upload.self)) ?? Upload()
        guard let kind = form.attached_to.flatMap(AttachedDocument.Owner.init(rawValue:)),
            let owner = form.owner?.trimmingCharacters(in: .whitespaces), !owner.isEmpty,
            let partnership = try await Self.partnership(of: kind, owner, req.repository)
        else { throw Abort(.notFound) }
        let back = "/\(Self.collection(kind).rawValue)/\(owner)"
        guard let file = form.file, file.data.readableBytes > 0 else {
            return try await refused(req, [Catalogue.page(.noFileChosen, language)], back: back)
        }
        let bytes = Array(file.data.readableBytesView)
        guard bytes.count <= AttachedDocument.maximumSize else {
            return try await refused(req, [WebText.fileTooLarge(bytes.count, language)], back: back)
        }
        func text(_ value: String?) -> String? {
            value.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let date = try text(form.date).map { text -> PartialDate in
            guard let date = try? PartialDate(parsing: text) else {
                throw Abort(.badRequest, reason: WebText.dateInvalid(language))
            }
            return date
        }
        let name = Self.safeName(file.filename)
        let title = LocalizedText(en: text(form.title_en), id: text(form.title_id))
        // A key from the file name (`mou-surabaya-pdf`), numbered when taken, as forms make them from titles.
        var key = try await FormController.freeKey(.documents, ["title": name], req.repository)
        if key.isEmpty { key = try await FormController.freeKey(.documents, ["title": "document"], req.repository) }
        let document = AttachedDocument(
            id: DocumentKey(key),
            partnership: partnership, attachedTo: kind,
            owner: owner, title: title.isEmpty ? nil : title, fileName: name,
            contentType: file.contentType.map { "\($0.type)/\($0.subType)".lowercased() } ?? "application/octet-stream",
            size: bytes.count,
            sha256: "", category: text(form.category) ?? "", language: text(form.language)?.lowercased(), date: date)
        do {
            try await req.repository.attach(document, content: bytes, as: writer)
        } catch let error as InvalidInput {
            return try await refused(
                req,
                error.violations.map { "\(Self.label($0.field, language)): \(FormController.message($0, language))" },
                back: back)
        } catch let refusal as NotPermitted {
            return try await refused(req, [WebText.notPermitted(refusal.records, language)], back: back)
        }
        return req.redirect(to: back + "?notice=saved#documents", redirectType: .normal)
    }

    /// `GET /documents/:key`: the file, as an attachment with its stored type (or a plain byte stream when the type
    /// could be run by a browser) and an ASCII-safe name.
    func download(req: Request) async throws -> Response {
        guard let document = try await req.repository.document(DocumentKey(try req.parameters.require("key"))) else {
            throw Abort(.notFound)
        }
        guard let bytes = try await req.repository.documentContent(sha256: document.sha256) else {
            throw Abort(.notFound, reason: WebText.fileNotHeld(document.sha256, req.language))
        }
        let response = Response(status: .ok, body: .init(data: Data(bytes)))
        let safe = ["application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "text/plain"]
        let type = document.contentType.lowercased()
        response.headers.replaceOrAdd(
            name: .contentType,
            value: safe.contains(type)
                ? (type == "text/plain" ? "text/plain; charset=utf-8" : type) : "application/octet-stream")
        response.headers.contentDisposition = .init(.attachment, filename: Self.safeName(document.fileName))
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(document.sha256)\"")
        return response
    }

    func refused(_ req: Request, _ problems: [String], back: String) async throws -> Response {
        let language = req.language
        let page = GenericPage(
            chrome: Chrome(req, title: WebText.notAttached(language), section: "/"),
            heading: WebText.notAttached(language),
            lead: nil, actions: [Link(href: back, label: Catalogue.page(.cancel, language))],
            sections: [Section(id: "problems", heading: Catalogue.page(.fixErrors, language), paragraphs: problems)])
        let response = try await req.view.render("page", page).encodeResponse(for: req)
        response.status = .unprocessableEntity
        return response
    }

    static func collection(_ owner: AttachedDocument.Owner) -> EditableCollection {
        switch owner {
        case .agreement: .agreements
        case .milestone: .milestones
        case .activity: .activities
        }
    }

    /// The name of the part of an upload a problem is about.
    static func label(_ field: String, _ language: Language) -> String {
        switch AttachedDocument.column(for: field) {
        case "category": WebText.documentColumn("category", language)
        case "language": WebText.documentColumn("language", language)
        case "size", "sha256", "file_name", "content_type": WebText.documentColumn("file", language)
        case let column: Catalogue.column(column, language)
        }
    }

    /// The partnership of the record a document is attached to, or `nil` when there is no such record.
    static func partnership(
        of owner: AttachedDocument.Owner, _ key: String, _ repository: Repository
    ) async throws -> PartnershipKey? {
        switch owner {
        case .agreement: try await repository.agreement(AgreementKey(key))?.partnership
        case .milestone: try await repository.milestone(MilestoneKey(key))?.partnership
        case .activity: try await repository.activity(ActivityKey(key))?.partnership
        }
    }

    /// A file name without folders or control characters, at most 200 characters (the extension kept).
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" })
            .trimmingCharacters(in: .whitespaces)
        let short = cleaned.count > 200 ? String(cleaned.suffix(200)) : cleaned
        return short.isEmpty || short == "." || short == ".." ? "document" : short
    }
}

/// The documents section of an agreement's, milestone's or activity's page: the files with their category,
/// language, size and checksum, and for editors the upload form.
enum DocumentsSection {
    static func build(
        _ req: Request, attachedTo owner: AttachedDocument.Owner, key: String, partnership: PartnershipKey
    ) async throws -> Section {
        let language = req.language
        let documents = try await req.repository.documents(of: partnership, attachedTo: owner, key)
        var section = Section(id: "documents", heading: WebText.documentsHeading(language))
        if documents.isEmpty { section.paragraphs = [WebText.noDocuments(language)] }
        if !documents.isEmpty {
            section.tables = [
                Table(
                    caption: WebText.documentsHeading(language),
                    columns: [
                        WebText.documentColumn("file", language), WebText.documentColumn("category", language),
                        WebText.documentColumn("language", language), WebText.documentColumn("size", language),
                        WebText.documentColumn("sha256", language),
                    ],
                    rows: documents.map { document in
                        [
                            Cell(
                                text: (document.title?.text(language)).map { "\($0) (\(document.fileName))" }
                                    ?? document.fileName, href: "/documents/\(document.id)"),
                            Cell(text: "\(document.category) \(WebText.documentCategory(document.category, language))"),
                            Cell(text: document.language.map { WebText.languageName($0, language) } ?? "—"),
                            Cell(text: Format.bytes(document.size, language), numeric: true),
                            Cell(text: String(document.sha256.prefix(12)) + "…"),
                        ]
                    })
            ]
        }
        if req.mayWrite, let csrf = req.account?.csrf {
            section.html = uploadForm(owner: owner, key: key, csrf: csrf, language)
        }
        return section
    }

    static func uploadForm(owner: AttachedDocument.Owner, key: String, csrf: String, _ l: Language) -> String {
        func e(_ text: String) -> String { SVG.escape(text) }
        let categories = DocumentCategory.codes.map { code in
            let chosen = code == (owner == .agreement ? "A09" : "A08") ? " selected" : ""
            return "<option value=\"\(code)\"\(chosen)>\(code) \(e(WebText.documentCategory(code, l)))</option>"
        }.joined()
        let languages = ["id", "en", "ja", "zh", "ko", "de", "fr", "nl", "ar"].map {
            "<option value=\"\($0)\">\(e(WebText.languageName($0, l)))</option>"
        }.joined()
        return """
            <form method="post" action="/documents" enctype="multipart/form-data" class="record upload">\
            <input type="hidden" name="_csrf" value="\(e(csrf))">\
            <input type="hidden" name="attached_to" value="\(owner.rawValue)">\
            <input type="hidden" name="owner" value="\(e(key))">\
            <h3>\(e(WebText.attachDocument(l)))</h3>\
            <p class="hint" id="h-file">\(e(WebText.attachHint(l)))</p>\
            <p><label for="f-file">\(e(WebText.documentColumn("file", l)))</label> \
            <input type="file" id="f-file" name="file" required aria-describedby="h-file"></p>\
            <p><label for="f-doc-title-en">\(e(Catalogue.column("title_en", l)))</label> \
            <input type="text" id="f-doc-title-en" name="title_en"></p>\
            <p><label for="f-doc-title-id">\(e(Catalogue.column("title_id", l)))</label> \
            <input type="text" id="f-doc-title-id" name="title_id"></p>\
            <p><label for="f-category">\(e(WebText.documentColumn("category", l)))</label> \
            <select id="f-category" name="category">\(categories)</select></p>\
            <p><label for="f-doc-language">\(e(WebText.documentColumn("language", l)))</label> \
            <select id="f-doc-language" name="language"><option value="">—</option>\(languages)</select></p>\
            <p><label for="f-doc-date">\(e(Catalogue.column("date", l)))</label> \
            <input type="text" id="f-doc-date" name="date" aria-describedby="h-doc-date"> \
            <span class="hint" id="h-doc-date">\(e(WebText.dateColumnHint(l)))</span></p>\
            <p><button type="submit">\(e(WebText.attachDocument(l)))</button></p></form>
            """
    }
}
