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
        .library(name: "TenderExport", targets: ["TenderExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
            dependencies: [
                "CLibXML2",
                "TenderModel",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [.copy("Resources/Schemas")]
        ),
        .target(name: "TenderScoring", dependencies: ["TenderModel"]),
        .target(
            name: "TenderStore",
            dependencies: [
                "TenderModel",
                "TenderXML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "TenderExport",
            dependencies: ["TenderModel", "TenderScoring", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        .executableTarget(
            name: "tenderscore",
            dependencies: [
                "TenderModel",
                "TenderXML",
                "TenderScoring",
                "TenderStore",
                "TenderExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .testTarget(name: "TenderXMLTests", dependencies: ["TenderXML", "TenderModel"]),
        .testTarget(name: "TenderScoringTests", dependencies: ["TenderScoring", "TenderModel"]),
        .testTarget(
            name: "TenderStoreTests",
            dependencies: ["TenderStore", "TenderModel", "TenderXML", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "TenderExportTests",
            dependencies: [
                "TenderExport", "TenderScoring", "TenderModel", "TenderXML",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "TenderscoreCLITests", dependencies: ["tenderscore"]),
    ],
    swiftLanguageModes: [.v6]
)
