import Foundation
import KembarCore
import KembarTestSupport
import Testing

/// Updating stored records safely from the command line, and finding the keys to refer to.
@Suite struct ImportCLITests {
    func write(_ text: String, _ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let clinic = """
        key,partnership,kind,title_en,start,travel,venue,status,participants,fields,tags,sources
        sbylpl-2020-trfc-coaching-clinic,surabaya-liverpool,coaching-clinic,Tranmere Rovers FC coaches hold a coaching clinic in Surabaya,2020,from-partner,first-city,completed,coach=20,smart-city; hr-development,cohen-smart-city-wheel:people,handayani-zahidi-2024

        """

    @Test func dryRunShowsEveryChangeAndWritesNothing() async throws {
        try await withDatabaseURL(.sqlite) { url in
            try CLI.run(["migrate", "--seed", "--database", url])
            let before = try CLI.run(["export", "--database", url]).stdout
            let file = try write(Self.clinic, "clinic.csv")
            let dry = try CLI.run(["import", "--dry-run", "--database", url, file])
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.contains("~ change activities/sbylpl-2020-trfc-coaching-clinic"))
            #expect(
                dry.stdout.contains(
                    "    participants: [] → [{\"approximate\":false,\"breakdown\":{},\"count\":20,\"role\":\"coach\"}]")
            )
            #expect(dry.stderr.contains("Dry run, nothing written: 0 would be added, 1 changed, 0 unchanged."))
            #expect(try CLI.run(["export", "--database", url]).stdout == before)
            // Replacing (the default) says what it replaced; the description the CSV row does not give is gone.
            let replaced = try CLI.run(["import", "--database", url, file])
            #expect(
                replaced.stderr.contains(
                    "Replaced whole (use --merge to add to stored records instead): "
                        + "activities/sbylpl-2020-trfc-coaching-clinic"))
            let indonesian = try CLI.run(["import", "--dry-run", "--lang", "id", "--database", url, file])
            #expect(indonesian.stderr.contains("Uji coba, tidak ada yang ditulis"))
        }
    }

    @Test func mergeKeepsWhatTheFileLeavesOut() async throws {
        try await withDatabaseURL(.sqlite) { url in
            try CLI.run(["migrate", "--seed", "--database", url])
            let file = try write(Self.clinic, "clinic.csv")
            let merged = try CLI.run(["import", "--merge", "--database", url, file])
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(!merged.stderr.contains("Replaced whole"))
            let shown = try CLI.run(["show", "surabaya-liverpool", "--database", url]).stdout
            // The description the row left out is kept, and the count it adds is there.
            #expect(shown.contains("The paper does not give the number of participants."))
            #expect(shown.contains("Participants: 20 coaches = 20"))
        }
    }

    @Test func unreadablePathsAndAnEmptyDatabaseGetPlainMessages() async throws {
        try await withDatabaseURL(.sqlite) { url in
            try CLI.run(["migrate", "--database", url])
            let folder = FileManager.default.temporaryDirectory.path
            let result = try CLI.run(["import", "--database", url, folder, "/no/such/file.json"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(folder): invalid value [value-invalid] (this is a folder, not a file"))
            #expect(result.stderr.contains("/no/such/file.json: invalid value [value-invalid] (there is no such file)"))
            let empty = try CLI.run(["import", "--database", url, try write(Self.clinic, "clinic.csv")])
            #expect(empty.status != 0)
            #expect(empty.stderr.contains("the database is empty"))
            #expect(empty.stderr.contains("kembar migrate --seed"))
            #expect(!empty.stderr.contains("reference-unknown"))
        }
    }

    @Test func backupAndRestoreReproduceTheDatabase() async throws {
        try await withDatabaseURL(.sqlite) { url in
            try CLI.run(["migrate", "--seed", "--database", url])
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-\(UUID().uuidString).json")
                .path
            defer { try? FileManager.default.removeItem(atPath: file) }
            let backup = try CLI.run(["backup", "-o", file, "--database", url])
            #expect(backup.status == 0 && backup.stderr.contains("records and"), "\(backup.stderr)")
            try await withDatabaseURL(.sqlite) { other in
                let restored = try CLI.run(["restore", file, "--database", other])
                #expect(restored.status == 0, "\(restored.stderr)")
                #expect(
                    try CLI.run(["export", "--database", other]).stdout
                        == CLI.run(["export", "--database", url]).stdout)
                let again = try CLI.run(["restore", file, "--database", other])
                #expect(again.status != 0 && again.stderr.contains("is not empty"))
            }
        }
    }

    @Test func readingCommandsNeverMigrate() async throws {
        try await withDatabaseURL(.sqlite) { url in
            for _ in 0..<2 {
                // Asked twice: the first read created nothing, so the database is still new the second time.
                let read = try CLI.run(["partnerships", "--database", url])
                #expect(read.status != 0)
                #expect(read.stderr.contains("is not set up: run `kembar migrate --seed` first"))
            }
            #expect(try CLI.run(["migrate", "--database", url]).status == 0)
            #expect(try CLI.run(["partnerships", "--database", url]).status == 0)
        }
    }

    @Test func frameworksAndFieldsListTheKeysToReferTo() async throws {
        try await withDatabaseURL(.sqlite) { url in
            let none = try CLI.run(["fields", "--database", url])
            #expect(none.status != 0 && none.stderr.contains("kembar migrate --seed"))
            try CLI.run(["migrate", "--seed", "--no-demo", "--database", url])
            let list = try CLI.run(["frameworks", "--database", url])
            #expect(list.stdout.contains("cohen-smart-city-wheel") && list.stdout.contains("itu-u4ssc-kpis"))
            let nodes = try CLI.run(["frameworks", "cohen-smart-city-wheel", "--database", url])
            #expect(nodes.stdout.contains("cohen-smart-city-wheel:people.inclusive-society"))
            let indonesian = try CLI.run(["frameworks", "itu-u4ssc-kpis", "--lang", "id", "--database", url])
            #expect(indonesian.stdout.contains("itu-u4ssc-kpis:SC:SH:SI:3C"))
            #expect(indonesian.stdout.contains(" *"), "Kembar's translations are marked")
            let unknown = try CLI.run(["frameworks", "nothing", "--database", url])
            #expect(unknown.status != 0 && unknown.stderr.contains("Known: "))
            let fields = try CLI.run(["fields", "--database", url])
            #expect(fields.stdout.contains("hr-development") && fields.stdout.contains("Human-resource development"))
            let json = try CLI.run(["fields", "--format", "json", "--database", url])
            #expect(try JSONDecoder().decode([Field].self, from: Data(json.stdout.utf8)).count == 4)
        }
    }
}
