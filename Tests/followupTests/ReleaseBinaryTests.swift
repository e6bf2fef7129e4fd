import Foundation
import Testing

/// The release binary is linked statically (Package.swift); such a binary can lose the system's
/// time zones without a word. `scripts/test` builds it and names it in FOLLOWUP_RELEASE_BINARY.
@Suite("The release binary")
struct ReleaseBinaryTests {
    static let binary = ProcessInfo.processInfo.environment["FOLLOWUP_RELEASE_BINARY"].flatMap { $0.isEmpty ? nil : $0 }

    @Test("reads the user's zone from TZ, and the system's without it", .enabled(if: binary != nil))
    func timeZones() throws {
        let binary = try #require(Self.binary)
        let s = Sandbox()
        // November: New York is 5 hours behind UTC, Tokyo 9 ahead, Berlin 1 ahead.
        for (zone, offset) in [("America/New_York", "-05:00"), ("Asia/Tokyo", "+09:00"), ("Europe/Berlin", "+01:00")] {
            let file = s.folder + "/\(zone.replacingOccurrences(of: "/", with: "-")).json"
            let out = Sandbox.exec(["app", "add", "--employer", "Acme", "--role", "r", "--file", file, "--now", "2026-11-16T09:00"],
                                   environment: ["TZ": zone, "HOME": s.folder], binary: binary)
            #expect(out.status == 0, "\(out.stderr)")
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            #expect(text.contains("\"createdAt\": \"2026-11-16T09:00:00\(offset)\""), "\(zone): \(text.prefix(400))")
        }
        // A time the clocks skip in that zone is refused: the zone's rules are there, not just its offset.
        let gap = Sandbox.exec(["app", "add", "--employer", "B", "--role", "r", "--file", s.folder + "/gap.json", "--now", "2026-03-29T02:30"],
                               environment: ["TZ": "Europe/Berlin", "HOME": s.folder], binary: binary)
        #expect(gap.status == 2 && gap.stderr.contains("does not exist"))
        // No TZ: the system's zone, as `date` reads it.
        let date = Process()
        date.executableURL = URL(fileURLWithPath: "/bin/date")
        date.arguments = ["-d", "2026-11-16 09:00", "+%:z"]
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = nil
        date.environment = env
        let pipe = Pipe()
        date.standardOutput = pipe
        try date.run()
        date.waitUntilExit()
        let systemOffset = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let file = s.folder + "/system.json"
        let out = Sandbox.exec(["app", "add", "--employer", "C", "--role", "r", "--file", file, "--now", "2026-11-16T09:00"],
                               environment: ["HOME": s.folder], binary: binary, dropping: ["TZ"])
        #expect(out.status == 0, "\(out.stderr)")
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        #expect(!systemOffset.isEmpty && text.contains("2026-11-16T09:00:00\(systemOffset)"), "system offset \(systemOffset): \(text.prefix(300))")
    }
}
