import FollowUpCore
import Testing

@Suite("Thank-you notes")
struct ThankYouTests {
    @Test("three interviewers, three notes")
    func threeInterviewers() {
        var log = Log()
        log.app("acme")
        log.contact("ann")
        log.contact("bob")
        log.contact("cat")
        log.interview("iv1", at: "2026-11-16T10:00", with: ["ann", "bob", "cat"])
        let ids = Set(log.tasks(.thankYou, at: "2026-11-16T12:00").map(\.id))
        #expect(ids == ["thank-you:acme:iv1:ann", "thank-you:acme:iv1:bob", "thank-you:acme:iv1:cat"])

        log.log(.thankYou, at: "2026-11-16T19:00", contact: "bob")
        let left = Set(log.tasks(.thankYou, at: "2026-11-16T20:00").map(\.contact))
        #expect(left == ["ann", "cat"])
    }

    @Test("an interviewer listed twice is thanked once")
    func listedTwice() {
        var log = Log()
        log.app("acme")
        log.contact("ann")
        log.interview("iv1", at: "2026-11-16T10:00", with: ["ann", "ann"])
        #expect(log.tasks(.thankYou, at: "2026-11-16T12:00").map(\.id) == ["thank-you:acme:iv1:ann"])
    }

    @Test("no interviewers listed: the main contact is thanked (hiring manager, else recruiter, else first added)")
    func mainContact() {
        var log = Log()
        log.app("acme")
        log.contact("zoe")
        log.contact("yan")
        log.contact("rita", role: .recruiter)
        log.contact("hank", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00")
        #expect(log.tasks(.thankYou, at: "2026-11-16T12:00").map(\.contact) == ["hank"])

        log.data.applications[0].contacts.removeAll { $0.id == "hank" }
        #expect(log.tasks(.thankYou, at: "2026-11-16T12:00").map(\.contact) == ["rita"])

        log.data.applications[0].contacts.removeAll { $0.id == "rita" }
        #expect(log.tasks(.thankYou, at: "2026-11-16T12:00").map(\.contact) == ["zoe"])
    }

    @Test("the contact added first is the one added earliest, whatever the order in the file")
    func addedFirstByTime() {
        var log = Log()
        log.app("acme")
        log.contact("zoe")
        log.contact("yan")
        log.interview("iv1", at: "2026-11-16T10:00")
        log.data.applications[0].contacts.reverse()
        #expect(log.tasks(.thankYou, at: "2026-11-16T12:00").map(\.contact) == ["zoe"])
    }

    @Test("a thank-you without --contact satisfies only a single-recipient interview")
    func withoutContact() {
        var single = Log()
        single.app("acme")
        single.contact("dana", role: .hiringManager)
        single.interview("iv1", at: "2026-11-16T10:00")
        single.log(.thankYou, at: "2026-11-16T19:00")
        #expect(single.tasks(.thankYou, at: "2026-11-16T20:00").isEmpty)

        var panel = Log()
        panel.app("acme")
        panel.contact("ann")
        panel.contact("bob")
        panel.interview("iv1", at: "2026-11-16T10:00", with: ["ann", "bob"])
        panel.log(.thankYou, at: "2026-11-16T19:00")
        #expect(panel.tasks(.thankYou, at: "2026-11-16T20:00").count == 2)
    }

    @Test("a thank-you sent before the interview does not count")
    func beforeInterview() {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-02T10:00", with: ["dana"])
        log.log(.thankYou, at: "2026-11-02T18:00", contact: "dana")
        log.interview("iv2", at: "2026-11-16T10:00", with: ["dana"])
        #expect(log.tasks(.thankYou, at: "2026-11-16T12:00").map(\.id) == ["thank-you:acme:iv2:dana"])
    }

    @Test("thank-you is due from the interview's end, overdue after the deadline")
    func window() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", minutes: 90, with: ["dana"])
        #expect(log.tasks(.thankYou, at: "2026-11-16T11:29").isEmpty)
        let task = try #require(log.tasks(.thankYou, at: "2026-11-16T11:30").first)
        #expect(task.status == .due)
        #expect(task.opensAt == time("2026-11-16T11:30"))
        #expect(task.dueAt?.local() == "2026-11-17T11:30")
        #expect(task.due == day("2026-11-17"))
        #expect(task.channel == .email)
        #expect(task.advice?.contains("this evening") == true)
        #expect(log.tasks(.thankYou, at: "2026-11-17T11:30").first?.status == .due)
        #expect(log.tasks(.thankYou, at: "2026-11-17T11:31").first?.status == .overdue)
    }

    @Test("thank-you due 24 real hours after the end, across the DST change")
    func acrossDST() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-10-31T19:00", with: ["dana"])
        let task = try #require(log.tasks(.thankYou, at: "2026-10-31T21:00").first)
        let end = time("2026-10-31T20:00")
        #expect(task.deadline.seconds - end.seconds == 24 * 3600)
        #expect(task.deadline.local() == "2026-11-01T19:00")
        #expect(task.deadline.description == "2026-11-01T19:00:00-05:00")
        #expect(log.tasks(.thankYou, at: "2026-11-01T19:30").first?.status == .overdue)
    }

    @Test("take stock the same evening, until a note is written")
    func takeStock() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        let task = try #require(log.tasks(.takeStock, at: "2026-11-16T12:00").first)
        #expect(task.id == "take-stock:acme:iv1")
        #expect(task.deadline.local() == "2026-11-16T23:59")
        log.log(.note, at: "2026-11-16T13:00")
        #expect(log.tasks(.takeStock, at: "2026-11-16T14:00").isEmpty)
    }

    @Test("a rejection still gets a thank-you")
    func closingThankYou() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.contact("ray", role: .recruiter)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        log.log(.thankYou, at: "2026-11-16T18:00", contact: "dana")
        let no = log.log(.rejected, at: "2026-11-20T10:00", contact: "ray")
        let task = try #require(log.tasks(.closingThankYou, at: "2026-11-20T11:00").first)
        #expect(task.id == "closing-thank-you:acme:\(no):ray")
        #expect(task.deadline == time("2026-11-21T10:00"))
        #expect(task.channel == .email)
        log.log(.thankYou, at: "2026-11-20T16:00", contact: "ray")
        #expect(log.tasks(.closingThankYou, at: "2026-11-20T17:00").isEmpty)
    }
}

@Suite("Stale notes age out: missed, not overdue for ever")
struct MissedTests {
    func acme() -> Log {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        return log
    }

    @Test("a thank-you more than seven days past its deadline is missed, not overdue", arguments: [PresetName.standard, .gentle, .persistent])
    func thankYouMissed(_ preset: PresetName) throws {
        var log = Log(preset)
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        let deadline = try #require(log.tasks(.thankYou, at: "2026-11-16T12:00").first).deadline
        let sixDays = deadline.adding(hours: 24 * 6).local()
        let eightDays = deadline.adding(hours: 24 * 8).local()
        #expect(log.tasks(.thankYou, at: sixDays).first?.status == .overdue)
        #expect(log.tasks(.thankYou, at: eightDays).first?.status == .missed)
        #expect(log.tasks(.takeStock, at: eightDays).first?.status == .missed)
    }

    @Test("missed tasks sort after every other and can be dismissed; a check-in is never missed")
    func missedSortsLastAndDismisses() throws {
        var log = acme()
        let agenda = log.agenda(at: "2026-12-01T09:00")
        let statuses = agenda.tasks.map(\.status)
        #expect(statuses.contains(.missed))
        #expect(statuses.last == .missed)
        #expect(!agenda.tasks.contains { $0.kind == .checkIn && $0.status == .missed })
        let missed = try #require(agenda.tasks.first { $0.status == .missed && $0.kind == .thankYou })
        log.dismiss(missed.id)
        #expect(log.agenda(at: "2026-12-01T09:00").visible.allSatisfy { $0.id != missed.id })
    }

    @Test("missedAfterDays is a setting")
    func setting() {
        var log = Log(overrides: ["missedAfterDays": 30])
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        #expect(log.tasks(.thankYou, at: "2026-12-01T09:00").first?.status == .overdue)
    }

    @Test("a closing thank-you ages out too")
    func closingMissed() {
        var log = acme()
        log.log(.rejected, at: "2026-11-18T09:00", contact: "dana")
        #expect(log.tasks(.closingThankYou, at: "2026-11-20T09:00").first?.status == .overdue)
        #expect(log.tasks(.closingThankYou, at: "2026-11-28T09:00").first?.status == .missed)
    }
}

@Suite("The articles' advice on the card")
struct AdviceTests {
    @Test("a hiring manager who did not interview you is owed a note too, satisfied like the others")
    func hiringManagerThanked() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.contact("raj", role: .interviewer)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["raj"])
        let tasks = log.tasks(.thankYou, at: "2026-11-16T12:00")
        #expect(tasks.compactMap(\.contact).sorted() == ["dana", "raj"])
        let dana = try #require(tasks.first { $0.contact == "dana" })
        #expect(dana.reason.contains("hiring manager"))
        #expect(dana.advice?.contains("vary the notes") == true)
        log.log(.thankYou, at: "2026-11-16T18:00", contact: "dana")
        #expect(log.tasks(.thankYou, at: "2026-11-16T19:00").compactMap(\.contact) == ["raj"])
    }

    @Test("a thank-you: brief, something learned, a skill not mentioned, re-read an hour later")
    func thankYouAdvice() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        let advice = try #require(log.tasks(.thankYou, at: "2026-11-16T12:00").first?.advice)
        for phrase in ["one or two short paragraphs", "something you learned", "did not get to mention", "re-read it"] {
            #expect(advice.contains(phrase), "\(phrase)")
        }
        #expect(!advice.contains("vary the notes"), "one interviewer: nothing to vary")
    }

    @Test("a check-in: restate interest, offer help, ask about the next step; the hiring manager addressed, the recruiter copied")
    func checkInAdvice() throws {
        var log = Log()
        log.app("acme", decisionBy: "2026-11-20")
        log.contact("dana", role: .hiringManager)
        log.contact("ray", role: .recruiter)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        let advice = try #require(log.checkIn(at: "2026-11-23T09:00")?.advice)
        #expect(advice.contains("Restate your interest") && advice.contains("next step") && advice.contains("positive"))
        #expect(advice.contains("Address it to Dana and copy Ray"))
    }

    @Test("an invitation: affirm interest, offer times; a request from an assistant: treat them as an equal")
    func respondAdvice() throws {
        var log = Log()
        log.app("acme")
        log.contact("pat", role: .assistant)
        log.log(.invited, at: "2026-11-18T10:00", contact: "pat")
        let advice = try #require(log.tasks(.respond, at: "2026-11-18T11:00").first?.advice)
        #expect(advice.contains("offer times and be flexible"))
        #expect(advice.contains("manager's ear"))
    }

    @Test("prepare: where do we go from here, a business card, expenses for a trip, a questions call")
    func prepareAdvice() throws {
        var log = Log()
        log.app("acme")
        log.interview("iv1", at: "2026-11-25T14:00", travel: true)
        let advice = try #require(log.tasks(.prepare, at: "2026-11-24T10:00").first?.advice)
        for phrase in ["Where do we go from here?", "shortlist", "business card", "street address", "expenses", "four or five researched questions"] {
            #expect(advice.contains(phrase), "\(phrase)")
        }
    }

    @Test("take stock: the four questions and talking points; with a recruiter, discuss it with them")
    func takeStockAdvice() throws {
        var log = Log()
        log.app("acme")
        log.contact("ray", role: .recruiter)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["ray"])
        let advice = try #require(log.tasks(.takeStock, at: "2026-11-16T12:00").first?.advice)
        #expect(advice.contains("likely reservations") && advice.contains("talking points") && advice.contains("Discuss it with Ray"))
    }
}
