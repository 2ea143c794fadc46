// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TenderScore",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tenderscore", targets: ["tenderscore"]),
        .library(name: "TenderModel", targets: ["TenderModel"]),
        .library(name: "TenderXML", targets: ["TenderXML"]),
        .library(name: "TenderScoring", targets: ["TenderScoring"]),
        .library(name: "TenderStore", targets: ["TenderStore"]),
        .library(name: "TenderSQLite", targets: ["TenderSQLite"]),
        .library(name: "TenderExport", targets: ["TenderExport"]),
        .library(name: "TenderForms", targets: ["TenderForms"]),
        .library(name: "TenderWorkflow", targets: ["TenderWorkflow"]),
        .library(name: "TenderTestSupport", targets: ["TenderTestSupport"]),
        .library(name: "TenderWeb", targets: ["TenderWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "TenderModel"),
        .target(
            name: "TenderXML",
            dependencies: ["CLibXML2", "TenderModel"],
            resources: [.copy("Resources/Schemas")]
        ),
        .target(name: "TenderScoring", dependencies: ["TenderModel"]),
        // The store interface and the history every backend keeps: events, their hash chain,
        // what each means, and how the whole is verified. No database library here.
        .target(
            name: "TenderStore",
            dependencies: ["TenderModel", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The embedded SQLite backend: the only module that sees GRDB.
        .target(
            name: "TenderSQLite",
            dependencies: [
                "TenderStore",
                "TenderModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The shared PostgreSQL backend: the only module that sees PostgresNIO.
        .target(
            name: "TenderPostgres",
            dependencies: [
                "TenderStore",
                "TenderModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "TenderExport",
            dependencies: ["TenderModel", "TenderScoring", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        // Word and OpenDocument response forms: written from the criteria, read back by their
        // markers inside strict ZIP limits, with the XML parts parsed by TenderXML.
        .target(
            name: "TenderForms",
            dependencies: [
                "TenderModel",
                "TenderXML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The tender's rules, once, for every front end: each use case takes the acting person
        // and decides inside the store write it guards.
        .target(
            name: "TenderWorkflow",
            dependencies: [
                "TenderModel", "TenderXML", "TenderStore", "TenderScoring", "TenderExport", "TenderForms",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The panel's web app: server-rendered pages over the workflow, sign-in and sessions.
        // It calls TenderWorkflow for every rule and keeps no rule of its own.
        .target(
            name: "TenderWeb",
            dependencies: [
                "TenderModel", "TenderStore", "TenderWorkflow", "TenderExport", "TenderForms",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates"), .copy("Assets")]
        ),
        .executableTarget(
            name: "tenderscore",
            dependencies: [
                "TenderModel",
                "TenderXML",
                "TenderStore",
                "TenderSQLite",
                "TenderPostgres",
                "TenderWorkflow",
                "TenderExport",
                "TenderForms",
                "TenderWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // What every test target shares: the sample tender, temporary folders and stores, the
        // conformance suite every store backend must pass, and the test PostgreSQL server.
        .target(
            name: "TenderTestSupport",
            dependencies: [
                "TenderModel", "TenderXML", "TenderStore", "TenderSQLite", "TenderPostgres", "TenderWorkflow",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/TenderTestSupport"
        ),
        .testTarget(
            name: "TenderXMLTests", dependencies: ["TenderXML", "TenderModel", "TenderTestSupport"], exclude: ["FuzzRegressions"]),
        .testTarget(name: "TenderScoringTests", dependencies: ["TenderScoring", "TenderModel", "TenderTestSupport"]),
        .testTarget(
            name: "TenderStoreTests",
            dependencies: [
                "TenderStore", "TenderSQLite", "TenderWorkflow", "TenderModel", "TenderXML", "TenderTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "TenderExportTests",
            dependencies: [
                "TenderExport", "TenderScoring", "TenderModel", "TenderXML", "TenderWorkflow", "TenderTestSupport",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "TenderWorkflowTests",
            dependencies: [
                "TenderWorkflow", "TenderTestSupport", "TenderStore", "TenderSQLite", "TenderModel", "TenderScoring",
                "TenderForms",
            ]
        ),
        .testTarget(name: "TenderscoreCLITests", dependencies: [
                "tenderscore", "TenderTestSupport", "TenderForms", "TenderXML", "TenderSQLite", "TenderWorkflow",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "TenderFormsTests",
            dependencies: [
                "TenderForms", "TenderModel", "TenderXML", "TenderTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Run against a real server when $TENDERSCORE_TEST_POSTGRES names one (see .ci/run).
        .testTarget(
            name: "TenderPostgresTests",
            dependencies: [
                "tenderscore", "TenderPostgres", "TenderSQLite", "TenderStore", "TenderWorkflow", "TenderModel",
                "TenderTestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "TenderWebTests",
            dependencies: [
                "tenderscore", "TenderWeb", "TenderWorkflow", "TenderStore", "TenderSQLite", "TenderPostgres", "TenderTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Browser"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Benchmarks, the corpus generator and the fuzz targets build only when asked, so that an
// ordinary build stays short (see Benchmarks/README.md):
//   TENDERSCORE_BENCHMARKS=1 swift package --scratch-path .build-bench benchmark
//   TENDERSCORE_BENCHMARKS=1 swift build -c release --scratch-path .build-bench --product tenderscore-corpus
//   TENDERSCORE_FUZZ=1 Benchmarks/Fuzz/run.sh
if Context.environment["TENDERSCORE_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets += [
        .executableTarget(
            name: "TenderBenchmarks",
            dependencies: [
                "TenderModel", "TenderXML", "TenderScoring", "TenderStore",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/TenderBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(name: "tenderscore-corpus", path: "Benchmarks/Corpus"),
    ]
}
if Context.environment["TENDERSCORE_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "FuzzDocumentLoader", dependencies: ["TenderXML"], path: "Benchmarks/Fuzz/DocumentLoader"),
        .executableTarget(name: "FuzzScoresheetCSV", dependencies: ["TenderXML"], path: "Benchmarks/Fuzz/ScoresheetCSV"),
    ]
}
