import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import KembarCore
import Logging
import NIOCore
import NIOPosix

/// A connection to Kembar's database, on SQLite or PostgreSQL, with its migrations.
///
/// Open one per process (``open(_:logger:eventLoopGroup:)``), hand its ``repository`` to whoever needs records,
/// and ``close()`` it at the end.
public final class KembarStore: Sendable {
    public let location: DatabaseLocation
    let databases: Databases
    let threadPool: NIOThreadPool
    let eventLoopGroup: any EventLoopGroup
    let ownsEventLoopGroup: Bool
    let logger: Logger
    let databaseID: DatabaseID
    let cache = RecordCache()
    let writers = FairGate(limit: 1)

    /// Connects to `location`, using `eventLoopGroup` (e.g. the web server's) or a group of its own.
    ///
    /// `postgresSearchPath` confines every query to the given PostgreSQL schemas (tests give each its own).
    public static func open(
        _ location: DatabaseLocation, logger: Logger = Logger(label: "kembar.storage"),
        eventLoopGroup: (any EventLoopGroup)? = nil, postgresSearchPath: [String]? = nil
    ) throws -> KembarStore {
        let group = eventLoopGroup ?? MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // A thread more than there are connections (one per event loop on SQLite), so a connection waiting on SQLite
        // never holds the thread the connection it waits for needs.
        let pool = NIOThreadPool(numberOfThreads: group.makeIterator().reduce(0) { n, _ in n + 1 } + 1)
        pool.start()
        let databases = Databases(threadPool: pool, on: group)
        let id: DatabaseID
        switch location {
        case .sqliteFile(let path):
            id = .sqlite
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: id)
        case .sqliteMemory:
            id = .sqlite
            databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: id)
        case .postgres(let url):
            id = .psql
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = postgresSearchPath
            databases.use(
                .postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: id)
        }
        return KembarStore(
            location: location, databases: databases, threadPool: pool, eventLoopGroup: group,
            ownsEventLoopGroup: eventLoopGroup == nil, logger: logger, databaseID: id)
    }

    private init(
        location: DatabaseLocation, databases: Databases, threadPool: NIOThreadPool, eventLoopGroup: any EventLoopGroup,
        ownsEventLoopGroup: Bool, logger: Logger, databaseID: DatabaseID
    ) {
        self.location = location
        self.databases = databases
        self.threadPool = threadPool
        self.eventLoopGroup = eventLoopGroup
        self.ownsEventLoopGroup = ownsEventLoopGroup
        self.logger = logger
        self.databaseID = databaseID
    }

    /// A database handle for one unit of work.
    public var database: any Database {
        databases.database(databaseID, logger: logger, on: eventLoopGroup.any())!
    }

    /// Records of this store as domain values.
    public var repository: Repository { Repository(database: database, cache: cache, writers: writers) }

    /// Closes connections and stops the threads this store started.
    public func close() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        if ownsEventLoopGroup { try? await eventLoopGroup.shutdownGracefully() }
    }
}
