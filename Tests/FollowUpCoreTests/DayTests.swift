import FollowUpCore
import PropertyBased
import Testing

@Suite("Day")
struct DayTests {
    @Test("parsing rejects dates that do not exist and anything not YYYY-MM-DD")
    func rejects() {
        for text in ["2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-00", "2026-1-05", "2026-11-16T10:00", "20261116", "", "2026-11-1x"] {
            #expect(Day(text) == nil, "\(text)")
        }
        #expect(Day("2026-11-16")?.description == "2026-11-16")
    }

    @Test("leap years: every fourth, not every hundredth, every four-hundredth")
    func leapYears() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2000-02-29") != nil)
        #expect(Day("1900-02-29") == nil)
        #expect(day("2028-02-28").adding(days: 1) == day("2028-02-29"))
        #expect(day("2026-02-28").adding(days: 1) == day("2026-03-01"))
    }

    @Test("weekday")
    func weekday() {
        #expect(day("2026-11-16").isoWeekday == 1)
        #expect(day("2026-11-20").isoWeekday == 5)
        #expect(day("2026-11-22").isoWeekday == 7)
        #expect(day("2026-11-21").isWeekend)
        #expect(!day("2026-11-20").isWeekend)
        #expect(day("1970-01-01").isoWeekday == 4)
        #expect(day("1969-12-29").isoWeekday == 1)
        #expect(day("2026-11-20").short == "Fri 20 Nov")
        #expect(day("2026-11-20").long == "Fri 20 Nov 2026")
    }

    @Test("ordinal round trip")
    func ordinalRoundTrip() async {
        #expect(day("1970-01-01").ordinal == 0)
        #expect(day("2026-11-16").ordinal == 20_773)
        await propertyCheck(count: 500, input: Gen.int(in: -700_000...2_900_000)) { n in
            let d = Day(ordinal: n)
            #expect(d.ordinal == n)
            #expect(Day(d.description) == d)
            #expect(d.adding(days: 1).isoWeekday == d.isoWeekday % 7 + 1)
            #expect(d < d.adding(days: 1))
        }
    }
}

@Suite("Business days")
struct BusinessCalendarTests {
    let calendar = BusinessCalendar(holidays: [day("2026-11-26"), day("2026-11-27"), day("2026-12-25")])

    @Test("a weekend or holiday moves to the next business day")
    func onOrAfter() {
        #expect(calendar.onOrAfter(day("2026-11-20")) == day("2026-11-20"))
        #expect(calendar.onOrAfter(day("2026-11-21")) == day("2026-11-23"))
        #expect(calendar.onOrAfter(day("2026-11-26")) == day("2026-11-30"))
        #expect(!calendar.isBusinessDay(day("2026-12-25")))
        #expect(calendar.isBusinessDay(day("2026-12-24")))
    }

    @Test("adding and subtracting business days skips weekends and holidays")
    func arithmetic() {
        #expect(calendar.adding(businessDays: 1, to: day("2026-11-20")) == day("2026-11-23"))
        #expect(calendar.adding(businessDays: 2, to: day("2026-11-25")) == day("2026-12-01"))
        #expect(calendar.subtracting(businessDays: 1, from: day("2026-11-30")) == day("2026-11-25"))
        #expect(calendar.subtracting(businessDays: 1, from: day("2026-11-24")) == day("2026-11-23"))
        #expect(BusinessCalendar(holidays: []).subtracting(businessDays: 1, from: day("2026-11-30")) == day("2026-11-27"))
    }
}

@Suite("Readable ids")
struct IdentifierTests {
    @Test("names fold to lower-case ASCII words", arguments: [
        ("Acme Corp", "acme-corp"), ("Société Générale", "societe-generale"), ("Straße GmbH", "strasse-gmbh"),
        ("Søren Ødegård", "soren-odegard"), ("Łódź Labs", "lodz-labs"), ("Æther & Co.", "aether-co"), ("日本商事", "app"),
        ("  --Dana   Lee!! ", "dana-lee"),
    ])
    func slugs(_ name: String, _ slug: String) {
        #expect(Identifiers.slug(name, fallback: "app") == slug)
    }

    @Test("a minted id is the slug and four letters or digits, never one already taken")
    func minting() {
        var rng = SystemRandomNumberGenerator()
        var taken: Set<String> = []
        for _ in 0..<500 {
            let id = Identifiers.mint("Acme", fallback: "app", taken: taken, using: &rng)
            #expect(id.wholeMatch(of: /acme-[a-z0-9]{4}/) != nil)
            #expect(!taken.contains(id))
            taken.insert(id)
        }
    }
}
