import Testing
import FollowUpCore

@Suite("The demo's sample data")
struct DemoTests {
    @Test("dated around any day, it shows every everyday kind of task and a struck-out employer",
          arguments: ["2026-11-24", "2027-03-08", "2026-12-27"])
    func demoCoversTheProduct(_ today: String) {
        let now = time(today + "T09:00")
        let data = Demo.data(today: day(today), zone: newYork)
        #expect(data.problems().isEmpty)
        let agenda = Rules.schedule(data, zone: newYork, now: now)
        let kinds = Set(agenda.visible.map(\.kind))
        for kind in [TaskKind.thankYou, .checkIn, .respond, .prepare, .closingThankYou, .chaseReimbursement, .takeStock] {
            #expect(kinds.contains(kind), "\(kind) missing on \(today)")
        }
        #expect(agenda.visible.contains { $0.kind == .checkIn && $0.channel == .call })
        #expect(agenda.employers.contains { $0.struckOut })
        #expect(agenda.visible.contains { $0.status == .overdue })
    }
}

@Suite("The guided take-stock note")
struct TakeStockNoteTests {
    @Test("answers under the questions become the note; an untouched template gives none")
    func parse() throws {
        let data = Demo.data(today: day("2026-11-24"), zone: newYork)
        let agenda = Rules.schedule(data, zone: newYork, now: time("2026-11-24T09:00"))
        let task = try #require(agenda.visible.first { $0.kind == .takeStock })
        let template = Drafts.takeStockTemplate(for: task, in: data, zone: newYork)
        #expect(Drafts.takeStockNote(from: template) == nil)
        let filled = template.replacingOccurrences(of: "# What went well?\n", with: "# What went well?\nThe system design round.\nGood rapport.\n")
            .replacingOccurrences(of: "# What are their likely reservations?\n", with: "# What are their likely reservations?\nNo Kubernetes.\n")
        #expect(Drafts.takeStockNote(from: filled) == "What went well? The system design round. Good rapport.\nWhat are their likely reservations? No Kubernetes.")
    }
}
