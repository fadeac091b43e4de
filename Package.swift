// swift-tools-version: 6.1
import PackageDescription

/// Strict settings shared by every target (see CONVENTIONS.md).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "QualityLoop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qloop", targets: ["qloop"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // Identifiers, check digits, GS1 Digital Link, errors, the working-day calendar and its
        // data file. No HTTP, no SQL, no dependencies.
        .target(
            name: "QualityCore", resources: [.copy("Resources/cn-holidays.json")], swiftSettings: swiftSettings),
        // ISO/IEC 18004 QR encoder with SVG and PNG output. No dependencies.
        .target(name: "QRCode", swiftSettings: swiftSettings),
        // Organisations, roles, API tokens, GS1 company prefixes.
        .target(
            name: "Access",
            dependencies: [
                "QualityCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Products, batches, unit-code issuance, verification verdicts, scans.
        .target(
            name: "Passport",
            dependencies: [
                "QualityCore", "QRCode", "Access", "Ledger",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // RFC 9162 Merkle log: leaves, tree heads, proofs, signed checkpoints, witnessing.
        .target(
            name: "Ledger",
            dependencies: [
                "QualityCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Parties, qualification documents, rules as data, onboarding review, blacklist.
        .target(
            name: "Governance",
            dependencies: ["QualityCore", "Access", "Ledger", "Passport"],
            resources: [.copy("Resources/rules.json")],
            swiftSettings: swiftSettings
        ),
        // EPCIS 2.0 events: JSON-LD and XML codecs, validation, the CBV 2.0 event hash.
        .target(
            name: "Trace",
            dependencies: [
                "QualityCore", "Passport", "Ledger",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Recall records: the legal clock in working days, per-buyer notices, returns by level and
        // the correction rate.
        .target(
            name: "Recalls",
            dependencies: ["QualityCore", "Access", "Passport", "Ledger"],
            swiftSettings: swiftSettings
        ),
        // The store protocols' SQLite (GRDB) and PostgreSQL (PostgresNIO) implementations.
        .target(
            name: "Storage",
            dependencies: [
                "QualityCore", "Access", "Passport", "Ledger", "Trace", "Governance", "Recalls",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the ledger's append path (see SQLiteRawInsert).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Hummingbird application: API controllers, pages, middleware.
        .target(
            name: "Web",
            dependencies: [
                "QualityCore", "QRCode", "Access", "Passport", "Storage", "Ledger", "Trace", "Governance", "Recalls",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        // The command-line tool: composition root only.
        .executableTarget(
            name: "qloop",
            dependencies: [
                "QualityCore", "QRCode", "Access", "Passport", "Storage", "Web", "Ledger", "Trace", "Governance",
                "Recalls",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "QualityCoreTests", dependencies: ["QualityCore"], swiftSettings: swiftSettings),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PassportTests",
            dependencies: [
                "Passport", "QualityCore", "Access", "Storage", "Ledger",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "QualityCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GovernanceTests", dependencies: ["Governance", "QualityCore", "Access", "Ledger", "Passport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "TraceTests", dependencies: ["Trace", "QualityCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RecallsTests", dependencies: ["Recalls", "QualityCore", "Passport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Passport", "Access", "QualityCore", "Ledger", "Trace", "Governance", "Recalls",
                // The ledger tamper tests edit rows behind the stores' backs.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "Storage", "Passport", "Access", "QualityCore", "Ledger", "Trace", "Governance", "Recalls",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
