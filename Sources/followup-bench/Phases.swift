import ArgumentParser
import Foundation
import FollowUpActions
import FollowUpCore
import FollowUpStore
import FollowUpUI
import JSON

struct Phases: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time each phase of a load, a schedule and a save, in process, through the public APIs.",
        discussion: """
            Phases: read the bytes, decode them into the model, schedule (the rules engine), encode \
            the canonical form, the tree way of reading (parse the JSON, map it to the model: what \
            reads a file the byte decoder gives up on), and one change through the write path (lock, re-read, append a \
            note event, encode, durable save) on a temporary copy. Prints medians in milliseconds.
            """)

    @Option(help: ArgumentHelp("The data file to read (never written).", valueName: "path")) var file: String
    @Option(help: "How many timed runs; the first untimed run warms caches.") var runs = 10
    @Option(help: ArgumentHelp("The local time to schedule at, YYYY-MM-DDTHH:MM (in TZ).", valueName: "datetime"))
    var now = "2026-11-24T09:00"
    @Flag(help: "Print one JSON object (what `followup-bench table` reads).") var json = false

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be 1 or more") }
    }

    static let names = ["read", "decode", "schedule", "loadAndSchedule", "encode", "parse", "map", "writePath", "frame", "keypress", "done", "reload"]

    func run() throws {
        let zone = Zone(TimeZone.current)
        let instant = try parseNow(now, zone: zone)
        let source = DataFile(path: file)
        guard let original = try source.readBytes() else { throw BenchError("\(file) does not exist") }

        // The write path runs on a copy in a folder of its own, beside nothing the user owns.
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let copy = DataFile(path: scratch.path + "/followup.json")
        try writeFile(copy.path, original)

        var samples: [String: [Double]] = [:]
        var counts: Counts?
        var tasks = 0
        for run in 0...runs {
            var t = Stopwatch()
            guard let bytes = try source.readBytes() else { throw BenchError("\(file) disappeared") }
            let read = t.lap()
            guard let data = ByteDecoder.decode(bytes) else { throw BenchError("\(file) is not read straight from its bytes") }
            let decode = t.lap()
            let agenda = Rules.schedule(data, zone: zone, now: instant)
            let schedule = t.lap()
            let encoded = DataFile.encode(data)
            let encode = t.lap()
            // The tree way, which reads a file the byte decoder gives up on (and explains errors).
            let root = try JSONParser.parse(bytes)
            let parse = t.lap()
            _ = try DataCodec.decode(root)
            let map = t.lap()

            // The dashboard: a first frame at 120×40, then a keypress (j) and the frame after it.
            var f = Stopwatch()
            // The state holds the data alone, as the dashboard's does (a change is then made where it lies).
            let runCounts = Counts(data)
            let visibleTasks = agenda.visible.count
            var state = DashboardState(data: consume data, agenda: consume agenda, zone: zone, now: instant, fileLabel: file, rows: 40, columns: 120)
            let firstFrame = state.render()
            let frame = f.lap()
            _ = state.update(.down)
            let nextFrame = state.render()
            let keypress = f.lap()
            if firstFrame.changedRows(since: nextFrame).isEmpty, state.agenda.visible.count > 1 {
                throw BenchError("the keypress changed nothing on screen")
            }

            // d on a task to the new frame, as the dashboard does it: the change applied in
            // memory and drawn (the durable save runs off the input path, measured below).
            var d = Stopwatch()
            var done = 0.0
            for effect in state.update(.done) {
                guard case let .apply(change) = effect else { continue }
                // Taken out of the state, so that the change is made where it lies.
                var shown = state.data
                state.takeData()
                _ = try? Actions.apply(change, to: &shown, at: instant, zone: zone, taken: &state.takenIDs)
                // As the dashboard does: a task's change reschedules its employer only.
                if let app = change.taskApp {
                    _ = state.update(.changed(shown, employerOf: app, now: instant))
                } else {
                    _ = state.update(.loaded(shown, now: instant))
                }
                _ = state.render()
                done = d.lap()
            }

            // Another process changed the file: the dashboard reads it again and works out its
            // agenda off the input path (as SaveQueue does), and the key loop only takes the
            // result in and draws it. That step is the longest a key waits meanwhile.
            let reread = try DataCodec.decode(try JSONParser.parse(bytes))
            let reagenda = Rules.schedule(reread, zone: zone, now: instant)
            let retaken = TakenIDs(reread)
            // The copy it replaces is let go off the input path too (the dashboard hands it to
            // the save queue): here, after the timing.
            let leftovers = (state.data, state.takenIDs, state.agenda)
            var k = Stopwatch()
            _ = state.update(.scheduled(consume reread, consume reagenda, consume retaken, now: instant))
            _ = state.render()
            let reload = k.lap()
            withExtendedLifetime(leftovers) {}

            var w = Stopwatch()
            let committed = try copy.transaction(today: zone.day(of: instant)) { (data: inout FollowUpData) in
                guard !data.applications.isEmpty else { return }
                data.applications[0].events.append(Event(
                    id: "note-bench\(run)", kind: .note, at: instant, text: "Timed save \(run)."))
            }
            let writePath = w.lap()
            guard committed.wrote || runCounts.apps == 0 else {
                throw BenchError("the write path did not write; the save was not measured")
            }

            if encoded.isEmpty || bytes.isEmpty { throw BenchError("nothing was read or encoded") }
            if run == 0 {
                counts = runCounts
                tasks = visibleTasks
                continue
            }
            for (name, value) in zip(Phases.names, [read, decode, schedule, read + decode + schedule, encode, parse, map, writePath, frame, keypress, done, reload]) {
                samples[name, default: []].append(value)
            }
        }

        let medians = Phases.names.map { ($0, median(samples[$0] ?? [])) }
        if json {
            var object: [String: JSONValue] = [
                "file": .string(file), "bytes": .int(original.count), "runs": .int(runs), "tasks": .int(tasks),
                "medianMs": .object(Dictionary(uniqueKeysWithValues: medians.map { ($0.0, JSONValue.number(String(format: "%.4f", $0.1))) })),
            ]
            if let c = counts {
                object["apps"] = .int(c.apps)
                object["contacts"] = .int(c.contacts)
                object["interviews"] = .int(c.interviews)
                object["events"] = .int(c.events)
            }
            print(JSONWriter.canonicalString(.object(object)), terminator: "")
            return
        }
        print("\(file): \(original.count) bytes, \(counts?.summary ?? ""), \(tasks) visible tasks")
        print("median of \(runs) run\(runs == 1 ? "" : "s"), ms:")
        for (name, value) in medians {
            print("  " + (Phases.labels[name] ?? name).padding(toLength: 34, withPad: " ", startingAt: 0) + Table.ms(value))
        }
    }

    static let labels = [
        "read": "read bytes", "decode": "decode (bytes → model)", "schedule": "schedule (rules engine)",
        "parse": "tree way: JSON parse", "map": "tree way: map to the model",
        "loadAndSchedule": "read → schedule, total", "encode": "encode (canonical)",
        "writePath": "one change through the write path",
        "frame": "dashboard: first frame, 120×40", "keypress": "dashboard: keypress (j) to frame",
        "done": "dashboard: d to the new frame",
        "reload": "dashboard: key wait, other writer",
    ]
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Elapsed milliseconds on the monotonic clock, lap by lap.
struct Stopwatch {
    private var last = Stopwatch.nanoseconds()

    static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Milliseconds since the previous lap (or the start).
    mutating func lap() -> Double {
        let t = Stopwatch.nanoseconds()
        defer { last = t }
        return Double(t - last) / 1_000_000
    }
}

/// A temporary folder (0700) removed with everything in it.
struct ScratchFolder {
    let path: String

    init() throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/followup-bench.XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else {
            throw BenchError("cannot make a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        path = made
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
