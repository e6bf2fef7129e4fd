import FollowUpCore
import Testing

/// An application at Acme with Dana, the hiring manager, interviewed on Mon 16 Nov 2026.
private func acme(
    _ preset: PresetName = .standard, holidays: [String] = [], decisionBy: String? = nil, phone: String? = nil,
    mayCall: Bool = false, tz: String? = nil
) -> Log {
    var log = Log(preset, holidays: holidays)
    log.app("acme")
    log.contact("dana", role: .hiringManager, phone: phone, mayCall: mayCall, tz: tz)
    log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], decisionBy: decisionBy)
    return log
}

@Suite("Check-ins: when")
struct CheckInTimingTests {
    @Test("told a week, calls on the eighth day")
    func eighthDay() throws {
        let log = acme(decisionBy: "2026-11-23")
        let task = try #require(log.checkIn(at: "2026-11-24T09:00"))
        #expect(task.due == day("2026-11-24"))
        #expect(task.id == "check-in:acme:iv1:dana:1")
        #expect(task.status == .due)
        #expect(task.attempt == 1)
        #expect(task.maxAttempts == 3)
        #expect(task.reason.contains("Mon 23 Nov"))
        #expect(log.checkIn(at: "2026-11-23T17:00")?.status == .upcoming)
        // Due through its window: the target day and two business days more.
        #expect(task.windowEnd == day("2026-11-26"))
        #expect(log.checkIn(at: "2026-11-26T23:00")?.status == .due)
        #expect(log.checkIn(at: "2026-11-27T00:00")?.status == .overdue)
    }

    @Test("a later check-in is due from a week after the last attempt until ten days after it (gentle: fourteen)", arguments: [(PresetName.standard, "2026-12-04"), (.gentle, "2026-12-08")])
    func laterWindow(_ preset: PresetName, _ end: String) throws {
        var log = Log(preset)
        log.app("acme", decisionBy: "2026-11-20")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
        let task = try #require(log.checkIn(at: "2026-12-02T09:00"))
        #expect(task.windowEnd == day(end))
        #expect(log.checkIn(at: end + "T23:00")?.status == .due)
        #expect(log.checkIn(at: day(end).adding(days: 1).description + "T00:01")?.status == .overdue)
    }

    @Test("decision on a Friday, check-in on Monday")
    func fridayToMonday() throws {
        let task = try #require(acme(decisionBy: "2026-11-20").checkIn(at: "2026-11-20T12:00"))
        #expect(task.due == day("2026-11-23"))
        #expect(task.reason.contains("moved to Monday"))
    }

    @Test("no stated date: a week after the interview, moved to a business day")
    func weekAfterInterview() throws {
        let plain = try #require(acme().checkIn(at: "2026-11-17T09:00"))
        #expect(plain.due == day("2026-11-23"))
        #expect(plain.reason.contains("no date"))

        var log = Log(holidays: ["2026-11-26", "2026-11-27"])
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-19T15:00", with: ["dana"])
        let moved = try #require(log.checkIn(at: "2026-11-20T09:00"))
        #expect(moved.due == day("2026-11-30"))
        #expect(moved.reason.contains("moved to Monday"))
    }

    @Test("the latest interview restarts the week")
    func latestInterview() throws {
        var log = acme()
        log.interview("iv2", at: "2026-11-20T10:00", round: 2, with: ["dana"])
        let task = try #require(log.checkIn(at: "2026-11-21T09:00"))
        #expect(task.due == day("2026-11-27"))
        #expect(task.id == "check-in:acme:iv2:dana:1")
    }

    @Test("the date given last counts, even when a later interview gave none")
    func givenLast() throws {
        var log = Log()
        log.app("acme", decisionBy: "2026-11-18")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], decisionBy: "2026-12-04")
        log.interview("iv2", at: "2026-11-20T10:00", with: ["dana"])
        let task = try #require(log.checkIn(at: "2026-11-21T09:00"))
        #expect(task.due == day("2026-12-07"))
    }

    @Test("next attempt a week after the last, never before the first check-in date")
    func nextAttempt() throws {
        var log = acme(decisionBy: "2026-11-23")
        log.log(.checkIn, at: "2026-11-24T10:30", contact: "dana", channel: .email)
        let second = try #require(log.checkIn(at: "2026-11-25T09:00"))
        #expect(second.due == day("2026-12-01"))
        #expect(second.attempt == 2)
        #expect(second.id == "check-in:acme:iv1:dana:2")
        #expect(second.windowEnd == day("2026-12-04"))

        var early = acme(decisionBy: "2026-11-27")
        early.log(.checkIn, at: "2026-11-17T10:30", contact: "dana", channel: .email)
        let next = try #require(early.checkIn(at: "2026-11-18T09:00"))
        #expect(next.due == day("2026-11-30"))
        #expect(next.attempt == 2)
        #expect(next.reason == "Not before the day after the date they gave (Fri 27 Nov), moved to Monday.")
        #expect(next.windowEnd == day("2026-11-30"))
    }

    @Test("holidays are not business days")
    func holidays() throws {
        let log = acme(holidays: ["2026-11-26", "2026-11-27"], decisionBy: "2026-11-25")
        let task = try #require(log.checkIn(at: "2026-11-25T09:00"))
        #expect(task.due == day("2026-11-30"))
    }

    @Test("a scheduled interview in the future: no check-in, a prepare task the business day before")
    func scheduledInterview() throws {
        var log = acme(decisionBy: "2026-11-18")
        log.interview("iv2", at: "2026-11-30T14:00", round: 2, with: ["dana"])
        #expect(log.checkIn(at: "2026-11-25T09:00") == nil)
        let prepare = try #require(log.tasks(.prepare, at: "2026-11-25T09:00").first)
        #expect(prepare.id == "prepare:acme:iv2")
        #expect(prepare.due == day("2026-11-27"))
        #expect(prepare.status == .upcoming)
        #expect(prepare.advice?.contains("When will you decide?") == true)
        #expect(log.tasks(.prepare, at: "2026-11-27T08:00").first?.status == .due)
        #expect(log.tasks(.prepare, at: "2026-11-30T15:00").isEmpty)
    }

    @Test("cancelled interviews produce no tasks")
    func cancelled() {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], decisionBy: "2026-11-23", travel: true, cancelled: true)
        log.interview("iv2", at: "2026-12-01T10:00", round: 2, with: ["dana"], cancelled: true)
        #expect(log.agenda(at: "2026-11-25T09:00").tasks.isEmpty)
    }
}

@Suite("Check-ins: how")
struct CheckInChannelTests {
    @Test("permission and a phone number, so call")
    func call() throws {
        let task = try #require(acme(phone: "+1 212 555 0100", mayCall: true).checkIn(at: "2026-11-23T09:00"))
        #expect(task.channel == .call)
        #expect(task.dueAt?.local() == "2026-11-23T10:00")
        #expect(task.callWindow.map { $0.upperBound.local() } == "2026-11-23T11:00")
    }

    @Test("no permission to call, so email")
    func noPermission() throws {
        let task = try #require(acme(phone: "+1 212 555 0100", mayCall: false).checkIn(at: "2026-11-23T09:00"))
        #expect(task.channel == .email)
        #expect(task.dueAt == nil)
        #expect(task.channelReason?.contains("did not say you may call") == true)
    }

    @Test("permission but no phone, so email")
    func noPhone() throws {
        let task = try #require(acme(phone: nil, mayCall: true).checkIn(at: "2026-11-23T09:00"))
        #expect(task.channel == .email)
        #expect(task.channelReason?.contains("no number") == true)
    }

    @Test("a call is suggested 10–11 in the contact's zone, shown in the user's")
    func callInContactZone() throws {
        let log = acme(phone: "+1 415 555 0100", mayCall: true, tz: "America/Los_Angeles")
        let task = try #require(log.checkIn(at: "2026-11-23T09:00"))
        #expect(task.dueAt?.local() == "2026-11-23T13:00")
        #expect(task.callWindow.map { $0.lowerBound.local() } == "2026-11-23T13:00")
        #expect(task.callWindow.map { $0.upperBound.local() } == "2026-11-23T14:00")
        #expect(task.advice?.contains("13:00") == true)

        var byApp = Log()
        byApp.app("acme", tz: "Europe/London")
        byApp.contact("dana", role: .hiringManager, phone: "+44 20 7946 0000", mayCall: true)
        byApp.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        #expect(byApp.checkIn(at: "2026-11-23T04:00")?.dueAt?.local() == "2026-11-23T05:00")

        let tokyo = acme(phone: "+81 3 0000 0000", mayCall: true, tz: "Asia/Tokyo")
        let evening = try #require(tokyo.checkIn(at: "2026-11-22T20:00"))
        #expect(evening.due == day("2026-11-23"))
        #expect(evening.dueAt?.local() == "2026-11-22T20:00")
        #expect(evening.status == .due)
        #expect(tokyo.checkIn(at: "2026-11-22T19:59")?.status == .upcoming)
    }

    @Test("a call window is shown as 13:00–14:00; outside 08:00–20:00 for the user the card says so and suggests an email")
    func callWindowWords() throws {
        let west = acme(phone: "+1 415 555 0100", mayCall: true, tz: "America/Los_Angeles")
        let fine = try #require(west.checkIn(at: "2026-11-23T09:00"))
        #expect(fine.advice?.contains("13:00–14:00") == true)
        #expect(fine.advice?.contains("email") == false)

        let paris = acme(phone: "+33 1 00 00 00 00", mayCall: true, tz: "Europe/Paris")
        let early = try #require(paris.checkIn(at: "2026-11-23T03:00"))
        #expect(early.advice == "Their 10:00–11:00 is 04:00–05:00 for you, outside 08:00–20:00: an email may suit you better (003).")

        let tokyo = acme(phone: "+81 3 0000 0000", mayCall: true, tz: "Asia/Tokyo")
        let late = try #require(tokyo.checkIn(at: "2026-11-22T20:00"))
        #expect(late.advice?.contains("20:00–21:00 for you, outside 08:00–20:00") == true)
    }

    @Test("a check-in goes to the hiring manager, else the recruiter, else the last interviewer")
    func whom() throws {
        var log = Log()
        log.app("acme")
        log.contact("ivy")
        log.contact("ray", role: .recruiter)
        log.contact("hal", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["ivy"])
        #expect(log.checkIn(at: "2026-11-17T09:00")?.contact == "hal")

        var noManager = Log()
        noManager.app("acme")
        noManager.contact("ivy")
        noManager.contact("ray", role: .recruiter)
        noManager.interview("iv1", at: "2026-11-16T10:00", with: ["ivy"])
        #expect(noManager.checkIn(at: "2026-11-17T09:00")?.contact == "ray")

        var interviewers = Log()
        interviewers.app("acme")
        interviewers.contact("ann")
        interviewers.contact("bob")
        interviewers.contact("cat")
        interviewers.interview("iv1", at: "2026-11-16T10:00", with: ["ann", "bob"])
        interviewers.interview("iv2", at: "2026-11-18T10:00", with: ["cat", "ann"])
        #expect(interviewers.checkIn(at: "2026-11-19T09:00")?.contact == "ann")
    }
}

@Suite("Strikes")
struct StrikeTests {
    @Test("three strikes and out")
    func threeStrikes() throws {
        var log = acme(decisionBy: "2026-11-23")
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .call)
        log.log(.checkIn, at: "2026-12-01T10:00", contact: "dana", channel: .voicemail)
        let third = try #require(log.checkIn(at: "2026-12-02T09:00"))
        #expect(third.attempt == 3)
        log.log(.checkIn, at: "2026-12-08T10:00", contact: "dana", channel: .email)

        let agenda = log.agenda(at: "2026-12-16T09:00")
        #expect(!agenda.tasks.contains { $0.kind == .checkIn })
        #expect(agenda.statuses["acme"] == .struckOut)
        let acme = try #require(agenda.employers.first)
        #expect(acme.strikes == 3)
        #expect(acme.max == 3)
        #expect(acme.struckOut)
        #expect(acme.nextCheckIn == nil)
    }

    @Test("two strikes are not out yet")
    func twoStrikes() throws {
        var log = acme(decisionBy: "2026-11-23")
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .call)
        log.log(.checkIn, at: "2026-12-01T10:00", contact: "dana", channel: .voicemail)
        let agenda = log.agenda(at: "2026-12-02T09:00")
        #expect(agenda.statuses["acme"] == .active)
        #expect(agenda.employers.first?.strikes == 2)
        #expect(agenda.employers.first?.struckOut == false)
        #expect(agenda.employers.first?.nextCheckIn == day("2026-12-08"))
    }

    @Test("strikes count across the employer's open applications")
    func acrossApplications() throws {
        var log = Log()
        log.app("acme-sales", employer: "Acme Corp")
        log.app("acme-ops", employer: "ACME Corp ")
        log.app("acme-old", employer: "Acme Corp")
        for app in ["acme-sales", "acme-ops", "acme-old"] {
            log.contact("hm-\(app)", in: app, role: .hiringManager)
            log.interview("iv-\(app)", in: app, at: "2026-11-02T10:00", with: ["hm-\(app)"])
        }
        log.log(.checkIn, in: "acme-sales", at: "2026-11-09T10:00")
        log.log(.checkIn, in: "acme-ops", at: "2026-11-16T10:00")
        log.log(.checkIn, in: "acme-old", at: "2026-11-17T10:00")
        log.log(.withdrawn, in: "acme-old", at: "2026-11-18T10:00")
        let before = log.agenda(at: "2026-11-20T09:00")
        #expect(before.employers.count == 1)
        #expect(before.employers.first?.strikes == 2)
        #expect(Set(before.employers.first?.apps ?? []) == ["acme-sales", "acme-ops"])
        #expect(before.tasks.filter { $0.kind == .checkIn }.map(\.attempt) == [3, 3])

        log.log(.checkIn, in: "acme-sales", at: "2026-11-23T10:00")
        let after = log.agenda(at: "2026-11-24T09:00")
        #expect(after.employers.first?.strikes == 3)
        #expect(after.employers.first?.struckOut == true)
        #expect(after.statuses["acme-sales"] == .struckOut)
        #expect(after.statuses["acme-ops"] == .struckOut)
        #expect(after.statuses["acme-old"] == .withdrawn)
        #expect(!after.tasks.contains { $0.kind == .checkIn })
    }

    @Test("a reply resets the count")
    func replyResets() throws {
        var log = acme(decisionBy: "2026-11-23")
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
        log.log(.checkIn, at: "2026-12-01T10:00", contact: "dana", channel: .email)
        log.log(.checkIn, at: "2026-12-08T10:00", contact: "dana", channel: .email)
        #expect(log.agenda(at: "2026-12-09T09:00").statuses["acme"] == .struckOut)
        let reply = log.log(.response, at: "2026-12-09T15:00", contact: "dana")
        let agenda = log.agenda(at: "2026-12-10T09:00")
        #expect(agenda.statuses["acme"] == .active)
        #expect(agenda.employers.first?.strikes == 0)
        let task = try #require(agenda.tasks.first { $0.kind == .checkIn })
        #expect(task.attempt == 1)
        #expect(task.id == "check-in:acme:\(reply):dana:1")
        #expect(task.due == day("2026-12-16"))
    }

    @Test("an interview resets the count")
    func interviewResets() {
        var log = acme(decisionBy: "2026-11-23")
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
        log.log(.checkIn, at: "2026-12-01T10:00", contact: "dana", channel: .email)
        log.log(.checkIn, at: "2026-12-08T10:00", contact: "dana", channel: .email)
        log.interview("iv2", at: "2026-12-10T10:00", round: 2, with: ["dana"])
        let agenda = log.agenda(at: "2026-12-10T12:00")
        #expect(agenda.employers.first?.strikes == 0)
        #expect(agenda.statuses["acme"] == .active)
        #expect(log.checkIn(at: "2026-12-10T12:00")?.due == day("2026-12-17"))
    }

    @Test("a reply with a new date drives the next check-in")
    func replyWithDate() throws {
        var log = acme(decisionBy: "2026-11-23")
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
        let reply = log.log(.response, at: "2026-11-25T11:00", contact: "dana", decisionBy: "2026-12-04")
        let task = try #require(log.checkIn(at: "2026-11-26T09:00"))
        #expect(task.due == day("2026-12-07"))
        #expect(task.reason.contains("Fri 4 Dec"))
        #expect(task.id == "check-in:acme:\(reply):dana:1")
    }

    @Test("a reply without a date: next check-in a week later, moved to a business day")
    func replyWithoutDate() throws {
        var log = acme(decisionBy: "2026-11-18")
        log.log(.checkIn, at: "2026-11-19T10:00", contact: "dana", channel: .email)
        log.log(.response, at: "2026-11-21T11:00", contact: "dana")
        let task = try #require(log.checkIn(at: "2026-11-23T09:00"))
        #expect(task.due == day("2026-11-30"))
        #expect(task.reason.contains("reply"))
        #expect(task.reason.contains("moved to Monday"))
    }

    @Test("a call where you spoke with them is the attempt and their reply: no strike, the next try a week later", arguments: [PresetName.standard, .gentle])
    func answeredCallResets(_ preset: PresetName) throws {
        var log = Log(preset)
        log.app("acme", decisionBy: "2026-11-23")
        log.contact("dana", role: .hiringManager, phone: "+1 555 0100", mayCall: true)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .voicemail)
        #expect(log.agenda(at: "2026-11-25T09:00").employers.first?.strikes == 1)
        let call = log.log(.checkIn, at: "2026-12-07T10:30", contact: "dana", channel: .call, answered: true)
        let agenda = log.agenda(at: "2026-12-08T09:00")
        #expect(agenda.employers.first?.strikes == 0)
        let next = try #require(agenda.tasks.first { $0.kind == .checkIn })
        #expect(next.attempt == 1)
        #expect(next.id.contains(call))
        #expect(next.due >= day("2026-12-14"))
        // A call nobody picked up is a strike like any other attempt.
        var missed = log
        missed.data.applications[0].events.removeAll { $0.id == call }
        missed.log(.checkIn, at: "2026-12-07T10:30", contact: "dana", channel: .call)
        #expect(missed.agenda(at: "2026-12-08T09:00").employers.first?.strikes == 2)
    }

    @Test("any sign of life resets the count: a request, an invitation, an interview booked for later")
    func signsOfLife() {
        for sign in ["request", "invited", "booked"] {
            var log = acme(decisionBy: "2026-11-23")
            log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
            log.log(.checkIn, at: "2026-12-01T10:00", contact: "dana", channel: .email)
            switch sign {
            case "request": log.log(.request, at: "2026-12-02T10:00", contact: "dana", about: .documents)
            case "invited": log.log(.invited, at: "2026-12-02T10:00", contact: "dana")
            default: log.interview("iv2", at: "2026-12-20T10:00", round: 2, with: ["dana"], added: "2026-11-30T09:00")
            }
            #expect(log.agenda(at: "2026-12-03T09:00").employers.first?.strikes == 0, "\(sign)")
        }
    }

    @Test("persistent: the rotation counts every attempt, answered or not")
    func rotationCountsEveryAttempt() throws {
        var log = Log(.persistent)
        log.app("acme")
        log.contact("dana", role: .hiringManager, phone: "+1 555 0100", mayCall: true, address: "1 Main St")
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        log.log(.checkIn, at: "2026-11-23T10:30", contact: "dana", channel: .call, answered: true)
        // A call, then an email next: the answered call counts in the rotation.
        let next = try #require(log.checkIn(at: "2026-11-24T09:00"))
        #expect(next.channel == .email)
        #expect(log.agenda(at: "2026-11-24T09:00").employers.first?.strikes == 0)
    }

    @Test("settings.overrides change a number (maxStrikes 2)")
    func overrides() throws {
        var log = acme(decisionBy: "2026-11-23")
        log.data.settings.overrides = ["maxStrikes": 2]
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
        #expect(log.checkIn(at: "2026-11-25T09:00")?.maxAttempts == 2)
        log.log(.checkIn, at: "2026-12-01T10:00", contact: "dana", channel: .email)
        let agenda = log.agenda(at: "2026-12-02T09:00")
        #expect(agenda.employers.first?.max == 2)
        #expect(agenda.employers.first?.struckOut == true)
        #expect(agenda.statuses["acme"] == .struckOut)
    }
}

@Suite("User decisions")
struct DecisionTests {
    @Test("snoozed until Tuesday")
    func snoozed() throws {
        var log = acme(decisionBy: "2026-11-20")
        log.snooze("check-in:acme:iv1:dana:1", until: "2026-11-24")
        let before = log.agenda(at: "2026-11-23T23:59")
        #expect(before.task(id: "check-in:acme:iv1:dana:1")?.snoozedUntil == day("2026-11-24"))
        #expect(!before.visible.contains { $0.kind == .checkIn })
        let from = log.agenda(at: "2026-11-24T00:00")
        #expect(from.visible.contains { $0.id == "check-in:acme:iv1:dana:1" })
        #expect(from.task(id: "check-in:acme:iv1:dana:1")?.status == .due, "still in its window (Mon 23 to Wed 25)")
    }

    @Test("dismissing a check-in stops check-ins until a new interview or reply")
    func dismissed() throws {
        var log = acme(decisionBy: "2026-11-20")
        log.dismiss("check-in:acme:iv1:dana:1")
        #expect(!log.agenda(at: "2026-11-23T09:00").visible.contains { $0.kind == .checkIn })
        log.log(.checkIn, at: "2026-11-23T10:00", contact: "dana", channel: .email)
        let second = try #require(log.checkIn(at: "2026-11-30T09:00"))
        #expect(second.attempt == 2)
        #expect(second.dismissed)
        #expect(log.agenda(at: "2026-11-30T09:00").employers.first?.nextCheckIn == nil)

        var replied = log
        replied.log(.response, at: "2026-11-30T12:00", contact: "dana")
        #expect(replied.checkIn(at: "2026-12-01T09:00")?.dismissed == false)

        var interviewed = log
        interviewed.interview("iv2", at: "2026-12-01T10:00", round: 2, with: ["dana"])
        #expect(interviewed.checkIn(at: "2026-12-02T09:00")?.dismissed == false)
    }

    @Test("dismissing one thank-you leaves the others")
    func dismissOne() {
        var log = Log()
        log.app("acme")
        log.contact("ann")
        log.contact("bob")
        log.interview("iv1", at: "2026-11-16T10:00", with: ["ann", "bob"])
        log.dismiss("thank-you:acme:iv1:ann")
        let visible = log.agenda(at: "2026-11-16T12:00").visible.filter { $0.kind == .thankYou }
        #expect(visible.map(\.id) == ["thank-you:acme:iv1:bob"])
    }
}

@Suite("Reopening")
struct ReopenTests {
    @Test("reopening starts afresh: earlier strikes and the undone rejection's closing thank-you no longer count")
    func reopenStartsAfresh() throws {
        var log = acme(decisionBy: "2026-11-23")
        log.log(.checkIn, at: "2026-11-24T10:00", contact: "dana", channel: .email)
        log.log(.checkIn, at: "2026-12-01T10:00", contact: "dana", channel: .email)
        log.log(.rejected, at: "2026-12-02T10:00", contact: "dana")
        #expect(log.tasks(.closingThankYou, at: "2026-12-02T12:00").count == 1)
        log.log(.reopened, at: "2026-12-03T10:00")
        let agenda = log.agenda(at: "2026-12-03T12:00")
        #expect(agenda.statuses["acme"] == .active)
        #expect(agenda.employers.first?.strikes == 0)
        #expect(!agenda.tasks.contains { $0.kind == .closingThankYou })
        let next = try #require(agenda.tasks.first { $0.kind == .checkIn })
        #expect(next.attempt == 1)
        #expect(next.reason.contains("reopened"))
    }
}

@Suite("One employer, one person, one day")
struct SamePersonTests {
    /// Two roles at one employer with the same recruiter, entered once per application.
    func twoRoles() -> Log {
        var log = Log()
        log.app("acme-sales", employer: "Acme")
        log.app("acme-ops", employer: "Acme")
        for app in ["acme-sales", "acme-ops"] {
            log.contact("ray-\(app)", in: app, role: .recruiter)
            log.data.applications[log.data.index(ofApplication: app)!].contacts[0].email = "Ray@Acme.example"
            log.interview("iv-\(app)", in: app, at: "2026-11-16T10:00", with: ["ray-\(app)"])
        }
        return log
    }

    @Test("attempts to the same person (same email) on the same day count as one strike")
    func oneStrikePerPersonPerDay() {
        var log = twoRoles()
        log.log(.checkIn, in: "acme-sales", at: "2026-11-23T10:00", contact: "ray-acme-sales", channel: .email)
        log.log(.checkIn, in: "acme-ops", at: "2026-11-23T10:05", contact: "ray-acme-ops", channel: .email)
        #expect(log.agenda(at: "2026-11-24T09:00").employers.first?.strikes == 1)
        log.log(.checkIn, in: "acme-ops", at: "2026-11-30T10:00", contact: "ray-acme-ops", channel: .email)
        #expect(log.agenda(at: "2026-12-01T09:00").employers.first?.strikes == 2)
    }

    @Test("two check-ins to the same person on the same day each say one message covers both roles")
    func oneMessageForBoth() throws {
        let log = twoRoles()
        let tasks = log.tasks(.checkIn, at: "2026-11-23T09:00")
        #expect(tasks.count == 2)
        #expect(tasks.allSatisfy { $0.reason.contains("also covers the") })
    }
}
