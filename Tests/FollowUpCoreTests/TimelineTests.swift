import FollowUpCore
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
        #expect(second.flags.isEmpty)
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
