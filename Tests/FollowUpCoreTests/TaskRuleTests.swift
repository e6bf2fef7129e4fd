import FollowUpCore
import Testing

@Suite("Requests, references, expenses, closing")
struct TaskRuleTests {
    @Test("respond within 24 h, or by --due at 23:59; request-done answers the oldest open request")
    func respond() throws {
        var log = Log()
        log.app("acme")
        log.contact("ray", role: .recruiter)
        let docs = log.log(.request, at: "2026-11-16T14:00", contact: "ray", about: .documents)
        let refs = log.log(.request, at: "2026-11-17T09:00", due: "2026-11-20", about: .references)

        let tasks = log.tasks(.respond, at: "2026-11-17T10:00")
        #expect(tasks.map(\.id) == ["respond:acme:\(docs):ray", "respond:acme:\(refs)"])
        #expect(tasks[0].deadline.local() == "2026-11-17T14:00")
        #expect(tasks[0].status == .due)
        #expect(tasks[0].reason.contains("documents"))
        #expect(tasks[1].deadline.local() == "2026-11-20T23:59")
        #expect(tasks[1].due == day("2026-11-20"))
        #expect(log.tasks(.respond, at: "2026-11-17T14:01").first?.status == .overdue)

        log.log(.requestDone, at: "2026-11-18T09:00")
        #expect(log.tasks(.respond, at: "2026-11-18T10:00").map(\.id) == ["respond:acme:\(refs)"])
        log.log(.requestDone, at: "2026-11-18T11:00")
        #expect(log.tasks(.respond, at: "2026-11-18T12:00").isEmpty)
    }

    @Test("a request-done answers only requests made before it")
    func answersEarlier() {
        var log = Log()
        log.app("acme")
        log.log(.requestDone, at: "2026-11-16T09:00")
        let later = log.log(.request, at: "2026-11-16T14:00", about: .availability)
        #expect(log.tasks(.respond, at: "2026-11-16T15:00").map(\.id) == ["respond:acme:\(later)"])
    }

    @Test("an invitation is answered by a new interview")
    func invitation() {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        let invite = log.log(.invited, at: "2026-11-18T10:00", contact: "dana")
        let open = log.tasks(.respond, at: "2026-11-18T11:00")
        #expect(open.map(\.id) == ["respond:acme:\(invite):dana"])
        #expect(open.first?.reason.contains("next round") == true)

        var booked = log
        booked.interview("iv2", at: "2026-11-25T10:00", round: 2, with: ["dana"], added: "2026-11-18T14:00")
        #expect(booked.tasks(.respond, at: "2026-11-18T15:00").isEmpty)

        var cancelledOnly = log
        cancelledOnly.interview("iv2", at: "2026-11-25T10:00", round: 2, with: ["dana"], cancelled: true)
        #expect(cancelledOnly.tasks(.respond, at: "2026-11-18T15:00").count == 1)
    }

    @Test("an earlier interview typed in after the invitation does not answer it; only one after the invitation does")
    func invitationAnsweredOnlyByALaterInterview() {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        // The first day with applications already under way: the invitation first, then round 1.
        let invite = log.log(.invited, at: "2026-11-18T10:00", contact: "dana")
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"], added: "2026-11-18T12:00")
        #expect(log.tasks(.respond, at: "2026-11-18T13:00").map(\.id) == ["respond:acme:\(invite):dana"])
        log.interview("iv2", at: "2026-11-25T10:00", round: 2, with: ["dana"], added: "2026-11-18T14:00")
        #expect(log.tasks(.respond, at: "2026-11-18T15:00").isEmpty)
    }

    @Test("prepare is due from the business day before until the interview starts, never overdue before it")
    func prepareUntilTheInterview() throws {
        var log = Log()
        log.app("acme")
        log.interview("iv1", at: "2026-11-25T14:00")
        let before = try #require(log.tasks(.prepare, at: "2026-11-24T10:00").first)
        #expect(before.status == .due && before.due == day("2026-11-24"))
        let morning = try #require(log.tasks(.prepare, at: "2026-11-25T09:00").first)
        #expect(morning.status == .due, "the morning of the interview is still time to prepare")
        #expect(log.tasks(.prepare, at: "2026-11-23T10:00").first?.status == .upcoming)
        #expect(log.tasks(.prepare, at: "2026-11-25T14:30").isEmpty)
    }

    @Test("a request-done after an invitation already answered by an interview answers the next request")
    func invitationThenRequest() {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        log.log(.invited, at: "2026-11-18T10:00", contact: "dana")
        log.interview("iv2", at: "2026-11-25T10:00", round: 2, with: ["dana"], added: "2026-11-18T14:00")
        log.log(.request, at: "2026-11-19T09:00", contact: "dana", about: .availability)
        log.log(.requestDone, at: "2026-11-19T12:00")
        #expect(log.tasks(.respond, at: "2026-11-19T13:00").isEmpty)

        var answeredFirst = Log()
        answeredFirst.app("acme")
        answeredFirst.log(.invited, at: "2026-11-18T10:00")
        answeredFirst.log(.requestDone, at: "2026-11-18T11:00")
        let request = answeredFirst.log(.request, at: "2026-11-19T09:00", about: .documents)
        answeredFirst.interview("iv2", at: "2026-11-25T10:00", added: "2026-11-19T10:00")
        #expect(answeredFirst.tasks(.respond, at: "2026-11-19T13:00").map(\.id) == ["respond:acme:\(request)"])
    }

    @Test("brief references on a references request")
    func referencesRequest() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-16T10:00", with: ["dana"])
        let request = log.log(.request, at: "2026-11-17T10:00", about: .references)
        let task = try #require(log.tasks(.briefReferences, at: "2026-11-17T11:00").first)
        #expect(task.id == "brief-references:acme:\(request)")
        #expect(task.due == day("2026-11-18"))

        var scheduled = log
        scheduled.interview("iv2", at: "2026-11-30T10:00", with: ["dana"])
        let before = scheduled.tasks(.briefReferences, at: "2026-11-17T11:00").filter { $0.anchor == request }
        #expect(before.map(\.due) == [day("2026-11-27")])

        log.log(.referencesBriefed, at: "2026-11-17T16:00")
        #expect(log.tasks(.briefReferences, at: "2026-11-17T17:00").isEmpty)
    }

    @Test("brief references on round 2")
    func roundTwo() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-02T10:00", with: ["dana"])
        #expect(log.tasks(.briefReferences, at: "2026-11-10T09:00").isEmpty)
        log.interview("iv2", at: "2026-11-30T10:00", round: 2, with: ["dana"])
        let task = try #require(log.tasks(.briefReferences, at: "2026-11-10T09:00").first)
        #expect(task.id == "brief-references:acme:iv2")
        #expect(task.due == day("2026-11-27"))
        #expect(task.status == .upcoming)
        log.log(.referencesBriefed, at: "2026-11-20T10:00")
        #expect(log.tasks(.briefReferences, at: "2026-11-20T11:00").isEmpty)
    }

    @Test("submit travel expenses within two business days of the interview")
    func submitExpenses() throws {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-19T10:00", with: ["dana"], travel: true)
        #expect(log.tasks(.submitExpenses, at: "2026-11-19T10:30").isEmpty)
        let task = try #require(log.tasks(.submitExpenses, at: "2026-11-19T12:00").first)
        #expect(task.id == "submit-expenses:acme:iv1")
        #expect(task.due == day("2026-11-23"))
        log.log(.expensesSubmitted, at: "2026-11-20T09:00")
        #expect(log.tasks(.submitExpenses, at: "2026-11-20T10:00").isEmpty)
    }

    @Test("reimbursement chased after 30 days")
    func chaseAfterThirty() throws {
        var log = Log()
        log.app("acme")
        log.interview("iv1", at: "2026-11-19T10:00", travel: true)
        let submitted = log.log(.expensesSubmitted, at: "2026-11-20T09:00")
        let task = try #require(log.tasks(.chaseReimbursement, at: "2026-11-21T09:00").first)
        #expect(task.id == "chase-reimbursement:acme:\(submitted):1")
        #expect(task.due == day("2026-12-20"))
        #expect(task.status == .upcoming)
        #expect(log.tasks(.chaseReimbursement, at: "2026-12-20T09:00").first?.status == .due)
        log.log(.reimbursed, at: "2026-12-10T09:00")
        #expect(log.tasks(.chaseReimbursement, at: "2026-12-20T09:00").isEmpty)
    }

    @Test("a chase moves the next one a week on (+7 after expenses-chased)")
    func chaseAgain() throws {
        var log = Log()
        log.app("acme")
        log.interview("iv1", at: "2026-11-19T10:00", travel: true)
        let submitted = log.log(.expensesSubmitted, at: "2026-11-20T09:00")
        log.log(.expensesChased, at: "2026-12-21T09:00")
        let task = try #require(log.tasks(.chaseReimbursement, at: "2026-12-22T09:00").first)
        #expect(task.id == "chase-reimbursement:acme:\(submitted):2")
        #expect(task.due == day("2026-12-28"))
        #expect(log.agenda(at: "2026-12-22T09:00").employers.first?.strikes == 0)
    }

    @Test("closed applications keep only closing-thank-you, chase-reimbursement and submit-expenses")
    func closedApplications() {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-02T10:00", with: ["dana"], travel: true)
        log.log(.expensesSubmitted, at: "2026-11-03T10:00")
        log.interview("iv2", at: "2026-11-10T10:00", round: 2, with: ["dana"], travel: true)
        log.log(.request, at: "2026-11-11T10:00", about: .references)
        log.log(.invited, at: "2026-11-11T11:00")
        log.interview("iv3", at: "2026-12-01T10:00", round: 3, with: ["dana"])
        log.log(.rejected, at: "2026-11-12T10:00", contact: "dana")
        log.app("hooli")
        log.contact("hal", in: "hooli", role: .hiringManager)
        log.interview("ivh", in: "hooli", at: "2026-11-10T10:00", with: ["hal"], decisionBy: "2026-11-11")
        log.log(.offer, in: "hooli", at: "2026-11-12T10:00")

        let agenda = log.agenda(at: "2026-11-13T12:00")
        #expect(Set(agenda.tasks.filter { $0.app == "acme" }.map(\.kind)) == [.submitExpenses, .chaseReimbursement, .closingThankYou])
        #expect(agenda.tasks.filter { $0.app == "hooli" }.isEmpty)
        #expect(agenda.statuses == ["acme": .rejected, "hooli": .offer])
        #expect(agenda.employers.isEmpty)
    }

    @Test("a closing event in the future does not close the application yet")
    func closingLater() {
        var log = Log()
        log.app("acme")
        log.contact("dana", role: .hiringManager)
        log.interview("iv1", at: "2026-11-10T10:00", with: ["dana"])
        log.log(.withdrawn, at: "2026-11-20T10:00")
        #expect(log.agenda(at: "2026-11-13T12:00").statuses["acme"] == .active)
        #expect(log.agenda(at: "2026-11-20T12:00").statuses["acme"] == .withdrawn)
    }

    @Test("sorting: overdue first, then deadline, employer, contact name, kind, id")
    func sorting() {
        var log = Log()
        for (app, person) in [("acme", "dana"), ("beta", "ann")] {
            log.app(app)
            log.contact(person, in: app, role: .hiringManager)
            log.interview("iv-\(app)", in: app, at: "2026-11-16T10:00", with: [person])
            log.log(.thankYou, in: app, at: "2026-11-16T18:00", contact: person)
            log.log(.note, in: app, at: "2026-11-16T19:00")
        }
        log.log(.request, in: "acme", at: "2026-11-22T23:59", contact: "dana", about: .documents, id: "req-b")
        log.log(.request, in: "acme", at: "2026-11-22T23:59", contact: "dana", about: .other, id: "req-a")
        log.contact("aaron", in: "beta")
        log.log(.request, in: "beta", at: "2026-11-22T23:59", contact: "aaron", about: .callback, id: "req-c")
        log.app("gamma")
        log.contact("gus", in: "gamma", role: .hiringManager)
        log.interview("iv-gamma", in: "gamma", at: "2026-11-19T10:00", with: ["gus"])

        let agenda = log.agenda(at: "2026-11-23T12:00")
        #expect(agenda.tasks.map(\.id) == [
            "take-stock:gamma:iv-gamma",
            "thank-you:gamma:iv-gamma:gus",
            "respond:acme:req-a:dana",
            "respond:acme:req-b:dana",
            "respond:beta:req-c:aaron",
            // A request is a sign of life: the next check-in is a week after it.
            "check-in:gamma:iv-gamma:gus:1",
            "check-in:acme:req-b:dana:1",
            "check-in:beta:req-c:ann:1",
        ])
        #expect(agenda.tasks.prefix(2).allSatisfy { $0.status == .overdue })
        #expect(agenda.tasks.dropFirst(2).allSatisfy { $0.status != .overdue })
        #expect(agenda.employers.map(\.employer) == ["Acme", "Beta", "Gamma"])
    }
}
