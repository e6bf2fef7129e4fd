import FollowUpCore
import Testing

@Suite("Presets")
struct PresetTests {
    @Test("gentle: three days after the stated date")
    func gentleFirstCheckIn() throws {
        // 001: "if the expected date was in three weeks, you would try to re-connect in 24-25 days".
        var log = Log(.gentle)
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-02T10:00", kind: .onsite, with: ["dana"], decisionBy: "2026-11-23")
        let task = try #require(log.checkIn(at: "2026-11-24T09:00"))
        #expect(task.due == day("2026-11-26"))
        #expect((24...25).contains(task.due.ordinal - day("2026-11-02").ordinal))

        var weekend = Log(.gentle)
        weekend.app("acme")
        weekend.contact("dana", role: .hiringManager)
        weekend.interview("iv1", at: "2026-11-02T10:00", kind: .onsite, with: ["dana"], decisionBy: "2026-11-18")
        #expect(weekend.checkIn(at: "2026-11-19T09:00")?.due == day("2026-11-23"))
    }

    @Test("gentle: phone screen only allows one attempt")
    func gentleDepth() throws {
        func strikesAllowed(_ interviews: [(InterviewKind, Int?, [String])]) -> Int? {
            var log = Log(.gentle)
            log.app("acme")
            log.contact("ann")
            log.contact("bob")
            for (n, (kind, round, with)) in interviews.enumerated() {
                log.interview("iv\(n)", at: "2026-11-0\(n + 2)T10:00", kind: kind, round: round, with: with)
            }
            return log.agenda(at: "2026-11-10T09:00").employers.first?.max
        }
        #expect(strikesAllowed([(.phone, nil, ["ann"])]) == 1)
        #expect(strikesAllowed([(.onsite, nil, ["ann"])]) == 2)
        #expect(strikesAllowed([(.video, nil, ["ann"])]) == 2)
        #expect(strikesAllowed([(.onsite, nil, ["ann", "bob"])]) == 3)
        #expect(strikesAllowed([(.phone, nil, ["ann"]), (.onsite, 2, ["bob"])]) == 3)

        var log = Log(.gentle)
        log.app("acme")
        log.contact("ray", role: .recruiter)
        log.interview("iv1", at: "2026-11-02T10:00", kind: .phone, with: ["ray"])
        let first = try #require(log.checkIn(at: "2026-11-09T09:00"))
        #expect(first.attempt == 1)
        #expect(first.maxAttempts == 1)
        log.log(.checkIn, at: "2026-11-09T10:00", contact: "ray", channel: .email)
        let agenda = log.agenda(at: "2026-11-20T09:00")
        #expect(!agenda.tasks.contains { $0.kind == .checkIn })
        #expect(agenda.statuses["acme"] == .struckOut)
    }

    @Test("gentle: the largest depth over the employer's applications counts")
    func gentleDepthAcrossApplications() {
        var log = Log(.gentle)
        log.app("acme-a", employer: "Acme")
        log.app("acme-b", employer: "Acme")
        log.interview("iva", in: "acme-a", at: "2026-11-02T10:00", kind: .phone)
        log.interview("ivb", in: "acme-b", at: "2026-11-03T10:00", kind: .onsite)
        #expect(log.agenda(at: "2026-11-10T09:00").employers.first?.max == 2)
    }

    @Test("gentle: spacing ten days")
    func gentleSpacing() throws {
        var log = Log(.gentle)
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", kind: .onsite, with: ["dana"], decisionBy: "2026-11-20")
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
        let task = try #require(log.checkIn(at: "2026-11-25T09:00"))
        #expect(task.due == day("2026-12-04"))
        #expect(task.windowEnd == day("2026-12-08"))
        #expect(task.attempt == 2)

        var early = Log(.gentle)
        early.app("acme")
        early.contact("dana", role: .hiringManager)
        early.interview("iv1", at: "2026-11-16T10:00", kind: .onsite, with: ["dana"], decisionBy: "2026-12-01")
        early.log(.checkIn, at: "2026-11-18T10:00", contact: "dana", channel: .email)
        let clamped = try #require(early.checkIn(at: "2026-11-19T09:00"))
        #expect(clamped.due == day("2026-12-04"))
        #expect(clamped.reason == "Not before 3 days after the date they gave (Tue 1 Dec).")
    }

    @Test("persistent: call on the fifth day whatever date was stated")
    func persistentFifthDay() throws {
        var log = Log(.persistent)
        log.app("acme")
        log.contact("dana", role: .hiringManager, phone: "+1 212 555 0100", mayCall: true)
        log.interview("iv1", at: "2026-11-12T10:00", with: ["dana"], decisionBy: "2026-12-01")
        let task = try #require(log.checkIn(at: "2026-11-13T09:00"))
        #expect(task.due == day("2026-11-17"))
        #expect(task.channel == .call)
        #expect(task.maxAttempts == nil)
        #expect(task.reason.contains("fifth day"))

        var weekend = Log(.persistent)
        weekend.app("acme")
        weekend.contact("dana", role: .hiringManager)
        weekend.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], decisionBy: "2026-11-17")
        #expect(weekend.checkIn(at: "2026-11-17T09:00")?.due == day("2026-11-23"))
    }

    @Test("persistent: rotate call, email, letter weekly; never a call without permission")
    func persistentRotation() {
        func channels(mayCall: Bool, phone: String?, address: String?) -> [Channel?] {
            var log = Log(.persistent)
            log.app("acme")
            log.contact("dana", role: .hiringManager, phone: phone, mayCall: mayCall, address: address)
            log.interview("iv1", at: "2026-11-12T10:00", with: ["dana"])
            var result: [Channel?] = []
            var now = day("2026-11-13")
            for _ in 0..<5 {
                let task = log.checkIn(at: "\(now)T08:00")
                result.append(task?.channel)
                guard let task else { break }
                log.log(.checkIn, at: "\(task.due)T12:00", contact: "dana", channel: task.channel == .call ? .voicemail : task.channel)
                now = task.due.adding(days: 1)
            }
            return result
        }
        let office = "1 Main St, Springfield"
        #expect(channels(mayCall: true, phone: "555", address: office) == [.call, .email, .letter, .call, .email])
        #expect(channels(mayCall: false, phone: "555", address: office) == [.email, .letter, .email, .letter, .email])
        #expect(channels(mayCall: true, phone: nil, address: office) == [.email, .letter, .email, .letter, .email])
        #expect(channels(mayCall: false, phone: nil, address: nil) == [.email, .email, .email, .email, .email])
    }

    @Test("persistent: weekly attempts with no cap until a decision")
    func persistentNoCap() throws {
        var log = Log(.persistent)
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-12T10:00", with: ["dana"])
        for date in ["2026-11-17", "2026-11-24", "2026-12-01", "2026-12-08", "2026-12-15"] {
            log.log(.checkIn, at: "\(date)T10:00", contact: "dana", channel: .email)
        }
        let task = try #require(log.checkIn(at: "2026-12-16T09:00"))
        #expect(task.attempt == 6)
        #expect(task.due == day("2026-12-22"))
        let agenda = log.agenda(at: "2026-12-16T09:00")
        #expect(agenda.employers.first?.max == nil)
        #expect(agenda.employers.first?.struckOut == false)
        log.log(.offer, at: "2026-12-16T10:00")
        #expect(log.checkIn(at: "2026-12-16T11:00") == nil)
    }

    @Test("persistent: thank-you due 23:59 on the interview day")
    func persistentThankYou() throws {
        var log = Log(.persistent)
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T14:00", with: ["dana"])
        let task = try #require(log.tasks(.thankYou, at: "2026-11-16T15:00").first)
        #expect(task.deadline.local() == "2026-11-16T23:59")
        #expect(task.due == day("2026-11-16"))
        #expect(log.tasks(.thankYou, at: "2026-11-17T00:00").first?.status == .overdue)
    }

    @Test("persistent: a reverse cover letter 2 days after the first interview")
    func reverseCoverLetter() throws {
        var log = Log(.persistent)
        log.app("acme")
        log.contact("dana", role: .hiringManager, address: "1 Main St, Springfield")
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        log.interview("iv2", at: "2026-11-17T10:00", round: 2, with: ["dana"])
        let tasks = log.tasks(.reverseCoverLetter, at: "2026-11-21T09:00")
        #expect(tasks.map(\.id) == ["reverse-cover-letter:acme:iv1:dana"])
        #expect(tasks.first?.due == day("2026-11-18"))
        #expect(tasks.first?.channel == .letter)
        #expect(tasks.first?.advice?.contains("1 Main St") == true)

        log.log(.coverLetter, at: "2026-11-18T12:00", contact: "dana")
        let agenda = log.agenda(at: "2026-11-21T09:00")
        #expect(!agenda.tasks.contains { $0.kind == .reverseCoverLetter })
        #expect(agenda.employers.first?.strikes == 0)

        var standard = log
        standard.data.settings.preset = .standard
        standard.data.applications[0].events.removeAll()
        #expect(standard.tasks(.reverseCoverLetter, at: "2026-11-21T09:00").isEmpty)
    }
}
