import ArgumentParser
import CSV
import Foundation
import FollowUpActions
import FollowUpCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring in applications from a spreadsheet (CSV); never the same one twice.",
        discussion: """
        The first row names the columns; these are recognised, in any case and order: \
        Company/Employer/Organization, Position/Role/Title/Job, Date Applied/Applied, \
        Contact/Recruiter/Hiring Manager, Email, Phone, Status/Stage, Notes, Link/URL, Location. \
        Cells may be separated by commas, semicolons or tabs (read from the header line); quoted \
        cells may hold commas, quotes and line breaks; a byte order mark is skipped.

        An application already in the file (the same employer and role) is left as it is, so a \
        second import of the same file adds nothing. A status such as Rejected, Offer, Withdrawn \
        or Closed sets where the application stands as of the import, without tasks for the past. \
        Rows that cannot be used are listed with their line number and why. The whole import is \
        one change: followup undo takes it back.

        Example:
          followup import csv applications.csv --dry-run
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv }

    @OptionGroup var common: CommonOptions
    @Argument(help: "The file's format: csv.") var format: Format
    @Argument(help: ArgumentHelp("The spreadsheet, saved as CSV (UTF-8).", valueName: "file"), completion: .file(extensions: ["csv", "tsv", "txt"]))
    var path: String
    @Flag(name: .customLong("dry-run"), help: "Say what would be imported; write nothing.") var dryRun = false

    func run() throws {
        let ctx = try common.context()
        let sheet = try SpreadsheetFile.read(path)
        let (rows, skipped) = try sheet.applications(name: path)
        if rows.isEmpty {
            if skipped.isEmpty { throw UserError("\(path) has no rows below its header: nothing to import") }
            // One line: the first reasons, by line.
            let reasons = skipped.prefix(3).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ")
            let more = skipped.count > 3 ? "; and \(skipped.count - 3) more" : ""
            throw UserError("\(path): none of its \(skipped.count) row\(skipped.count == 1 ? "" : "s") could be used, nothing was imported (\(reasons)\(more))")
        }
        for s in skipped { printError("\(path):\(s.line): skipped: \(s.reason)") }
        let data = try ctx.load(quiet: true)
        let (new, present) = Spreadsheet.plan(rows, against: data)
        for (row, id) in present {
            output("\(path):\(row.line): already there: \(row.employer) — \(row.role) (\(id))")
        }
        let skippedNote = skipped.isEmpty ? "" : "; \(skipped.count) row\(skipped.count == 1 ? "" : "s") skipped"
        if dryRun {
            for row in new {
                let status = row.status == .active ? "" : " [\(row.status.rawValue)]"
                output("\(path):\(row.line): would import: \(row.employer) — \(row.role)\(status)")
            }
            output("would import \(new.count) application\(new.count == 1 ? "" : "s") (\(present.count) already there\(skippedNote)); nothing was written")
            return
        }
        guard !new.isEmpty else {
            output("nothing to import: all \(present.count) already there\(skippedNote)")
            return
        }
        let applied = try ctx.apply(.importRows(rows)).value
        output("imported \(applied.ids.count) application\(applied.ids.count == 1 ? "" : "s") (\(present.count) already there\(skippedNote)); followup undo takes it back")
    }
}

/// A spreadsheet saved as CSV: its header and rows, each row with the line it starts on.
struct SpreadsheetFile {
    var header: [String]
    var rows: [(line: Int, cells: [String])]

    static func read(_ path: String) throws -> SpreadsheetFile {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                throw UserError(isFolder.boolValue ? "\(path) is a folder, not a spreadsheet" : "\(path) cannot be read (permissions?)")
            }
            throw UserError("\(path) does not exist")
        }
        guard var text = String(bytes: bytes, encoding: .utf8) else {
            throw UserError("\(path) is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")
        }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return try parse(text, name: path)
    }

    /// The cells of `text`, split on the separator its header line uses most: `,` `;` or TAB.
    static func parse(_ text: String, name: String) throws -> SpreadsheetFile {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw UserError("\(name) is empty: the first row must name the columns (Company, Position, …)")
        }
        let delimiter = sniff(text)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
        } catch {
            throw UserError("\(name) cannot be read as CSV: " + "\(error)".split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        guard let header = reader.headerRow, header.contains(where: { $0.nonBlank != nil }) else {
            throw UserError("\(name) is empty: the first row must name the columns (Company, Position, …)")
        }
        var line = 1 + breaks(in: header)
        var rows: [(Int, [String])] = []
        while let cells = reader.next() {
            line += 1
            let start = line
            line += breaks(in: cells)
            if cells.allSatisfy({ $0.nonBlank == nil }) { continue }
            rows.append((start, cells))
        }
        if let error = reader.error { throw UserError("\(name) cannot be read as CSV after line \(line): " + "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")) }
        return SpreadsheetFile(header: header, rows: rows)
    }

    /// Line breaks inside a row's cells: a CR LF pair is one.
    static func breaks(in cells: [String]) -> Int {
        var n = 0
        for cell in cells {
            var previousCR = false
            for scalar in cell.unicodeScalars {
                if scalar == "\r" || (scalar == "\n" && !previousCR) { n += 1 }
                previousCR = scalar == "\r"
            }
        }
        return n
    }

    /// The separator of the header line (outside quotes): the most frequent of `,` `;` and TAB.
    static func sniff(_ text: String) -> UnicodeScalar {
        var counts: [UnicodeScalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if !quoted && (scalar == "\n" || scalar == "\r") { break }
            if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }
        return best.map { $0.value > 0 ? $0.key : "," } ?? ","
    }

    /// The rows as applications, and those that cannot be, with why.
    func applications(name: String) throws -> ([ImportedApplication], [SkippedRow]) {
        let columns = Spreadsheet.columns(header)
        guard columns[.employer] != nil else {
            throw UserError("\(name): no column names the employer (Company, Employer or Organization); the header is: "
                            + header.joined(separator: ", "))
        }
        guard columns[.role] != nil else {
            throw UserError("\(name): no column names the role (Position, Role, Title or Job); the header is: " + header.joined(separator: ", "))
        }
        var good: [ImportedApplication] = []
        var bad: [SkippedRow] = []
        var seen: [String: Int] = [:]
        for (line, cells) in rows {
            switch Spreadsheet.application(cells, line: line, columns: columns) {
            case let .success(row):
                if let first = seen[row.key] {
                    bad.append(SkippedRow(line: line, reason: "the same employer and role as line \(first)"))
                } else {
                    seen[row.key] = line
                    good.append(row)
                }
            case let .failure(skip):
                bad.append(skip)
            }
        }
        return (good, bad)
    }
}
