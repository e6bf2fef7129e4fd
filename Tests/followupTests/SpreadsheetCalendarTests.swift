import CSV
import Foundation
import JSON
import Testing

/// A spreadsheet written into the sandbox's folder, as bytes (a BOM, CR LF and all).
func sheet(_ s: Sandbox, _ text: String, bom: Bool = false, name: String = "applications.csv") -> String {
    let path = s.folder + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8))
    return path
}

func applications(_ s: Sandbox) -> [JSONValue] {
    s.run(["apps", "--all", "--json"]).json?["apps"]?.arrayValue ?? []
}

@Suite("import csv: applications from a spreadsheet")
struct ImportTests {
    static let messy = """
        Company,Position,Date Applied,Hiring Manager,Email,Phone,Status,Notes,Link,Location\r
        "Acme, Inc.",Staff Engineer,2026-03-01,Dr. Ana Cruz,ana@acme.example,+1 555 0100,Rejected,"They said ""no"", kindly\r
        and fast",https://acme.example/jobs/1,"Springfield, IL"\r
        Müller & Söhne,Entwickler,13/03/2026,José Núñez,,,Interviewing,,,\r
        ,No employer,2026-04-01,,,,,,,\r
        Initech,Developer,2026-02-30,,,,,,,\r
        Hooli,Engineer,2026-04-02,,not-an-address,,,,,\r
        日本電気,エンジニア,2026-04-03,,,,Offer,,,\r
        Globex,Analyst,2026-04-04,,,,Ghosted,,,\r
        Umbrella,Chemist,04/05/2026,,,,,,,\r

        """

    @Test("a BOM, quoted commas and quotes, a line break in a cell, unicode names: imported; unusable rows reported by line")
    func messySpreadsheet() throws {
        let s = Sandbox()
        let path = sheet(s, Self.messy, bom: true)
        let out = s.run(["import", "csv", path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("imported 4 applications"))
        let skipped = out.stderr.split(separator: "\n").filter { $0.contains("skipped") }.map(String.init)
        #expect(skipped.count == 4, "\(out.stderr)")
        #expect(skipped.contains { $0.hasPrefix(path + ":5: skipped: no employer") })
        #expect(skipped.contains { $0.hasPrefix(path + ":6: skipped: the date applied \"2026-02-30\"") })
        #expect(skipped.contains { $0.hasPrefix(path + ":7: skipped: \"not-an-address\" is not an e-mail address") })
        #expect(skipped.contains { $0.hasPrefix(path + ":10: skipped: the date applied \"04/05/2026\" could be day/month or month/day") })
        let apps = applications(s)
        let acme = try #require(apps.first { $0["employer"] == .string("Acme, Inc.") })
        #expect(acme["applied"] == .string("2026-03-01"))
        #expect(acme["status"] == .string("rejected"))
        #expect(apps.contains { $0["employer"] == .string("Müller & Söhne") && $0["applied"] == .string("2026-03-13") && $0["status"] == .string("active") })
        #expect(apps.contains { $0["employer"] == .string("日本電気") && $0["status"] == .string("offer") })
        #expect(apps.contains { $0["employer"] == .string("Globex") && $0["status"] == .string("closed") })
        let shown = s.run(["show", "Acme, Inc.", "--json"]).json?["app"]
        #expect(shown?["link"] == .string("https://acme.example/jobs/1"))
        #expect(shown?["location"] == .string("Springfield, IL"))
        let contact = shown?["contacts"]?.arrayValue?.first
        #expect(contact?["name"] == .string("Dr. Ana Cruz") && contact?["role"] == .string("hiring-manager") && contact?["phone"] == .string("+1 555 0100"))
        #expect(shown?["events"]?.arrayValue?.contains { $0["text"] == .string("They said \"no\", kindly\nand fast") } == true)
        // Last year's rejection asks for no closing thank-you now.
        let tasks = s.run(["agenda", "--json"]).json?["tasks"]?.arrayValue ?? []
        #expect(tasks.isEmpty, "\(tasks)")
    }

    @Test("a second import of the same file adds nothing; undo takes the import back as one change")
    func neverTwice() throws {
        let s = Sandbox()
        let path = sheet(s, Self.messy, bom: true)
        s.ok(["import", "csv", path])
        let before = s.bytes
        let again = s.run(["import", "csv", path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to import"))
        #expect(s.bytes == before)
        #expect(applications(s).count == 4)
        #expect(s.ok(["undo"]).contains("import 4 applications"))
        #expect(applications(s).isEmpty)
    }

    @Test("semicolons and tabs are read from the header line; --dry-run writes nothing")
    func separatorsAndDryRun() throws {
        let s = Sandbox()
        let semicolons = sheet(s, "Organization;Job;Applied;Recruiter;E-mail\n\"Acme, Inc\";Engineer;2026-01-05;Sam Ray;sam@acme.example\n\"Globex;Corp\";Analyst;;;\n", name: "a.csv")
        let dry = s.run(["import", "csv", semicolons, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would import 2 applications"))
        #expect(!FileManager.default.fileExists(atPath: s.file))
        s.ok(["import", "csv", semicolons])
        let apps = applications(s)
        #expect(apps.contains { $0["employer"] == .string("Acme, Inc") && $0["applied"] == .string("2026-01-05") })
        #expect(apps.contains { $0["employer"] == .string("Globex;Corp") && $0["role"] == .string("Analyst") })
        let tabs = sheet(s, "employer\trole\tstage\nHooli\tEngineer\tWithdrawn\n", name: "b.tsv")
        s.ok(["import", "csv", tabs])
        #expect(applications(s).contains { $0["employer"] == .string("Hooli") && $0["status"] == .string("withdrawn") })
    }

    @Test("a file that cannot be imported says why in one line, exit 2, nothing written")
    func unusable() throws {
        let s = Sandbox()
        for (text, words) in [("Name,Phone\nDana,1\n", "no column names the employer"), ("", "is empty"),
                              ("Company,Position\n,\n,x\n", "none of its 1 row")] {
            let path = sheet(s, text)
            let out = s.run(["import", "csv", path])
            #expect(out.status == 2, "\(text)")
            #expect(out.stderr.contains(words), "\(out.stderr)")
            #expect(!FileManager.default.fileExists(atPath: s.file))
        }
        let missing = s.run(["import", "csv", s.folder + "/nope.csv"])
        #expect(missing.status == 2 && missing.stderr.contains("does not exist"))
        _ = FileManager.default.createFile(atPath: s.folder + "/latin1.csv", contents: Data([0x43, 0x6F, 0x2C, 0x52, 0x0A, 0xE9, 0x2C, 0x78, 0x0A]))
        let latin = s.run(["import", "csv", s.folder + "/latin1.csv"])
        #expect(latin.status == 2 && latin.stderr.contains("not UTF-8"))
    }
}

@Suite("export csv: one row per application, read back by two parsers")
struct ExportCSVTests {
    @Test("every application has its row, one without events too; the library and Python's csv read the same cells")
    func rowPerApplication() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["app", "add", "--employer", "Globex, \"West\"", "--role", "Analyst\nnight shift", "--applied", "2026-11-02"])
        s.now = "2026-11-16T18:00"
        let text = s.ok(["export", "csv"]) + "\r\n"
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var rows: [[String: String]] = []
        let header = reader.headerRow ?? []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, row))) }
        #expect(rows.count == 2)
        let a = try #require(rows.first { $0["app"] == acme.app })
        #expect(a["contact"] == "Dana Lee" && a["email"] == "dana@acme.example" && a["phone"] == "+1 555 0100")
        #expect(a["decision_by"] == "2026-11-20" && a["strikes"] == "0" && a["max_strikes"] == "3")
        #expect(a["next_task"] == "take-stock" && a["next_due"] == "2026-11-16", "the first of the tasks, in agenda order")
        let g = try #require(rows.first { $0["employer"] == "Globex, \"West\"" })
        #expect(g["role"] == "Analyst\nnight shift" && g["applied"] == "2026-11-02" && g["stage"] == "applied")
        if pythonParsers {
            let path = s.folder + "/out.csv"
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            let out = Sandbox.exec(["python3", HostileExportTests.script, "csv", path], environment: [:], binary: "/usr/bin/env")
            let python = try JSONDecoder().decode([[String]].self, from: Data(out.stdout.utf8))
            #expect(python.count == 3)
            #expect(python[0] == header)
            #expect(python.contains { $0.contains("Analyst\nnight shift") && $0.contains("Globex, \"West\"") })
        }
    }

    @Test("what export csv writes, import csv reads back as the same applications")
    func roundTrip() throws {
        let s = Sandbox()
        _ = Acme(s)
        s.ok(["app", "add", "--employer", "Globex", "--role", "Analyst", "--applied", "2026-11-02"])
        let path = sheet(s, s.ok(["export", "csv"]) + "\r\n")
        let other = Sandbox()
        let out = other.run(["import", "csv", path])
        #expect(out.status == 0, "\(out.stderr)")
        let apps = applications(other)
        #expect(apps.count == 2)
        #expect(apps.contains { $0["employer"] == .string("Globex") && $0["applied"] == .string("2026-11-02") })
        // And into the file it came from: nothing new.
        #expect(s.ok(["import", "csv", path]).contains("nothing to import"))
    }
}

@Suite("export ics: a calendar that follows changes", .enabled(if: pythonParsers))
struct ExportICSTests {
    func read(_ s: Sandbox, _ path: String) throws -> JSONValue {
        let out = Sandbox.exec(["python3", HostileExportTests.script, "ics", path], environment: [:], binary: "/usr/bin/env")
        #expect(out.status == 0, "\(out.stderr)")
        return try JSONParser.parse(out.stdout)
    }

    @Test("interviews are events, open tasks to-dos with DUE and a reminder at a call's time; a rescheduled interview keeps its UID with a higher SEQUENCE; a cancelled one says so")
    func followsChanges() throws {
        let s = Sandbox()
        let acme = Acme(s)
        let next = s.ok(["interview", "add", "--app", acme.app, "--at", "2026-11-25T10:00", "--with", "Dana"])
        s.now = "2026-11-16T12:00"
        let first = s.folder + "/first.ics"
        s.ok(["export", "ics", "--output", first])
        let before = try read(s, first)
        let uid = next + "@followup"
        let seq = try #require(before["events"]?[uid]?["sequence"]?.intValue)
        #expect(before["events"]?[uid]?["status"] == .string("CONFIRMED"))
        let thanks = before["todos"]?.objectValue?.first { $0.key.hasPrefix("thank-you:") }
        #expect(thanks?.value["due"] == .string("2026-11-17T16:00:00+00:00"), "10:00 New York (15:00Z) + 1 h + 24 h")
        // The same data gives the same file: nothing for a calendar to update.
        s.now = "2026-11-16T12:30"
        let again = s.folder + "/again.ics"
        s.ok(["export", "ics", "--output", again])
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: again))

        s.now = "2026-11-17T09:00"
        s.ok(["interview", "edit", next, "--at", "2026-11-26T14:00"])
        let moved = try read(s, s.folder + "/moved.ics", writing: s)
        let seq2 = try #require(moved["events"]?[uid]?["sequence"]?.intValue)
        #expect(seq2 > seq)
        #expect(moved["events"]?[uid]?["start"] == .string("2026-11-26T19:00:00+00:00"))

        s.now = "2026-11-17T10:00"
        s.ok(["interview", "edit", next, "--cancelled"])
        let cancelled = try read(s, s.folder + "/cancelled.ics", writing: s)
        #expect(cancelled["events"]?[uid]?["status"] == .string("CANCELLED"))
        #expect(try #require(cancelled["events"]?[uid]?["sequence"]?.intValue) > seq2)

        // Dana may be called: the check-in is a call, with a reminder at 10:00 on its day.
        s.now = "2026-11-23T08:00"
        s.ok(["log", "thank-you", "--app", acme.app, "--contact", "Dana", "--at", "2026-11-16T18:00"])
        s.ok(["log", "thank-you", "--app", acme.app, "--contact", "Raj", "--at", "2026-11-16T18:00"])
        let calls = try read(s, s.folder + "/calls.ics", writing: s)
        let checkIn = try #require(calls["todos"]?.objectValue?.first { $0.key.hasPrefix("check-in:") }?.value)
        #expect(checkIn["alarms"]?.arrayValue?.first == .string("2026-11-23T15:00:00+00:00"), "\(checkIn)")
    }

    func read(_ s: Sandbox, _ path: String, writing: Sandbox) throws -> JSONValue {
        s.ok(["export", "ics", "--output", path])
        return try read(s, path)
    }

    @Test("--dir writes a vdir: one file per item, read by both parsers; a gone item's file is removed, an unchanged one not rewritten")
    func vdir() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.now = "2026-11-16T12:00"
        let dir = s.folder + "/calendar"
        let out = s.run(["export", "ics", "--dir", dir])
        #expect(out.status == 0, "\(out.stderr)")
        let ics = s.ok(["export", "ics"])
        let items = ics.components(separatedBy: "BEGIN:VEVENT").count - 1 + ics.components(separatedBy: "BEGIN:VTODO").count - 1
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files.count == items && items >= 4, "\(files)")
        #expect(files.contains(acme.interview + "@followup.ics"))
        let parsed = try read(s, dir)
        let perFile = parsed["files"]?.objectValue ?? [:]
        #expect(perFile.count == files.count && perFile.values.allSatisfy { $0.arrayValue?.count == 1 })
        let stamp = FileStamp(dir + "/" + acme.interview + "@followup.ics")
        s.ok(["log", "thank-you", "--app", acme.app, "--contact", "Raj"])
        #expect(s.run(["export", "ics", "--dir", dir]).status == 0)
        let after = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(after.count == files.count - 1, "Raj's thank-you is done: its file goes")
        #expect(FileStamp(dir + "/" + acme.interview + "@followup.ics") == stamp, "the interview did not change: its file is left alone")
    }
}

/// Enough of a file's identity to see that it was rewritten.
struct FileStamp: Equatable {
    let inode: UInt64
    let modified: Int

    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        inode = UInt64(st.st_ino)
        modified = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
    }
}
