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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
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
        .executableTarget(
            name: "tenderscore",
            dependencies: [
                "TenderModel",
                "TenderXML",
                "TenderScoring",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TenderXMLTests", dependencies: ["TenderXML", "TenderModel"]),
        .testTarget(name: "TenderScoringTests", dependencies: ["TenderScoring", "TenderModel"]),
        .testTarget(name: "TenderscoreCLITests", dependencies: ["tenderscore"]),
    ],
    swiftLanguageModes: [.v6]
)
