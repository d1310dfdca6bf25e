import FluentSQL
import Foundation
import KembarCore
import KembarStorage
import KembarTestSupport
import Testing

/// Runs the built `kembar` executable as a user would, and captures what it prints.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        // The test bundle sits in the build folder beside the executable.
        let buildFolder = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            buildFolder, Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("kembar") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? candidates[0].appendingPathComponent("kembar")
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["KEMBAR_DATABASE_URL"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A database URL for one test: a temporary SQLite file, or a PostgreSQL schema of its own.
func withDatabaseURL(_ backend: TestBackend, _ body: (String) async throws -> Void) async throws {
    switch backend {
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kembar-cli-\(UUID().uuidString).sqlite"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await body("sqlite://\(path)")
    case .postgres:
        // The CLI has no search-path option, so each PostgreSQL test gets a database of its own.
        try await withScratchPostgresDatabase(body)
    }
}

func fixturePath(_ name: String) throws -> String { sharedFixture(name) }

@Suite struct CLITests {
    @Test func everyCommandExplainsItself() throws {
        for command in [
            "", "serve", "migrate", "import", "export", "backup", "restore", "partnerships", "show", "frameworks",
            "fields", "index",
            "index build",
            "index uncertainty", "index stored", "user", "user add", "user list", "user roles", "user password",
            "user token", "user token add", "user token list", "user token revoke",
            "audit",
        ] {
            let result = try CLI.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE:"), "\(command)")
            #expect(result.stdout.count > 200, "\(command) help is too thin")
        }
    }

    @Test(arguments: TestBackend.enabled)
    func importExportAndReimport(backend: TestBackend) async throws {
        try await withDatabaseURL(backend) { url in
            let seeded = try CLI.run(["migrate", "--seed", "--database", url])
            #expect(seeded.status == 0, "\(seeded.stderr)")
            let imported = try CLI.run(["import", "--database", url, try fixturePath("external-dataset.json")])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stderr.contains("Imported: 12 new, 0 updated, 0 unchanged."))
            let again = try CLI.run(["import", "--database", url, try fixturePath("external-dataset.json")])
            #expect(again.stderr.contains("Imported: 0 new, 0 updated, 12 unchanged."))

            let list = try CLI.run(["partnerships", "--database", url])
            #expect(list.stdout.contains("surabaya-liverpool"))
            #expect(list.stdout.contains("LoI 2017-05-17, MoU 2018-03-19"))
            #expect(list.stdout.contains("bandung-braunschweig"))
            let json = try CLI.run(["partnerships", "--format", "json", "--database", url])
            #expect(try DatasetCodec.decode(Data(json.stdout.utf8)).partnerships.count == 3)

            let export = try CLI.run(["export", "--database", url])
            #expect(export.status == 0)
            let dump = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-\(UUID().uuidString).json")
                .path
            defer { try? FileManager.default.removeItem(atPath: dump) }
            try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: dump))
            try await withDatabaseURL(backend) { other in
                let reimport = try CLI.run(["import", "--database", other, dump])
                #expect(reimport.status == 0, "\(reimport.stderr)")
                #expect(try CLI.run(["export", "--database", other]).stdout == export.stdout)
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func accountsAndTheAuditTrailFromTheCommandLine(backend: TestBackend) async throws {
        try await withDatabaseURL(backend) { url in
            #expect(try CLI.run(["migrate", "--seed", "--database", url]).status == 0)
            let added = try CLI.run(
                [
                    "user", "add", "--name", "Ani", "--email", "Ani@Surabaya.go.id", "--role", "editor:surabaya",
                    "--database", url, "--as", "=cmd|calc",
                ], stdin: "correct horse battery\n")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("Added ani@surabaya.go.id (editor:surabaya)."))
            let unknownCity = try CLI.run(
                [
                    "user", "add", "--name", "X", "--email", "x@example.org", "--role", "editor:atlantis", "--database",
                    url,
                ],
                stdin: "correct horse battery\n")
            #expect(unknownCity.status != 0 && unknownCity.stderr.contains("No city has the key 'atlantis'"))
            let short = try CLI.run(
                ["user", "add", "--name", "X", "--email", "x@example.org", "--role", "viewer", "--database", url],
                stdin: "short\n")
            #expect(short.status != 0 && short.stderr.contains("at least 10 characters"))
            #expect(
                try CLI.run(["user", "list", "--database", url]).stdout.contains(
                    "ani@surabaya.go.id\tAni\teditor:surabaya"))
            let roles = try CLI.run(["user", "roles", "ani@surabaya.go.id", "--role", "viewer", "--database", url])
            #expect(roles.status == 0, "\(roles.stderr)")
            // The audit trail: the account's changes by their actor, a formula-looking cell made text.
            let csv = try CLI.run(["audit", "--record", "user/ani@surabaya.go.id", "--database", url])
            #expect(csv.status == 0, "\(csv.stderr)")
            let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "sequence,at,actor,channel,kind,key,action,version,before,after")
            #expect(lines.count == 3 && lines[1].contains(",'=cmd|calc,cli,user,ani@surabaya.go.id,create,"))
            #expect(!csv.stdout.contains("$2"), "never a password hash")
            let json = try CLI.run([
                "audit", "--actor", "kembar", "--since", "2000-01-01", "--format", "json", "--database", url,
            ])
            let changes = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
            #expect((changes?.count ?? 0) > 50 && changes?.allSatisfy { $0["actor"] as? String == "kembar" } == true)
            let none = try CLI.run(["audit", "--until", "2000-01-01", "--format", "json", "--database", url])
            #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
            #expect(try CLI.run(["audit", "--since", "yesterday", "--database", url]).status != 0)
            // A token is printed once; the list names it, never shows it; revoking is said.
            let token = try CLI.run(["user", "token", "add", "ani@surabaya.go.id", "--name", "sync", "--database", url])
            #expect(token.status == 0 && token.stdout.hasPrefix("kmb_"), "\(token.stderr)")
            let tokens = try CLI.run(["user", "token", "list", "ani@surabaya.go.id", "--database", url])
            #expect(tokens.stdout.contains("\tsync\t") && !tokens.stdout.contains("kmb_"))
            let id = String(tokens.stdout.prefix(while: { $0 != "\t" }))
            #expect(try CLI.run(["user", "token", "revoke", "ani@surabaya.go.id", id, "--database", url]).status == 0)
            #expect(try CLI.run(["user", "token", "revoke", "ani@surabaya.go.id", id, "--database", url]).status != 0)
        }
    }

    @Test func showsAPartnershipInBothLanguages() async throws {
        try await withDatabaseURL(.sqlite) { url in
            try CLI.run(["migrate", "--seed", "--database", url])
            let en = try CLI.run(["show", "surabaya-liverpool", "--database", url])
            #expect(en.stdout.contains("19 March 2018"))
            #expect(
                en.stdout.contains("Tri Rismaharini (Mayor of Surabaya) [1]; Joe Anderson (Mayor of Liverpool) [1]"))
            // Dates at the source's precision, the inferred year marked, the posted book not a visit.
            #expect(en.stdout.contains("2020 (date inferred, not in the source)"))
            #expect(en.stdout.contains("nobody travelled, by post or remotely"))
            #expect(en.stdout.contains("10 pupils, 1 coach, 1 official = 12"))
            // Only sources the partnership's records cite, each once: the cities' initiatives' sources are not listed.
            #expect(!en.stdout.contains("Wargaku"))
            let numbers = en.stdout.split(separator: "\n").filter { $0.hasPrefix("  [") }.map { $0.prefix(6) }
            #expect(Set(numbers).count == numbers.count)
            #expect(en.stdout.contains("~250"))
            let id = try CLI.run(["show", "surabaya-liverpool", "--lang", "id", "--database", url])
            #expect(id.stdout.contains("19 Maret 2018"))
            #expect(id.stdout.contains("Pengembangan sumber daya manusia"))
            let missing = try CLI.run(["show", "nowhere", "--database", url])
            #expect(missing.status != 0)
            #expect(missing.stderr.contains("No partnership 'nowhere'"))
            let slice = try CLI.run(["export", "--partnership", "surabaya-liverpool", "--database", url])
            let data = try DatasetCodec.decode(Data(slice.stdout.utf8))
            #expect(data.partnerships.map(\.id) == ["surabaya-liverpool"])
            #expect(data.violations().isEmpty)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func badFilesAreRejectedWholeWithEveryError(backend: TestBackend) async throws {
        try await withDatabaseURL(backend) { url in
            try CLI.run(["migrate", "--seed", "--database", url])
            let before = try CLI.run(["export", "--database", url]).stdout
            let result = try CLI.run([
                "import", "--database", url, try fixturePath("activities-good.csv"),
                try fixturePath("activities-bad.csv"),
                try fixturePath("bad-dataset.json"),
            ])
            #expect(result.status != 0)
            let lines = result.stderr.split(separator: "\n").map { String($0) }
            let fixtures = try fixturePath("activities-bad.csv").replacingOccurrences(
                of: "activities-bad.csv", with: "")
            #expect(
                lines.map { $0.replacingOccurrences(of: fixtures, with: "") }.filter { !$0.contains(" info ") } == [
                    "Error: Nothing was imported: 5 problems found.",
                    "  activities-bad.csv:4 mode = \"by-boat\": invalid value [value-invalid] (one of inbound, outbound, online, hybrid)",
                    "  bad-dataset.json $.partnerships[0] partnerCity = \"surabaya\": a city cannot partner itself [partnership-with-itself]",
                    "  bad-dataset.json $.agreements[0] validUntil = \"2018-03-01\": an agreement cannot end before it is signed [agreement-ends-before-signing] (signed 2018-03-19)",
                    "  activities-bad.csv:3 end = \"2021-02-01\": an activity cannot end before it starts [activity-ends-before-start] (starts 2021-03)",
                    "  activities-bad.csv:3 participants[0].count = \"-2\": a participant count cannot be below zero [participant-count-negative]",
                ])
            #expect(try CLI.run(["export", "--database", url]).stdout == before)

            let indonesian = try CLI.run([
                "import", "--lang", "id", "--database", url, try fixturePath("activities-bad.csv"),
            ])
            #expect(indonesian.stderr.contains("Tidak ada yang diimpor"))
            #expect(indonesian.stderr.contains("kegiatan tidak dapat berakhir sebelum dimulai"))
        }
    }

    @Test func badDatabaseURLIsExplained() throws {
        let result = try CLI.run(["partnerships", "--database", "mysql://localhost/kembar"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown scheme 'mysql'"))
    }
}

/// What the command line prints for people cannot drive the terminal: a control character a record holds (stored
/// before such characters were refused) is shown escaped.
@Suite struct TerminalOutputTests {
    @Test func controlCharactersInRecordsArePrintedEscaped() async throws {
        try await withDatabaseURL(.sqlite) { url in
            #expect(try CLI.run(["migrate", "--seed", "--database", url]).status == 0)
            let store = try KembarStore.open(.sqliteFile(path: String(url.dropFirst("sqlite://".count))))
            try await (store.database as! any SQLDatabase).raw(
                #"UPDATE records SET document = replace(document, '"en":"Liverpool"', '"en":"Liver\u001b[2J\u202epool"') WHERE kind = 'city' AND key = 'liverpool'"#
            ).run()
            await store.close()
            for command in [["show", "surabaya-liverpool"], ["partnerships"]] {
                let result = try CLI.run(command + ["--database", url])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.contains(#"Liver\u{1b}[2J\u{202e}pool"#), "\(command)")
                #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x202e }, "\(command)")
                #expect(result.stdout.contains("\n"), "line breaks stay")
            }
        }
    }

    @Test func writesTheOfficesMonitoringReportAndTheMinistrysOverview() async throws {
        try await withDatabaseURL(.sqlite) { url in
            try CLI.run(["migrate", "--seed", "--database", url])
            let md = try CLI.run([
                "report", "--city", "surabaya", "--period", "2018..2023", "--format", "md", "--database", url,
            ])
            #expect(md.status == 0, "\(md.stderr)")
            #expect(md.stdout.contains("# Monitoring and evaluation of the partnerships of Surabaya, 2018 – 2023"))
            #expect(md.stdout.contains("| Liverpool | sister city | active | implementation | Implementation |"))
            let csv = try CLI.run([
                "report", "--city", "surabaya", "--period", "2025", "--format", "csv", "--lang", "id", "--database",
                url,
            ])
            #expect(csv.stdout.hasPrefix("\u{FEFF}Mitra,Jenis,Status,Tahap"))
            #expect(
                csv.stdout.contains("Liverpool,sister city,tidak aktif (dorman)") || csv.stdout.contains("Liverpool,"))
            let overview = try CLI.run(["report", "--country", "ID", "--format", "md", "--database", url])
            #expect(overview.stdout.contains("Overview of sister-city cooperation: Indonesia (ID)"))
            #expect(
                try CLI.run(["report", "--city", "surabaya", "--period", "2025-13", "--database", url]).status != 0)
            #expect(
                try CLI.run(["report", "--city", "nowhere", "--database", url]).stderr.contains("No city 'nowhere'"))
            #expect(try CLI.run(["report", "surabaya-liverpool", "--city", "surabaya", "--database", url]).status != 0)
        }
    }
}
