/// A calendar date without a time or zone (`YYYY-MM-DD`): decision dates, snoozes, holidays, due days.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Builds a day, or nil when the date does not exist (2026-02-30, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: some StringProtocol) {
        // Straight from the UTF-8 bytes: dates are read by the thousand when a file loads.
        var text = String(text)
        guard let day = text.withUTF8({ $0.count == 10 ? Day.parse($0, at: 0) : nil }) else { return nil }
        self = day
    }

    /// A `YYYY-MM-DD` at `start` of some bytes.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Day? {
        guard b.count >= start + 10, b[start + 4] == UInt8(ascii: "-"), b[start + 7] == UInt8(ascii: "-"),
              let y = digits(b, start, 4), let m = digits(b, start + 5, 2), let d = digits(b, start + 8, 2)
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (ordinal + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public var description: String {
        Day.pad(year, 4) + "-" + Day.pad(month, 2) + "-" + Day.pad(day, 2)
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let b = bytes[i]
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        bytes.withUnsafeBufferPointer { digits($0, start, count) }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

extension Day {
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Fri 20 Nov": how a person reads a near date.
    public var short: String {
        "\(Day.weekdayNames[isoWeekday - 1]) \(day) \(Day.monthNames[month - 1])"
    }

    /// "Fri 20 Nov 2026".
    public var long: String { short + " \(year)" }
}

extension Day {
    /// `description`'s bytes, appended without making a string (a file's dates are written by
    /// the ten thousand).
    public func appendDescription(to out: inout [UInt8]) {
        guard (0...9999).contains(year) else { return out.append(contentsOf: description.utf8) }
        Day.appendDigits(year, 4, to: &out)
        out.append(UInt8(ascii: "-"))
        Day.appendDigits(month, 2, to: &out)
        out.append(UInt8(ascii: "-"))
        Day.appendDigits(day, 2, to: &out)
    }

    /// `n` (0 ≤ n < 10^width) in `width` digits, zeros first.
    static func appendDigits(_ n: Int, _ width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = n
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
