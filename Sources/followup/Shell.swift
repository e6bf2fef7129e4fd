import Foundation
import FollowUpCore

/// The one reader of the process's environment and the one clock. Everything below the
/// executable is handed what it needs: the engine and the dashboard's state take `now` as a
/// parameter, the store and the editor the variables they use.
enum Shell {
    static let environment: [String: String] = {
        // Read from `environ` itself: ProcessInfo costs a good part of a millisecond more, and
        // `agenda --count` runs in shell prompts. The first of two same names wins, as getenv has it.
        #if canImport(Glibc)
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "="), equals != text.startIndex {
                let name = String(text[..<equals])
                if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return result
        #else
        return ProcessInfo.processInfo.environment
        #endif
    }()

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

    /// What names the zone `zone()` gives without asking the zone database (which costs a
    /// millisecond): `TZ` as it is set, else where /etc/localtime points; nil when neither says.
    static func zoneKey() -> String? {
        if let raw = variable("TZ") { return "TZ=" + raw }
        var buffer = [CChar](repeating: 0, count: 1024)
        let n = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return "localtime=" + String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// This program as built — the size and change time of the running executable — so that a
    /// count kept by another build of the rules (an upgrade) is not taken for this one's.
    static func programStamp() -> String {
        #if os(Linux)
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "program=?" }
        return "program=\(st.st_size)-\(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec)"
        #else
        return "program=" + (Bundle.main.executablePath ?? "?")
        #endif
    }

    /// `zoneKey()`, else the identifier of `zone` (which `zone()` gave).
    static func zoneKey(of zone: Zone) -> String { zoneKey() ?? "zone=" + zone.identifier }

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
