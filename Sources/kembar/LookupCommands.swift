import ArgumentParser
import Foundation
import KembarCore
import KembarReport
import KembarStorage

/// `kembar frameworks`: the framework keys and node ids that tags, observations and crosswalks refer to.
struct Frameworks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the indicator frameworks, or one framework's nodes, with the ids tags refer to.",
        discussion: """
            Without a key: every framework in the database with its key, name and number of nodes. With a key: \
            every node of that framework, indented by level, as `framework-key:node-id` (the form of a tag in \
            datasets, CSV files and forms), with its name and verification. A name marked * is Kembar's \
            translation. The bundled frameworks are loaded by `kembar migrate --seed` or the first `kembar serve`.
            """)

    @OptionGroup var options: DatabaseOptions
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(help: "Language of names: en or id.") var lang: Language = .en
    @Argument(help: "A framework's key, to list its nodes.") var framework: String?

    func run() async throws {
        let frameworks = try await options.withStore { try await $0.repository.frameworks() }
        guard !frameworks.isEmpty else { throw ValidationError(Catalogue.nothingStored("frameworks", lang)) }
        if let key = framework {
            guard let chosen = frameworks.first(where: { $0.id.rawValue == key }) else {
                throw ValidationError(
                    Catalogue.unknownKey(key, known: frameworks.map(\.id.rawValue), lang))
            }
            if format == .json { return try printJSON(chosen) }
            let rows = chosen.dimensions.flatMap { Self.rows($0, framework: chosen.id, depth: 0, lang) }
            let header = [
                Catalogue.column("key", lang), Catalogue.column("name", lang), WebText.verificationLabel(lang),
            ]
            show(TextTable.render(header: header, rows: rows))
            return
        }
        if format == .json { return try printJSON(frameworks) }
        let rows = frameworks.map {
            [$0.id.rawValue, $0.name.text(lang), String($0.dimensions.count), String($0.nodes.count)]
        }
        let header = [
            Catalogue.column("key", lang), Catalogue.column("name", lang), WebText.dimensionsLabel(lang),
            WebText.nodes(lang),
        ]
        show(TextTable.render(header: header, rows: rows))
    }

    static func rows(_ node: FrameworkNode, framework: FrameworkKey, depth: Int, _ lang: Language) -> [[String]] {
        let name = node.name.text(lang) + (node.isTranslated(lang) ? " *" : "")
        let row = [
            String(repeating: "  ", count: depth) + "\(framework):\(node.id)", name,
            WebText.verification(node.verification, lang),
        ]
        return [row] + node.children.flatMap { rows($0, framework: framework, depth: depth + 1, lang) }
    }
}

/// `kembar fields`: the field keys agreements and activities refer to.
struct Fields: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the fields of cooperation, with the keys agreements and activities refer to.",
        discussion: "The bundled fields (smart city, creative economy, port management, human-resource development) "
            + "are loaded by `kembar migrate --seed`; a dataset can add its own.")

    @OptionGroup var options: DatabaseOptions
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(help: "Language of names: en or id.") var lang: Language = .en

    func run() async throws {
        let fields = try await options.withStore { try await $0.repository.fields() }
        guard !fields.isEmpty else { throw ValidationError(Catalogue.nothingStored("fields", lang)) }
        if format == .json { return try printJSON(fields) }
        let header = [Catalogue.column("key", lang), Catalogue.column("name", lang)]
        show(
            TextTable.render(header: header, rows: fields.map { [$0.id.rawValue, $0.name.text(lang)] }))
    }
}

/// Pretty JSON with sorted keys on standard output.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
}
