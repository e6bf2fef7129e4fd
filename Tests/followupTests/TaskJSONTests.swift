import FollowUpCore
import FollowUpStore
import Foundation
import JSON
import Testing
@testable import followup

@Suite("agenda --json writes each task straight, as the tree writer would")
struct TaskJSONTests {
    @Test("every task of the demo data at many moments: the same bytes as the JSON tree, at two depths")
    func sameBytes() {
        let zone = Zone(identifier: "America/New_York")!
        let data = Demo.data(today: Day("2026-11-24")!, zone: zone)
        var tasks = 0
        var callWindows = 0
        for hours in stride(from: -24 * 30, through: 24 * 60, by: 7) {
            let now = Instant(rfc3339: "2026-11-24T09:00:00-05:00")!.adding(hours: hours)
            for task in Rules.schedule(data, zone: zone, now: now).tasks {
                for depth in [0, 2] {
                    var straight: [UInt8] = []
                    TaskJSON.appendCanonical(task, zone: zone, depth: depth, to: &straight)
                    var tree: [UInt8] = []
                    JSONWriter.appendCanonical(TaskJSON.encode(task, zone: zone), depth: depth, to: &tree)
                    #expect(straight == tree, "\(task.id) at \(now)")
                }
                tasks += 1
                if task.callWindow != nil { callWindows += 1 }
            }
        }
        #expect(tasks > 500 && callWindows > 10, "\(tasks) tasks, \(callWindows) with a call window")
    }
}

@Suite("apps --json writes each application straight, in the canonical form")
struct AppsJSONTests {
    @Test("open and all, empty and full, with names that must be escaped: the bytes the tree writer writes for what it reads")
    func canonical() throws {
        let s = Sandbox()
        func check(_ label: String) throws {
            for arguments in [["apps", "--json"], ["apps", "--all", "--json"]] {
                let out = s.ok(arguments)
                let tree = JSONWriter.canonicalString(try JSONParser.parse(Array(out.utf8)))
                #expect(out + "\n" == tree, "\(label): \(arguments)")
            }
        }
        try check("no file")
        _ = Acme(s)
        s.now = "2026-11-17T09:00"
        let odd = s.ok(["app", "add", "--employer", "Quote \" Backslash \\ Tab\tCo 🚀", "--role", "Ünïcödé — role", "--applied", "2026-11-01"])
        s.ok(["log", "check-in", "--app", odd, "--channel", "email"])
        let closed = s.ok(["app", "add", "--employer", "Initech", "--role", "Analyst"])
        s.ok(["close", closed, "--reason", "filled"])
        s.now = "2026-11-24T09:00"
        try check("full")
        let all = try #require(s.run(["apps", "--all", "--json"]).json?["apps"]?.arrayValue)
        #expect(all.count == 3)
        #expect(all.contains { $0["applied"]?.stringValue == "2026-11-01" && $0["strikes"]?.intValue == 1 })
        #expect(all.contains { $0["next"]?["kind"]?.stringValue != nil })
    }
}

@Suite("Many applications: the JSON of agenda and apps written in two halves is one canonical document")
struct HalvesJSONTests {
    @Test("agenda --json and apps --json over 96 applications: the bytes the tree writer writes for what it reads, every application and task once")
    func halvesJoined() throws {
        let s = Sandbox()
        let zone = Zone(identifier: "America/New_York")!
        let demo = Demo.data(today: Day("2026-11-24")!, zone: zone)
        var data = demo
        data.applications = []
        for copy in 0..<(96 / demo.applications.count + 1) {
            for var app in demo.applications {
                app.id = "c\(copy)-" + app.id
                data.applications.append(app)
            }
        }
        try Data(DataFile.encode(data)).write(to: URL(fileURLWithPath: s.file))
        s.now = "2026-11-24T09:00"
        for arguments in [["agenda", "--json"], ["apps", "--json"], ["apps", "--all", "--json"]] {
            let out = s.ok(arguments)
            let parsed = try JSONParser.parse(Array(out.utf8))
            #expect(out + "\n" == JSONWriter.canonicalString(parsed), "\(arguments)")
            let items = (parsed["tasks"] ?? parsed["apps"])?.arrayValue ?? []
            #expect(items.count >= 64, "\(arguments): \(items.count)")
            let ids = items.compactMap { $0["id"]?.stringValue }
            #expect(Set(ids).count == ids.count, "\(arguments): an item written twice")
        }
        let all = try #require(s.run(["apps", "--all", "--json"]).json?["apps"]?.arrayValue)
        #expect(all.map { $0["id"]?.stringValue } == data.applications.map(\.id))
    }
}
