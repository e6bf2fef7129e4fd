import Foundation
import Testing
import FollowUpCore
@testable import FollowUpStore
import JSON

@Suite("The data file's format")
struct CodecTests {
    static let goldenPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/followup.json").path

    @Test("the canonical form of a realistic file is pinned by a golden file")
    func canonicalFormIsPinned() throws {
        let produced = DataFile.encode(sampleData())
        if ProcessInfo.processInfo.environment["FOLLOWUP_RECORD"] == "1" {
            try Data(produced).write(to: URL(fileURLWithPath: CodecTests.goldenPath))
        }
        let golden = try #require(bytes(CodecTests.goldenPath), "missing golden file; record with FOLLOWUP_RECORD=1")
        #expect(String(decoding: produced, as: UTF8.self) == String(decoding: golden, as: UTF8.self))
    }

    @Test("the golden file reads back to the same data and saves byte-identical")
    func goldenRoundTrips() throws {
        let golden = try #require(bytes(CodecTests.goldenPath))
        let data = try DataFile(path: "golden").decode(golden)
        #expect(data == sampleData())
        #expect(DataFile.encode(data) == golden)
    }

    @Test("two saves of the same data are byte-identical")
    func savesAreStable() {
        #expect(DataFile.encode(sampleData()) == DataFile.encode(sampleData()))
    }

    @Test("an application's date applied, location and link are read and written; absent, they are not written; a hand-written applied that is no date is kept as it was")
    func appliedLocationLink() throws {
        let text = """
        {"version": 1, "applications": [
          {"id": "a-1", "employer": "A", "role": "R", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
           "applied": "2026-10-20", "location": "Springfield", "link": "https://a.example/1"},
          {"id": "b-1", "employer": "B", "role": "R", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z",
           "applied": "last week"},
          {"id": "c-1", "employer": "C", "role": "R", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z"}]}
        """
        let data = try DataFile(path: "t").decode(Array(text.utf8))
        #expect(data.applications[0].applied == Day("2026-10-20"))
        #expect(data.applications[0].location == "Springfield" && data.applications[0].link == "https://a.example/1")
        #expect(data.applications[1].applied == nil && data.applications[1].extra["applied"] == .string("last week"))
        let saved = String(decoding: DataFile.encode(data), as: UTF8.self)
        #expect(saved.contains("\"applied\": \"2026-10-20\"") && saved.contains("\"applied\": \"last week\""))
        let c = DataCodec.encode(data.applications[2]).objectValue ?? [:]
        #expect(c["applied"] == nil && c["location"] == nil && c["link"] == nil)
    }

    @Test("unknown fields at every level survive a load and save")
    func unknownFieldsSurvive() throws {
        let text = """
        {"version": 1, "future": [1, 2.50, {"z": null}],
         "settings": {"preset": "gentle", "colour": "teal", "spacingDays": 12},
         "applications": [{"id": "a-1", "employer": "A", "role": "R", "createdAt": "2026-11-01T10:00:00Z",
           "updatedAt": "2026-11-01T10:00:00Z", "priority": 5,
           "contacts": [{"id": "c-1", "name": "C", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z", "pronouns": "she/her"}],
           "interviews": [{"id": "iv-1", "at": "2026-11-02T10:00:00-05:00", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z", "zoom": "https://x/y"}],
           "events": [{"id": "e-1", "kind": "note", "at": "2026-11-03T10:00:00Z", "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z", "mood": 1e3}]}],
         "snoozes": [], "dismissals": [], "tombstones": []}
        """
        let data = try DataFile(path: "x").decode(Array(text.utf8))
        #expect(data.settings.overrides["spacingDays"] == 12)
        let written = try JSONParser.parse(DataFile.encode(data))
        #expect(written["future"] == .array([.number("1"), .number("2.50"), .object(["z": .null])]))
        #expect(written["settings"]?["colour"] == .string("teal"))
        let app = written["applications"]?.arrayValue?.first
        #expect(app?["priority"] == .number("5"))
        #expect(app?["contacts"]?.arrayValue?.first?["pronouns"] == .string("she/her"))
        #expect(app?["interviews"]?.arrayValue?.first?["zoom"] == .string("https://x/y"))
        #expect(app?["events"]?.arrayValue?.first?["mood"] == .number("1e3"))
        #expect(String(decoding: DataFile.encode(data), as: UTF8.self).contains("\"https://x/y\""))
    }

    @Test("a field of the wrong type is reported with its path")
    func schemaErrorsNameTheField() {
        let text = """
        {"version": 1, "applications": [{"id": "a-1", "employer": "A", "role": "R", "createdAt": "2026-11-01T10:00:00Z",
          "updatedAt": "2026-11-01T10:00:00Z", "events": [{"id": "e", "kind": "fax", "at": "2026-11-03T10:00:00Z",
          "createdAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-01T10:00:00Z"}]}]}
        """
        #expect(throws: StoreError.invalid(path: "f", field: "applications[0].events[0].kind",
                                           message: "\"fax\" is not one of thank-you, check-in, response, request, request-done, invited, expenses-submitted, expenses-chased, reimbursed, references-briefed, cover-letter, offer, rejected, withdrawn, closed, note, reopened")) {
            try DataFile(path: "f").decode(Array(text.utf8))
        }
        #expect(throws: StoreError.invalid(path: "f", field: "applications[0].createdAt", message: "\"2026-11-01 10:00\" is not an RFC 3339 time with an offset")) {
            try DataFile(path: "f").decode(Array(#"{"applications": [{"id": "a", "employer": "A", "createdAt": "2026-11-01 10:00", "updatedAt": "x"}]}"#.utf8))
        }
    }

    @Test("invalid JSON is reported with line and column")
    func corruptJSONHasLineAndColumn() {
        let text = "{\n  \"version\": 1,\n  \"applications\": [\n    {\"id\": \"a\" \"employer\": \"A\"}\n  ]\n}\n"
        do {
            _ = try DataFile(path: "/data/followup.json").decode(Array(text.utf8))
            Issue.record("expected an error")
        } catch let StoreError.corrupt(path, line, column, _) {
            #expect(path == "/data/followup.json")
            #expect(line == 4)
            #expect(column == 16)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("random bytes give a clear error, never a crash")
    func randomBytesAreRejected() {
        var rng = SplitMix(seed: 7)
        for length in [0, 1, 5, 100, 4096] {
            let noise = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            #expect(throws: StoreError.self) { try DataFile(path: "f").decode(noise) }
        }
    }
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
