import FollowUpActions
import FollowUpCore
import FollowUpStore
import Foundation
import Testing
@testable import followup

@Suite("The dashboard's saves bring back the whole data")
struct SaveQueueTests {
    @Test("a command's change to one employer reads and writes only theirs; the same change from the dashboard's queue brings back every application")
    func wholeDataForTheDashboard() async throws {
        let folder = FileManager.default.temporaryDirectory.path + "/followup-saves-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let zone = Zone(identifier: "America/New_York")!
        let now = try zone.instant(Day("2026-11-24")!, hour: 9, minute: 0)
        let file = DataFile(path: folder + "/followup.json", stateFolder: folder + "/state", indexKey: "test")
        let ctx = Context(file: file, zone: zone, now: now)
        let data = Demo.data(today: Day("2026-11-24")!, zone: zone)
        try file.transaction(today: Day("2026-11-24")!) { $0 = data }
        let app = data.applications[0].id

        // From the command line: only the employer's applications are read and handed back.
        let command = try ctx.apply(.log(app: app, NewEvent(kind: .note, text: "from a command")), quiet: true)
        #expect(command.inPart)
        #expect(command.data.applications.count < data.applications.count)

        // From the dashboard: the whole data, which it shows next.
        let saves = SaveQueue()
        saves.submit(.log(app: app, NewEvent(kind: .note, text: "from the dashboard")), ctx)
        var finished: [SaveQueue.Finished] = []
        for _ in 0..<500 where finished.isEmpty {
            try await Task.sleep(nanoseconds: 10_000_000)
            finished = saves.finished()
        }
        let saved = try #require(finished.first?.data)
        #expect(saved.applications.map(\.id) == data.applications.map(\.id))
        #expect(saved.applications[0].events.filter { $0.text?.hasPrefix("from ") == true }.count == 2)
        #expect(try file.load() == saved)
    }
}
