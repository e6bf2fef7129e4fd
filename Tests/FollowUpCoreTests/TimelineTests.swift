@testable import FollowUpCore
import Testing

@Suite("Timeline")
struct TimelineTests {
    @Test("chasing before the date is flagged early")
    func early() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], decisionBy: "2026-11-23")
        let tooSoon = log.log(.checkIn, at: "2026-11-20T10:00", contact: "dana", channel: .call)
        let onTime = log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
        log.log(.response, at: "2026-11-25T10:00", contact: "dana", decisionBy: "2026-12-04")
        let timeline = log.timeline(at: "2026-11-26T09:00")

        let first = try #require(timeline.entries.first { $0.ref == tooSoon })
        #expect(first.flags == ["early"])
        #expect(first.text.contains("before the date they gave"))
        #expect(first.past)
        let second = try #require(timeline.entries.first { $0.ref == onTime })
        #expect(second.flags == ["too-soon"], "four days after the first attempt")
        #expect(second.text.contains("less than a week after the last attempt"))
    }

    @Test("attempts a week apart are not flagged; less than seven days apart are too-soon, in every preset", arguments: PresetName.allCases)
    func tooSoon(_ preset: PresetName) throws {
        var log = Log(preset)
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-09T10:00", with: ["dana"])
        let first = log.log(.checkIn, at: "2026-11-20T10:00", contact: "dana", channel: .email)
        let weekLater = log.log(.checkIn, at: "2026-11-27T10:00", contact: "dana", channel: .email)
        let soon = log.log(.checkIn, at: "2026-11-30T10:00", contact: "dana", channel: .email)
        let timeline = log.timeline(at: "2026-12-01T09:00")
        let flags = { (id: String) in timeline.entries.first { $0.ref == id }?.flags ?? [] }
        #expect(!flags(first).contains("too-soon"))
        #expect(!flags(weekLater).contains("too-soon"))
        #expect(flags(soon).contains("too-soon"))
    }

    @Test("persistent: a check-in before the fifth day after the interview is early")
    func persistentEarly() throws {
        var log = Log(.persistent)
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], decisionBy: "2026-11-17")
        let early = log.log(.checkIn, at: "2026-11-19T10:00", contact: "dana", channel: .call)
        let entry = try #require(log.timeline(at: "2026-11-20T09:00").entries.first { $0.ref == early })
        #expect(entry.flags.contains("early"))
        #expect(entry.text.contains("before 5 days had passed since the interview"))
    }

    @Test("a decision date earlier than the interview that gave it is flagged, and check reports it")
    func decisionDateBeforeInterview() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], decisionBy: "2026-11-06")
        let entry = try #require(log.timeline(at: "2026-11-17T09:00").entries.first { $0.ref == "iv1" })
        #expect(entry.flags.contains("decision-date-passed"))
        #expect(log.data.problems().contains { $0.contains("iv1") && $0.contains("before the interview") })
    }

    @Test("the timeline holds the past and the projected tasks, in time order")
    func order() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv0", at: "2026-11-09T10:00", with: ["dana"], cancelled: true)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], decisionBy: "2026-11-23")
        log.log(.thankYou, at: "2026-11-16T18:00", contact: "dana")
        let timeline = log.timeline(at: "2026-11-17T09:00")

        #expect(timeline.status == .active)
        #expect(timeline.entries.map(\.at) == timeline.entries.map(\.at).sorted())
        #expect(timeline.entries.map(\.kind) == ["interview", "interview", "thank-you", "take-stock", "check-in"])
        #expect(timeline.entries[0].flags.contains("cancelled"))
        #expect(timeline.entries.prefix(3).allSatisfy { $0.past })
        let checkIn = try #require(timeline.entries.last)
        #expect(!checkIn.past)
        #expect(checkIn.flags == ["upcoming"])
        #expect(checkIn.ref == "check-in:acme:iv1:dana:1")
        #expect(timeline.entries[3].flags == ["overdue"])
    }

    @Test("a struck-out application says so in its timeline")
    func struckOut() {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        for date in ["2026-11-23", "2026-11-30", "2026-12-07"] {
            log.log(.checkIn, at: "\(date)T10:00", contact: "dana", channel: .email)
        }
        #expect(log.timeline(at: "2026-12-08T09:00").status == .struckOut)
    }
}

@Suite("An application's equality")
struct ApplicationEqualityTests {
    @Test("== compares every stored field (a field added later must be added to it)")
    func everyField() {
        let app = Application(id: "a", employer: "e", role: "r", createdAt: Instant(seconds: 0))
        // Every stored field but the employer's key, which is derived from the name.
        #expect(Mirror(reflecting: app).children.count == Application.comparedFields + 1)
        var other = app
        other.link = "https://example.com"
        #expect(app != other)
        other = app
        other.extra["x"] = .bool(true)
        #expect(app != other)
        other = app
        other.events = [Event(id: "n", kind: .note, at: Instant(seconds: 1), createdAt: Instant(seconds: 1))]
        #expect(app != other)
        #expect(app == app)
    }
}
