"""Reads followup's exports with real parsers: Python's csv module, and the icalendar (lenient)
and ical (strict) packages. Prints what the test compares; exits non-zero when a parser refuses.
For a folder (a vdir), reads every .ics in it with both parsers."""
import csv
import io
import json
import os
import sys

kind, path = sys.argv[1], sys.argv[2]


def read_ics(data):
    import icalendar
    from ical.calendar_stream import IcsCalendarStream
    cal = icalendar.Calendar.from_ical(data)
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    events = {}
    for c in cal.walk("VEVENT"):
        events[str(c["UID"])] = {"sequence": int(c.get("SEQUENCE", 0)), "status": str(c.get("STATUS", "")),
                                 "start": c.decoded("DTSTART").isoformat(), "description": str(c.get("DESCRIPTION", ""))}
    todos = {}
    for c in cal.walk("VTODO"):
        alarms = [a.decoded("TRIGGER").isoformat() for a in c.walk("VALARM")]
        todos[str(c["UID"])] = {"sequence": int(c.get("SEQUENCE", 0)), "due": c.decoded("DUE").isoformat(), "alarms": alarms}
    # The strict parser must agree on what is there.
    strict_events = {e.uid: e.sequence or 0 for e in strict.events}
    strict_todos = {t.uid: t.sequence or 0 for t in strict.todos}
    assert strict_events == {u: v["sequence"] for u, v in events.items()}, (strict_events, events)
    assert strict_todos == {u: v["sequence"] for u, v in todos.items()}, (strict_todos, todos)
    return events, todos


if kind == "csv":
    data = open(path, "rb").read()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    print(json.dumps(rows))
elif os.path.isdir(path):
    out = {"files": {}}
    for name in sorted(os.listdir(path)):
        events, todos = read_ics(open(os.path.join(path, name), "rb").read())
        out["files"][name] = sorted(events) + sorted(todos)
    print(json.dumps(out))
else:
    events, todos = read_ics(open(path, "rb").read())
    print(json.dumps({"lenient": [e["description"] for e in events.values()], "strict": len(events),
                      "events": events, "todos": todos}))
