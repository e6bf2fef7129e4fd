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
