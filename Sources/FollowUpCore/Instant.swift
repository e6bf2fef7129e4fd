import Foundation

/// A moment in time with the UTC offset it was recorded at, written as RFC 3339
/// (`2026-11-16T10:00:00-05:00`). The offset is kept so that a file read and saved again does
/// not change, whatever zone the reader is in.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// The offset from UTC, in seconds, the instant is written with.
    public let offset: Int

    public init(seconds: Int64, offset: Int = 0) {
        self.seconds = seconds
        self.offset = offset
    }

    public static func < (a: Instant, b: Instant) -> Bool { a.seconds < b.seconds }
    public static func == (a: Instant, b: Instant) -> Bool { a.seconds == b.seconds && a.offset == b.offset }
    public func hash(into hasher: inout Hasher) { hasher.combine(seconds) }

    public func adding(seconds delta: Int64) -> Instant { Instant(seconds: seconds + delta, offset: offset) }
    public func adding(hours: Int) -> Instant { adding(seconds: Int64(hours) * 3600) }
    public func adding(minutes: Int) -> Instant { adding(seconds: Int64(minutes) * 60) }

    /// The same moment written with another offset.
    public func with(offset newOffset: Int) -> Instant { Instant(seconds: seconds, offset: newOffset) }

    /// The wall-clock date and time at the stored offset.
    public var wallClock: (day: Day, hour: Int, minute: Int, second: Int) {
        let local = seconds + Int64(offset)
        let dayNumber = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let rest = Int(local - Int64(dayNumber) * 86_400)
        return (Day(ordinal: dayNumber), rest / 3600, (rest % 3600) / 60, rest % 60)
    }

    /// RFC 3339 with the offset always numeric, UTC too: `2026-11-16T10:00:00-05:00`,
    /// `2026-11-16T15:00:00+00:00` (as most languages' ISO 8601 writers put it).
    public var description: String {
        let w = wallClock
        let a = abs(offset)
        return w.day.description + "T" + Day.pad(w.hour, 2) + ":" + Day.pad(w.minute, 2) + ":" + Day.pad(w.second, 2)
            + (offset < 0 ? "-" : "+") + Day.pad(a / 3600, 2) + ":" + Day.pad((a % 3600) / 60, 2)
    }

    /// Parses RFC 3339 with an offset (`Z` or `±HH:MM`); seconds and a fraction are optional
    /// (the fraction is dropped). Nil for anything else or an impossible date or time.
    public init?(rfc3339 text: some StringProtocol) {
        // Straight from the UTF-8 bytes: instants are read by the ten thousand when a file loads.
        var text = String(text)
        guard let parsed = text.withUTF8(Instant.parse) else { return nil }
        self = parsed
    }

    /// `init?(rfc3339:)` from the text's UTF-8 bytes.
    public init?(rfc3339Bytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = Instant.parse(bytes) else { return nil }
        self = parsed
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard b.count >= 17, let day = Day.parse(b, at: 0),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              let hour = Day.digits(b, 11, 2), b[13] == UInt8(ascii: ":"), let minute = Day.digits(b, 14, 2),
              hour < 24, minute < 60
        else { return nil }
        var i = 16
        var second = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard b.count >= i + 3, let s = Day.digits(b, i + 1, 2), s < 60 else { return nil }
            second = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                guard i > start else { return nil }
            }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            guard i + 1 == b.count else { return nil }
        } else {
            guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count == i + 6,
                  let oh = Day.digits(b, i + 1, 2), b[i + 3] == UInt8(ascii: ":"), let om = Day.digits(b, i + 4, 2),
                  oh < 24, om < 60
            else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        }
        let local = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Instant(seconds: local - Int64(offset), offset: offset)
    }
}

/// A local wall-clock time (`YYYY-MM-DDTHH:MM`) as typed by a person, not yet placed in a zone.
public struct LocalDateTime: Hashable, Sendable, CustomStringConvertible {
    public let day: Day
    public let hour: Int
    public let minute: Int

    public init?(day: Day, hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.init(checked: day, hour: hour, minute: minute)
    }

    /// For a time already known to be on the clock.
    init(checked day: Day, hour: Int, minute: Int) {
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Parses `YYYY-MM-DDTHH:MM` (a space instead of `T` is accepted too).
    public init?(_ text: some StringProtocol) {
        let b = Array(text.utf8)
        guard b.count == 16, let day = Day(String(decoding: b[0..<10], as: UTF8.self)),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
              let h = Day.digits(b, 11, 2), b[13] == UInt8(ascii: ":"), let m = Day.digits(b, 14, 2)
        else { return nil }
        self.init(day: day, hour: h, minute: m)
    }

    public var description: String {
        day.description + "T" + Day.pad(hour, 2) + ":" + Day.pad(minute, 2)
    }
}

/// Why a local time could not be placed in a zone.
public enum LocalTimeError: Error, Equatable, Sendable {
    /// The clocks skip this time (spring forward).
    case doesNotExist(LocalDateTime, zone: String)
}

/// Converts between instants and a zone's wall clock. Pure: the zone is a parameter.
public struct Zone: Sendable, Equatable {
    public let timeZone: TimeZone
    /// The offsets asked for so far, shared by every copy of this zone (but `detached` ones).
    private var offsets = ZoneOffsets()

    public init(_ timeZone: TimeZone) { self.timeZone = timeZone }

    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.timeZone = tz
    }

    public var identifier: String { timeZone.identifier }

    public static func == (a: Zone, b: Zone) -> Bool { a.timeZone == b.timeZone }

    /// The same zone with a cache of offsets of its own (a copy of this one's): for work on
    /// another thread alongside this one.
    public func detached() -> Zone {
        var zone = self
        zone.offsets = offsets.copy()
        return zone
    }

    /// The UTC offset in force at an instant.
    public func offset(at seconds: Int64) -> Int {
        offsets.offset(at: seconds, in: timeZone)
    }

    /// The instant written with this zone's offset at that moment.
    public func localize(_ instant: Instant) -> Instant {
        instant.with(offset: offset(at: instant.seconds))
    }

    /// Places a wall-clock time in this zone: a time the clocks skip is an error, a repeated one
    /// (fall back) means its first occurrence.
    public func instant(_ day: Day, hour: Int, minute: Int, second: Int = 0) throws(LocalTimeError) -> Instant {
        let local = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        // No change of offset from a day before to a day after (most days): the one instant.
        if let o = offsets.steadyOffset(from: local - 86_400, through: local + 86_400, in: timeZone) {
            return Instant(seconds: local - Int64(o), offset: o)
        }
        // The earliest instant whose wall clock reads `local`, found from the offsets a day
        // either side (no zone moves its clock by a day or more).
        var first: Int64?
        for probe in stride(from: local - 86_400, through: local + 86_400, by: 86_400) {
            let o = offset(at: probe)
            let t = local - Int64(o)
            if offset(at: t) == o, first.map({ t < $0 }) ?? true { first = t }
        }
        guard let first else {
            throw .doesNotExist(LocalDateTime(checked: day, hour: hour, minute: minute), zone: identifier)
        }
        return Instant(seconds: first, offset: offset(at: first))
    }

    /// Like `instant(_:hour:minute:)` but never fails: a skipped time moves forward by the gap.
    /// For times the rules compute (10:00, 23:59), which exist everywhere but in odd zones.
    public func instantLenient(_ day: Day, hour: Int, minute: Int) -> Instant {
        if let t = try? instant(day, hour: hour, minute: minute) { return t }
        let local = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60)
        let before = offset(at: local - 86_400)
        let t = local - Int64(before)
        return Instant(seconds: t, offset: offset(at: t))
    }

    public func instant(_ local: LocalDateTime) throws(LocalTimeError) -> Instant {
        try instant(local.day, hour: local.hour, minute: local.minute)
    }

    /// "09:05": an instant's time of day on this zone's clock.
    public func clock(_ instant: Instant) -> String {
        let w = localize(instant).wallClock
        return Day.pad(w.hour, 2) + ":" + Day.pad(w.minute, 2)
    }

    /// The calendar day an instant falls on in this zone.
    public func day(of instant: Instant) -> Day { localize(instant).wallClock.day }

    /// The start of a day (00:00, or the first minute that exists).
    public func startOfDay(_ day: Day) -> Instant { instantLenient(day, hour: 0, minute: 0) }

    /// 23:59 of a day: where day-based deadlines fall.
    public func endOfDay(_ day: Day) -> Instant { instantLenient(day, hour: 23, minute: 59) }
}

extension Instant {
    /// `description`'s bytes, appended without making a string.
    public func appendDescription(to out: inout [UInt8]) {
        let w = wallClock
        let a = abs(offset)
        guard (0...9999).contains(w.day.year), a / 3600 < 100 else { return out.append(contentsOf: description.utf8) }
        w.day.appendDescription(to: &out)
        out.append(UInt8(ascii: "T"))
        Day.appendDigits(w.hour, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Day.appendDigits(w.minute, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Day.appendDigits(w.second, 2, to: &out)
        out.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        Day.appendDigits(a / 3600, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        Day.appendDigits((a % 3600) / 60, 2, to: &out)
    }
}

/// A zone's UTC offsets by the spans of time over which each holds: an offset found at an
/// instant holds until the zone's next transition, so the time zone library is asked once per
/// span (asking it took ~700 instructions, and a schedule asks tens of thousands of times).
/// The spans are disjoint and kept by their end; safe across threads.
final class ZoneOffsets: @unchecked Sendable {
    private struct Span {
        var start: Int64
        /// The first second of the next offset (`Int64.max`: none to come).
        let end: Int64
        let offset: Int
    }

    private let lock = NSLock()
    /// Read and written only under `lock` (so not checked for exclusive access at each use).
    @exclusivity(unchecked) private var spans: [Span] = []

    init() {}

    /// Another cache holding the spans found so far: for another thread, which then never waits
    /// on this one's lock.
    func copy() -> ZoneOffsets {
        let other = ZoneOffsets()
        other.spans = lock.withLock { spans }
        return other
    }

    /// The offset at `from` when it holds without a change through `through` (the two in one
    /// span); nil when it changes between them or may.
    func steadyOffset(from: Int64, through: Int64, in timeZone: TimeZone) -> Int? {
        let offset = offset(at: from, in: timeZone)
        lock.lock()
        defer { lock.unlock() }
        return spans.contains { $0.start <= from && through < $0.end && $0.offset == offset } ? offset : nil
    }

    func offset(at t: Int64, in timeZone: TimeZone) -> Int {
        lock.lock()
        defer { lock.unlock() }
        // The first span ending after t (looked for in the list's buffer: one access to it).
        let (low, found) = spans.withUnsafeBufferPointer { spans -> (Int, Int?) in
            var low = 0
            var high = spans.count
            while low < high {
                let mid = (low + high) / 2
                if spans[mid].end > t { high = mid } else { low = mid + 1 }
            }
            return (low, low < spans.count && spans[low].start <= t ? spans[low].offset : nil)
        }
        if let found { return found }
        let date = Date(timeIntervalSince1970: TimeInterval(t))
        let offset = timeZone.secondsFromGMT(for: date)
        // Transitions fall on whole seconds; should one not, the span ends before it.
        let end = timeZone.nextDaylightSavingTimeTransition(after: date)
            .map { Int64(exactly: $0.timeIntervalSince1970.rounded(.down)) ?? Int64.max } ?? Int64.max
        guard end > t else { return offset }
        if low < spans.count, spans[low].end == end {
            // The same span, met earlier than before: nothing changes between t and its end.
            if spans[low].offset == offset { spans[low].start = t }
        } else if spans.count < 4_096 {
            spans.insert(Span(start: t, end: end, offset: offset), at: low)
        }
        return offset
    }
}
