import Foundation
import KembarCore
import KembarReport
import KembarStorage
import Vapor

/// A record's history for signed-in readers — who changed what, when, through what, field by field — and an
/// administrator's revert.
struct HistoryController: RouteCollection {
    static let pageSize = 20
    /// Field rows shown per change (a created record lists every field).
    static let rowsShown = 40

    func boot(routes: any RoutesBuilder) throws {
        routes.get("history", ":collection", ":key", use: history)
        routes.post("history", ":collection", ":key", "revert", ":sequence", use: revert)
    }

    struct Page: Encodable {
        struct Row: Encodable {
            var field: String
            var path: String?
            var before: String
            var after: String
        }

        struct Entry: Encodable {
            var sequence: Int
            var title: String
            var caption: String
            var rows: [Row]
            var more: String?
            var revert: String?
        }

        var chrome: Chrome
        var heading: String
        var lead: String
        var back: Link
        var entries: [Entry]
        var empty: String
        var pager: Pager?
        var labels: [String: String]
    }

    func history(req: Request) async throws -> Response {
        guard let collection = EditableCollection(rawValue: try req.parameters.require("collection")) else {
            throw Abort(.notFound)
        }
        let key = try req.parameters.require("key")
        let l = req.language
        guard let account = req.account else {
            let path = req.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return req.redirect(to: "/login?next=" + path)
        }
        let offset = Pager.offset(req, size: Self.pageSize)
        let found = try await req.repository.history(
            kind: collection.kindName, key: key, limit: Self.pageSize, offset: offset)
        guard found.total > 0 else { throw Abort(.notFound) }
        let back = Link(href: FormController.page(of: collection, key: key, values: [:]), label: key)
        let entries = found.changes.map { change in
            let rows = RecordMerge.changes(fromDocument: change.before, toDocument: change.after).map { diff in
                let column = collection.column(for: diff.path)
                return Page.Row(
                    field: Catalogue.column(column, l), path: column == diff.path ? nil : diff.path,
                    before: Self.shown(diff.before), after: Self.shown(diff.after))
            }
            let when = change.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
            return Page.Entry(
                sequence: change.sequence,
                title: "\(when) · \(WebText.action(change.action.rawValue, l)) · \(change.actor)",
                caption: "\(WebText.channel(change.channel.rawValue, l)) · v\(change.version)",
                rows: Array(rows.prefix(Self.rowsShown)),
                more: rows.count > Self.rowsShown ? WebText.andMoreFields(rows.count - Self.rowsShown, l) : nil,
                revert: account.user.isAdministrator
                    ? "/history/\(collection.rawValue)/\(key)/revert/\(change.sequence)" : nil)
        }
        let page = Page(
            chrome: Chrome(req, title: WebText.historyOf(key, l), section: FormController.section(of: collection)),
            heading: WebText.historyOf(key, l),
            lead: WebText.historyLead(l), back: back, entries: entries, empty: WebText.noHistory(l),
            pager: Pager(req, offset: offset, shown: entries.count, total: found.total, size: Self.pageSize),
            labels: [
                "field": WebText.field(l), "before": WebText.before(l), "after": WebText.after(l),
                "revert": WebText.revert(l),
            ])
        let response = try await req.view.render("history", page).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// A stored JSON value as a reader sees it: a text without its quotes, at most 300 characters.
    static func shown(_ value: String?) -> String {
        guard var text = value else { return "—" }
        if text.hasPrefix("\""), let data = text.data(using: .utf8),
            let string = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? String
        {
            text = string
        }
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    func revert(req: Request) async throws -> Response {
        let writer = try req.writer(.form)
        guard req.account?.user.isAdministrator == true else {
            throw Abort(.forbidden, reason: WebText.onlyAdministrators(req.language))
        }
        guard let collection = EditableCollection(rawValue: try req.parameters.require("collection")),
            let sequence = Int(try req.parameters.require("sequence")), sequence > 0
        else { throw Abort(.notFound) }
        let key = try req.parameters.require("key")
        guard let change = try await req.repository.change(sequence), change.key == key,
            change.kind == collection.kindName
        else { throw Abort(.notFound) }
        do {
            try await req.repository.revert(change: sequence, as: writer)
        } catch let error as InvalidInput {
            throw Abort(
                .conflict,
                reason: error.violations.map { Catalogue.describe($0, req.language) }.joined(separator: " "))
        } catch is Repository.StaleWrite {
            throw Abort(.conflict, reason: Catalogue.page(.errorsFound, req.language))
        }
        return req.redirect(to: "/history/\(collection.rawValue)/\(key)?notice=reverted", redirectType: .normal)
    }
}
