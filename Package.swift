// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Kembar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kembar", targets: ["kembar"]),
        .library(name: "KembarCore", targets: ["KembarCore"]),
        .library(name: "KembarIndex", targets: ["KembarIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .target(name: "KembarCore"),
        .target(name: "KembarIndex"),
        .target(name: "KembarReport", dependencies: ["KembarCore", "KembarIndex"], resources: [.copy("Maps")]),
        .target(
            name: "KembarStorage",
            dependencies: [
                "KembarCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Bundled")]
        ),
        .target(
            name: "KembarWeb",
            dependencies: [
                "KembarCore", "KembarReport", "KembarStorage", "KembarIndex",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            resources: [.copy("Views"), .copy("Public")]
        ),
        .executableTarget(
            name: "kembar",
            dependencies: [
                "KembarCore", "KembarIndex", "KembarReport", "KembarStorage", "KembarWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "KembarTestSupport",
            dependencies: [
                "KembarStorage",
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "KembarCoreTests", dependencies: ["KembarCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KembarIndexTests", dependencies: ["KembarIndex"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KembarReportTests", dependencies: ["KembarReport", "KembarCore"]),
        .testTarget(
            name: "KembarStorageTests", dependencies: ["KembarStorage", "KembarCore", "KembarTestSupport"]),
        .testTarget(
            name: "KembarWebTests",
            dependencies: [
                "KembarWeb", "KembarStorage", "KembarTestSupport", .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(
            name: "KembarCLITests", dependencies: ["kembar", "KembarStorage", "KembarTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
