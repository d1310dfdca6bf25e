import Foundation
import KembarCore
import KembarTestSupport
import Testing

@testable import KembarStorage

func fixture(_ name: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: sharedFixture(name)))
}

@Suite struct ImportTests {
    @Test(arguments: TestBackend.enabled)
    func exportThenImportReproducesTheDatabase(backend: TestBackend) async throws {
        let exported = try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            try await store.repository.importDataset(try DatasetCodec.decode(try fixture("external-dataset.json")))
            return try DatasetCodec.encode(try await store.repository.dataset())
        }
        let reimported = try await withTestStore(backend) { store in
            let summary = try await store.repository.importDataset(try DatasetCodec.decode(exported))
            #expect(summary.updated == 0 && summary.unchanged == 0)
            return try DatasetCodec.encode(try await store.repository.dataset())
        }
        #expect(reimported == exported)
        #expect(try DatasetCodec.decode(exported).recordCount > 60)
    }

    @Test(arguments: TestBackend.enabled)
    func reimportIsAnUpsertNeverADuplicate(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let data = try DatasetCodec.decode(try fixture("external-dataset.json"))
            let first = try await store.repository.importDataset(data)
            #expect(first.inserted == data.recordCount)
            let second = try await store.repository.importDataset(data)
            #expect(second.inserted == 0 && second.updated == 0 && second.unchanged == data.recordCount)

            var changed = data
            changed.activities[0].participants[1].count = 3
            let third = try await store.repository.importDataset(changed)
            #expect(third.updated == 1 && third.inserted == 0)
            let stored = try await store.repository.activities(of: "bandung-braunschweig")
            #expect(stored.count == 1)
            #expect(stored[0].participants[1].count == 3)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aFileWithErrorsChangesNothingAndNamesEveryError(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let before = try DatasetCodec.encode(try await store.repository.dataset())
            var bad = try DatasetCodec.decode(try fixture("external-dataset.json"))
            bad.activities[0].end = try PartialDate(parsing: "2019-08-01")
            bad.activities[0].participants[1].count = -2
            bad.partnerships[0].partnerCity = "bandung"
            bad.agreements[1].validUntil = try PartialDate(parsing: "2017-01-01")
            await #expect(throws: InvalidInput.self) { try await store.repository.importDataset(bad) }
            do {
                try await store.repository.importDataset(bad)
            } catch let error as InvalidInput {
                #expect(
                    error.violations == [
                        Violation(
                            location: "$.partnerships[0]", field: "partnerCity", value: "bandung",
                            rule: .partnershipWithItself),
                        Violation(
                            location: "$.agreements[1]", field: "validUntil", value: "2017-01-01",
                            rule: .agreementEndsBeforeSigning, detail: "signed 2018-10-01"),
                        Violation(
                            location: "$.activities[0]", field: "end", value: "2019-08-01",
                            rule: .activityEndsBeforeStart, detail: "starts 2019-08-05"),
                        Violation(
                            location: "$.activities[0]", field: "participants[1].count", value: "-2",
                            rule: .participantCountNegative),
                    ])
            }
            #expect(try DatasetCodec.encode(try await store.repository.dataset()) == before)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func csvRowsMayReferToStoredRecords(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            try await store.prepare(loadDemo: true)
            let csv = """
                key,partnership,kind,title_en,title_id,start,mode,status,participants,fields,tags,sources
                sbylpl-2023-visit,surabaya-liverpool,delegation-visit,Teachers visit,Kunjungan guru,2023-05,outbound,completed,teacher=4,hr-development,cohen-smart-city-wheel:people,handayani-zahidi-2024
                """
            try await store.repository.importDataset(try RecordCSV.decode(csv, file: "new.csv"))
            #expect(try await store.repository.activities(of: "surabaya-liverpool").count == 9)

            let observations = "city,indicator,period,value,unit\nsurabaya,itu-u4ssc-kpis:SC:SH:SI:3C,2023-03,10.2,%\n"
            // Same city, indicator and period as the bundled observation, under another key: refused.
            await #expect(throws: InvalidInput.self) {
                try await store.repository.importDataset(try RecordCSV.decode(observations, file: "obs.csv"))
            }
        }
    }

    @Test(arguments: TestBackend.enabled)
    func prepareLoadsOnlyIntoAnEmptyDatabase(backend: TestBackend) async throws {
        try await withTestStore(backend) { store in
            let loaded = try await store.prepare(loadDemo: false)
            #expect(loaded)
            #expect(try await store.repository.partnerships().isEmpty)
            #expect(try await store.repository.frameworks().count == 5)
            let loadedAgain = try await store.prepare(loadDemo: true)
            #expect(!loadedAgain)
            #expect(try await store.repository.partnerships().isEmpty)
        }
    }
}

@Suite struct LocationTests {
    @Test func parsesTheThreeForms() throws {
        #expect(
            try DatabaseLocation(parsing: "sqlite:///var/lib/kembar.sqlite")
                == .sqliteFile(path: "/var/lib/kembar.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite://kembar.sqlite") == .sqliteFile(path: "kembar.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite::memory:") == .sqliteMemory)
        #expect(try DatabaseLocation(parsing: "./data.sqlite") == .sqliteFile(path: "./data.sqlite"))
        let postgres = try DatabaseLocation(parsing: "postgres://kembar:secret@127.0.0.1:5432/kembar")
        #expect(postgres == .postgres(url: "postgres://kembar:secret@127.0.0.1:5432/kembar"))
        #expect(postgres.description == "postgres://kembar:***@127.0.0.1:5432/kembar")
    }

    @Test(arguments: ["", "mysql://x/y", "postgres://", "postgres://host-without-db", "sqlite://"])
    func refusesWhatItCannotUse(text: String) {
        #expect(throws: LocationError.self) { try DatabaseLocation(parsing: text) }
    }

    @Test func settingsComeFromTheEnvironment() throws {
        let settings = try KembarSettings.fromEnvironment([
            "KEMBAR_DATABASE_URL": "sqlite::memory:", "KEMBAR_PORT": "9090", "KEMBAR_HOST": "0.0.0.0",
        ])
        #expect(settings == KembarSettings(database: .sqliteMemory, host: "0.0.0.0", port: 9090))
        #expect(throws: SettingsError.self) { try KembarSettings.fromEnvironment(["KEMBAR_PORT": "eighty"]) }
        #expect(try KembarSettings.fromEnvironment([:]).database == .sqliteFile(path: "kembar.sqlite"))
    }
}

@Suite struct SharedDatabaseTests {
    /// Two servers on one database: records one caches are read again once the other writes.
    @Test func aSecondStoreSeesTheFirstStoresWrites() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kembar-\(UUID().uuidString).sqlite")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try KembarStore.open(.sqliteFile(path: path))
        let second = try KembarStore.open(.sqliteFile(path: path))
        try await first.prepare(loadDemo: true)
        try await second.migrate()
        #expect(try await first.repository.allActivities().count == 8)
        #expect(try await second.repository.allActivities().count == 8)
        var data = try DatasetCodec.decode(try fixture("external-dataset.json"))
        try await second.repository.importDataset(data)
        #expect(try await first.repository.allActivities().count == 9)
        data.activities[0].participants[0].count = 20
        try await first.repository.importDataset(Dataset(activities: data.activities))
        let seen = try await second.repository.allActivities().first { $0.id == data.activities[0].id }
        #expect(seen?.participants[0].count == 20)
        try await first.repository.delete(.activities, key: data.activities[0].id.rawValue)
        #expect(try await second.repository.allActivities().count == 8)
        await first.close()
        await second.close()
    }
}
