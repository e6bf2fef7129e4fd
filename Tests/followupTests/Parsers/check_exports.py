"""Reads followup's exports with real parsers: Python's csv module, and the icalendar (lenient)
and ical (strict) packages. Prints what the test compares; exits non-zero when a parser refuses."""
import csv
import io
import json
import sys

kind, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if kind == "csv":
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    print(json.dumps(rows))
else:
    import icalendar
    from ical.calendar_stream import IcsCalendarStream
    cal = icalendar.Calendar.from_ical(data)
    lenient = [str(c.get("DESCRIPTION", "")) for c in cal.walk("VEVENT")]
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    print(json.dumps({"lenient": lenient, "strict": len(strict.events)}))
