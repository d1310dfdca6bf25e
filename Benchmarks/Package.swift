// swift-tools-version: 6.1
// Benchmarks for KembarIndex, kept out of the main package so that its build stays light. The KembarIndex target
// here compiles the main package's sources through the symlink Sources/KembarIndex -> ../../Sources/KembarIndex,
// which avoids resolving the main package's server dependencies.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --jobs 1   (see docs/PERFORMANCE.md)
import PackageDescription

let package = Package(
    name: "KembarBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"])
    ],
    targets: [
        .target(name: "KembarIndex", path: "Sources/KembarIndex", swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "IndexBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark"), "KembarIndex"],
            path: "Benchmarks/IndexBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
