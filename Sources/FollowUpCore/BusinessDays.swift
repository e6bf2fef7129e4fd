/// Business days: Monday to Friday, minus the user's holidays.
public struct BusinessCalendar: Sendable {
    let holidays: Set<Int>

    public init(holidays: [Day]) {
        self.holidays = Set(holidays.map(\.ordinal))
    }

    public func isBusinessDay(_ day: Day) -> Bool {
        !day.isWeekend && !holidays.contains(day.ordinal)
    }

    /// The day itself when it is a business day, else the next one ("moved to a business day").
    public func onOrAfter(_ day: Day) -> Day {
        var d = day
        // A year of holidays in a row would be absurd; the bound keeps odd settings from looping
        // (and the loop stops at the first business day, not after 400 looks).
        var steps = 0
        while !isBusinessDay(d), steps < 400 {
            d = d.adding(days: 1)
            steps += 1
        }
        return d
    }

    /// `count` business days after `day` (count ≥ 1).
    public func adding(businessDays count: Int, to day: Day) -> Day {
        var d = day
        var left = max(0, count)
        var guardSteps = 0
        while left > 0, guardSteps < 4000 {
            d = d.adding(days: 1)
            if isBusinessDay(d) { left -= 1 }
            guardSteps += 1
        }
        return d
    }

    /// `count` business days before `day`.
    public func subtracting(businessDays count: Int, from day: Day) -> Day {
        var d = day
        var left = max(0, count)
        var guardSteps = 0
        while left > 0, guardSteps < 4000 {
            d = d.adding(days: -1)
            if isBusinessDay(d) { left -= 1 }
            guardSteps += 1
        }
        return d
    }
}
