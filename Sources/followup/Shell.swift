import Foundation
import FollowUpCore

/// The one reader of the process's environment and the one clock. Everything below the
/// executable is handed what it needs: the engine and the dashboard's state take `now` as a
/// parameter, the store and the editor the variables they use.
enum Shell {
    static let environment = ProcessInfo.processInfo.environment

    /// The variable's value, nil when unset or empty.
    static func variable(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The user's time zone: `TZ` as glibc reads it (`Europe/Berlin`, `:Europe/Berlin`, a path
    /// into the zone database, a POSIX name such as `EST5EDT`), else the system's. A `TZ` that
    /// names no zone is an error, never silently UTC.
    static func zone() throws -> Zone {
        guard let raw = variable("TZ") else { return Zone(TimeZone.current) }
        var name = raw.hasPrefix(":") ? String(raw.dropFirst()) : raw
        if let range = name.range(of: "zoneinfo/") { name = String(name[range.upperBound...]) }
        if name.isEmpty || name == "UTC" || name == "UTC0" { return Zone(identifier: "UTC") ?? Zone(TimeZone.current) }
        guard let zone = Zone(identifier: name) else {
            throw UserError("TZ=\(raw) is not a time zone this system knows; use a name such as Europe/Berlin (ls /usr/share/zoneinfo)")
        }
        return zone
    }

    /// What a command read, held until the process exits: freeing a large file's model object
    /// by object just before exit costs milliseconds and gives nothing back (the kernel takes
    /// the memory at once).
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keepUntilExit(_ value: Any) { kept.append(value) }

    /// Now, to the second.
    static func clock() -> Instant {
        Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
