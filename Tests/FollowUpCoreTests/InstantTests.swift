import FollowUpCore
import PropertyBased
import Testing

@Suite("Instant")
struct InstantTests {
    @Test("RFC 3339 round trip keeps the offset")
    func roundTrip() throws {
        for text in ["2026-11-16T10:00:00-05:00", "2026-11-16T15:00:00+00:00", "2026-07-01T09:30:15+05:30", "1969-12-31T23:59:59+00:00", "2026-11-16T10:00:00+14:00"] {
            let instant = try #require(Instant(rfc3339: text), "\(text)")
            #expect(instant.description == text)
        }
        let a = try #require(Instant(rfc3339: "2026-11-16T10:00:00-05:00"))
        let b = try #require(Instant(rfc3339: "2026-11-16T15:00:00Z"))
        #expect(a.seconds == b.seconds)
        #expect(a != b)
        #expect(!(a < b) && !(b < a))
    }

    @Test("RFC 3339 variants: optional seconds, dropped fraction, lower-case t and z")
    func variants() {
        #expect(Instant(rfc3339: "2026-11-16T10:00-05:00")?.description == "2026-11-16T10:00:00-05:00")
        #expect(Instant(rfc3339: "2026-11-16T10:00:00.250Z")?.description == "2026-11-16T10:00:00+00:00")
        #expect(Instant(rfc3339: "2026-11-16t10:00:00z")?.description == "2026-11-16T10:00:00+00:00")
        #expect(Instant(rfc3339: "2026-11-16T10:00:00Z") == Instant(rfc3339: "2026-11-16T10:00:00+00:00"))
    }

    @Test("RFC 3339 rejects what is not a moment")
    func rejects() {
        for text in ["2026-11-16T10:00:00", "2026-02-30T10:00:00Z", "2026-11-16T24:00:00Z", "2026-11-16T10:60:00Z",
                     "2026-11-16 10:00:00Z", "2026-11-16T10:00:00+0500", "2026-11-16T10:00:00.Z", "2026-11-16T10:00:00Zjunk", ""] {
            #expect(Instant(rfc3339: text) == nil, "\(text)")
        }
    }

    @Test("any moment prints and parses back, at any offset")
    func randomRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int64(in: -2_000_000_000...8_000_000_000), Gen.int(in: -56...56)) { seconds, quarters in
            let instant = Instant(seconds: seconds, offset: quarters * 900)
            #expect(Instant(rfc3339: instant.description) == instant)
        }
    }

    @Test("local date-times parse as typed")
    func localDateTime() {
        #expect(LocalDateTime("2026-11-16T10:00")?.description == "2026-11-16T10:00")
        #expect(LocalDateTime("2026-11-16 10:00")?.description == "2026-11-16T10:00")
        #expect(LocalDateTime("2026-11-16T24:00") == nil)
        #expect(LocalDateTime("2026-11-31T10:00") == nil)
    }
}

@Suite("Zone")
struct ZoneTests {
    @Test("a time in the spring-forward gap does not exist")
    func gap() {
        #expect(throws: LocalTimeError.self) { try newYork.instant(day("2026-03-08"), hour: 2, minute: 30) }
        #expect(throws: LocalTimeError.doesNotExist(LocalDateTime("2026-03-08T02:30")!, zone: "America/New_York")) {
            try newYork.instant(LocalDateTime("2026-03-08T02:30")!)
        }
        #expect(time("2026-03-08T03:00").description == "2026-03-08T03:00:00-04:00")
        #expect(time("2026-03-08T01:59").description == "2026-03-08T01:59:00-05:00")
    }

    @Test("a repeated time at fall-back means its first occurrence")
    func fallBack() {
        let first = time("2026-11-01T01:30")
        #expect(first.description == "2026-11-01T01:30:00-04:00")
        #expect(newYork.localize(first.adding(hours: 1)).description == "2026-11-01T01:30:00-05:00")
    }

    @Test("a day starts and ends in the zone's wall clock")
    func dayBounds() {
        #expect(newYork.startOfDay(day("2026-11-01")).description == "2026-11-01T00:00:00-04:00")
        #expect(newYork.endOfDay(day("2026-11-01")).description == "2026-11-01T23:59:00-05:00")
        #expect(newYork.day(of: time("2026-11-16T23:30")) == day("2026-11-16"))
        #expect(Zone(identifier: "UTC")!.day(of: time("2026-11-16T23:30")) == day("2026-11-17"))
        #expect(Zone(identifier: "Not/AZone") == nil)
    }
}
