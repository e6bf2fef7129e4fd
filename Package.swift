// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "followup",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "followup", targets: ["followup"]),
        .executable(name: "followup-bench", targets: ["followup-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Spreadsheets in and out (import csv, export csv).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Drafts from templates a user can override.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "JSON"),
        .target(name: "FollowUpResources", path: "Resources"),
        .target(name: "FollowUpCore", dependencies: ["JSON", "FollowUpResources"]),
        // memmem(3), which the Swift Glibc module leaves out. DWARF 4, as CWidth below.
        .target(name: "CBytes", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(name: "FollowUpStore", dependencies: ["FollowUpCore", "JSON", "CBytes", "Platform"]),
        .target(name: "FollowUpActions", dependencies: ["FollowUpCore"]),
        .target(name: "FollowUpDrafts", dependencies: ["FollowUpCore", .product(name: "Mustache", package: "swift-mustache")]),
        // DWARF 4: valgrind (scripts/bench --profile) cannot read clang's default DWARF 5.
        .target(name: "CWidth", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(name: "FollowUpUI", dependencies: ["FollowUpCore", "FollowUpActions", "FollowUpDrafts", "CWidth"]),
        .target(name: "Platform"),
        .target(name: "FollowUpTerminal", dependencies: ["FollowUpUI", "CNCurses", "Platform"]),
        .executableTarget(
            name: "followup",
            dependencies: [
                "FollowUpCore", "FollowUpActions", "FollowUpStore", "FollowUpUI", "FollowUpTerminal", "FollowUpDrafts", "JSON", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "followup-bench",
            dependencies: [
                "FollowUpCore", "FollowUpActions", "FollowUpStore", "FollowUpUI", "JSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], resources: [.copy("Corpus")]),
        .testTarget(
            name: "FollowUpCoreTests",
            dependencies: [
                "FollowUpCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "FollowUpStoreTests", dependencies: ["FollowUpStore", "FollowUpCore", "JSON"], resources: [.copy("Golden")]),
        .testTarget(name: "FollowUpActionsTests", dependencies: ["FollowUpActions", "FollowUpCore", "FollowUpStore", "JSON"]),
        .testTarget(name: "FollowUpUITests", dependencies: ["FollowUpUI", "FollowUpCore", "FollowUpActions"], exclude: ["Golden"]),
        .testTarget(name: "FollowUpDraftsTests", dependencies: ["FollowUpDrafts", "FollowUpCore"]),
        .testTarget(name: "followupTests", dependencies: ["followup", "JSON", .product(name: "CSV", package: "CSV.swift")], exclude: ["Parsers"]),
    ]
)

// Release builds carry the Swift runtime and Foundation in the binary: `followup` starts in about
// 6.5 ms instead of 13.5 (no dynamic linking of them), which every command pays. Time zones still
// come from the system's zone database (tested under two TZs). Every Swift target is compiled
// with it, so that what the modules link against comes along.
for target in package.targets where target.type == .regular || target.type == .executable {
    guard target.name != "CWidth", target.name != "CBytes" else { continue }
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
    if target.type == .executable {
        // Not position-independent: the loader then has ~80,000 fewer pointers to fix up in a
        // binary this size (measured: `--version` 7.6 → 4.5 ms). The executable's own address is
        // then not randomised; libraries and the stack still are.
        target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(["-static-stdlib", "-Xlinker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]
    }
}
