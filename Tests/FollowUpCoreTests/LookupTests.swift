import FollowUpCore
import Testing

@Suite("Finding a record by what a person types")
struct LookupTests {
    let app: Application = {
        var a = Application(id: "acme-1", employer: "Acme Corp", role: "r", createdAt: Instant(seconds: 0))
        a.contacts = [
            Contact(id: "dr-ana-cruz-1", name: "Dr. Ana Cruz", createdAt: Instant(seconds: 0)),
            Contact(id: "raj-patel-2", name: "Raj Patel", createdAt: Instant(seconds: 0)),
            Contact(id: "ana-lee-3", name: "Ana Lee", createdAt: Instant(seconds: 0)),
        ]
        return a
    }()

    @Test("exact id, exact name and a name's start come first; a later word's start only when they find nothing")
    func order() throws {
        #expect(try app.findContact("raj").id == "raj-patel-2")
        // "Ana" starts Ana Lee's name: that wins over the second word of Dr. Ana Cruz.
        #expect(try app.findContact("ana").id == "ana-lee-3")
        #expect(try app.findContact("cruz").id == "dr-ana-cruz-1")
        #expect(try app.findContact("ana cr").id == "dr-ana-cruz-1")
        #expect(throws: LookupError.self) { try app.findContact("zed") }
    }
}
