import Foundation
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

    /// Zones whose offsets moved in every way: daylight saving on and off, half hours, a
    /// standard offset changed for good (Moscow 2011 and 2014, Samoa skipping a day in 2011,
    /// São Paulo ending daylight saving in 2019), Ramadan breaks, none at all.
    static let zonesThatMoved = [
        "America/New_York", "Europe/London", "Europe/Moscow", "America/Sao_Paulo", "Australia/Lord_Howe",
        "Asia/Kolkata", "Pacific/Apia", "Africa/Casablanca", "Asia/Tehran", "America/St_Johns", "Antarctica/Troll",
        "Pacific/Chatham", "Pacific/Kiritimati", "UTC",
    ]

    @Test("a zone's offsets are the time zone library's, in whatever order they are asked for")
    func offsetsAsTheLibrarySays() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ range: ClosedRange<Int64>) -> Int64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int64(bitPattern: (seed >> 1) % UInt64(range.upperBound - range.lowerBound + 1))
        }
        for name in Self.zonesThatMoved {
            let library = try #require(TimeZone(identifier: name))
            let zone = try #require(Zone(identifier: name))
            // 1900 to 2060: random moments, then each second around every transition in it,
            // then random moments again (the spans found are reused and widened).
            var moments = (0..<3_000).map { _ in next(-2_208_988_800...2_840_140_800) }
            var t = Date(timeIntervalSince1970: -2_208_988_800)
            while let transition = library.nextDaylightSavingTimeTransition(after: t), transition.timeIntervalSince1970 < 2_840_140_800 {
                let s = Int64(transition.timeIntervalSince1970.rounded(.down))
                moments += [s - 86_400, s - 1, s, s + 1, s + 3_600]
                t = transition
            }
            moments += (0..<3_000).map { _ in next(-2_208_988_800...2_840_140_800) }
            var wrong: [Int64] = []
            for s in moments where zone.offset(at: s) != library.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s))) {
                wrong.append(s)
            }
            #expect(wrong.isEmpty, "\(name): \(wrong.prefix(5))")
        }
    }

    @Test("a wall-clock time is placed where the time zone library places it, gaps and repeats included")
    func wallClockAsTheLibrarySays() throws {
        for name in Self.zonesThatMoved {
            let library = try #require(TimeZone(identifier: name))
            let zone = try #require(Zone(identifier: name))
            func offset(_ s: Int64) -> Int { library.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s))) }
            var wrong: [String] = []
            var t = Date(timeIntervalSince1970: 946_684_800)
            // Every transition from 2000 to 2040, each hour of the day before, of, and after.
            while let transition = library.nextDaylightSavingTimeTransition(after: t), transition.timeIntervalSince1970 < 2_208_988_800 {
                t = transition
                let around = Zone(identifier: "UTC")!.day(of: Instant(seconds: Int64(transition.timeIntervalSince1970)))
                for day in [around.adding(days: -1), around, around.adding(days: 1)] {
                    for hour in 0..<24 {
                        for minute in [0, 30, 59] {
                            let local = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60)
                            // The earliest instant whose wall clock reads this, by the library alone.
                            let expected = [local - 86_400, local, local + 86_400].compactMap { probe -> Int64? in
                                let o = offset(probe)
                                return offset(local - Int64(o)) == o ? local - Int64(o) : nil
                            }.min()
                            let placed = try? zone.instant(day, hour: hour, minute: minute)
                            if placed?.seconds != expected || placed.map({ $0.offset != offset($0.seconds) }) ?? false {
                                wrong.append("\(day) \(hour):\(minute)")
                            }
                        }
                    }
                }
            }
            #expect(wrong.isEmpty, "\(name): \(wrong.prefix(5))")
        }
    }
}
