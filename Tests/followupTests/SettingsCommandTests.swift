import Foundation
import JSON
import Testing

@Suite("followup settings")
struct SettingsCommandTests {
    @Test("a number set in the settings changes the rules, and default brings the preset's back")
    func overrideChangesTheRules() throws {
        let s = Sandbox()
        let acme = Acme(s)
        for day in ["2026-11-23", "2026-11-30"] {
            s.ok(["log", "check-in", "--app", acme.app, "--channel", "email", "--at", day + "T10:00"])
        }
        s.now = "2026-12-01T09:00"
        #expect(s.ok(["settings", "maxStrikes", "2"]).contains("maxStrikes"))
        let struck = try #require(s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.first)
        #expect(struck["max"] == .int(2))
        #expect(struck["struckOut"] == .bool(true))
        s.ok(["settings", "maxStrikes", "default"])
        #expect(s.run(["strikes", "--json"]).json?["employers"]?.arrayValue?.first?["struckOut"] == .bool(false))
    }

    @Test("holidays are not business days")
    func holidaysMoveCheckIns() throws {
        let s = Sandbox()
        _ = Acme(s)  // decision by Fri 20 Nov: check in Mon 23 Nov
        s.ok(["settings", "holidays", "2026-11-23"])
        s.now = "2026-11-20T09:00"
        let checkIn = s.run(["agenda", "--json"]).json?["tasks"]?.arrayValue?.first { $0["kind"] == .string("check-in") }
        #expect(checkIn?["due"] == .string("2026-11-24"))
    }

    @Test("bad settings are rejected without a change", arguments: [
        ["maxStrikes", "lots"], ["maxStrikes", "-1"], ["spacingDays", "0"], ["preset", "aggressive"],
        ["holidays", "2026-13-01"], ["colour", "teal"],
    ])
    func rejected(_ arguments: [String]) {
        let s = Sandbox()
        _ = Acme(s)
        let before = s.bytes
        let out = s.run(["settings"] + arguments)
        #expect(out.status == 2)
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(s.bytes == before)
    }

    @Test("settings shows every number with where it comes from")
    func showsEverything() {
        let s = Sandbox()
        s.ok(["init", "--preset", "persistent"])
        let text = s.ok(["settings"])
        #expect(text.contains("preset        persistent"))
        #expect(text.contains("rotateChannels"))
        #expect(text.contains("(persistent)"))
    }
}
