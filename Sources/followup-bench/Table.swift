import ArgumentParser
import Foundation
import JSON

struct Table: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the benchmark table from the results scripts/bench left in a folder.",
        discussion: """
            DIR holds one folder per N (its name is N) with phases.json (from `phases --json`), \
            any number of hyperfine-*.json (rounds of `hyperfine --export-json`, commands named with \
            -n; times of the same name are pooled before the median) and rss.txt (lines "NAME<TAB>KB"). \
            Missing measurements print as –.
            """)

    @Argument(help: ArgumentHelp("The results folder.", valueName: "dir")) var dir: String

    struct Column {
        var n: Int
        var phases: [String: JSONValue] = [:]
        var medians: [String: Double] = [:]
        var processTimes: [String: [Double]] = [:]
        var rssKB: [String: Double] = [:]
    }

    func run() throws {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: dir) else { throw BenchError("cannot read the folder \(dir)") }
        let names = entries.compactMap { Int($0) }.sorted()
        guard !names.isEmpty else { throw BenchError("no results in \(dir)") }
        var columns: [Column] = []
        for n in names {
            let folder = dir + "/\(n)"
            var column = Column(n: n)
            if let bytes = fm.contents(atPath: folder + "/phases.json"), let object = try? JSONParser.parse([UInt8](bytes)).objectValue {
                column.phases = object
                for (key, value) in object["medianMs"]?.objectValue ?? [:] { column.medians[key] = value.doubleValue }
            }
            for file in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() where file.hasPrefix("hyperfine") && file.hasSuffix(".json") {
                guard let bytes = fm.contents(atPath: folder + "/" + file),
                      let results = try? JSONParser.parse([UInt8](bytes))["results"]?.arrayValue else { continue }
                for result in results {
                    guard let command = result["command"]?.stringValue else { continue }
                    let times = (result["times"]?.arrayValue ?? []).compactMap(\.doubleValue).map { $0 * 1000 }
                    column.processTimes[command, default: []] += times
                }
            }
            if let text = try? String(contentsOfFile: folder + "/rss.txt", encoding: .utf8) {
                for line in text.split(separator: "\n") {
                    let parts = line.split(separator: "\t")
                    if parts.count == 2, let kb = Double(parts[1].trimmingCharacters(in: .whitespaces)) {
                        column.rssKB[String(parts[0])] = kb
                    }
                }
            }
            columns.append(column)
        }
        print(Table.render(columns))
    }

    static func render(_ columns: [Column]) -> String {
        var rows: [[String]] = []
        func row(_ label: String, _ cell: (Column) -> String) { rows.append([label] + columns.map(cell)) }
        func section(_ label: String) { rows.append(["**" + label + "**"] + columns.map { _ in "" }) }
        func process(_ c: Column, _ name: String) -> Double? {
            c.processTimes[name].flatMap { $0.isEmpty ? nil : median($0) }
        }

        row("file size") { c in c.phases["bytes"]?.intValue.map { mb(Double($0)) } ?? "–" }
        row("contacts · interviews · events") { c in
            let parts = ["contacts", "interviews", "events"].compactMap { c.phases[$0]?.intValue }
            return parts.count == 3 ? parts.map(grouped).joined(separator: " · ") : "–"
        }
        row("tasks shown (not snoozed or dismissed)") { c in c.phases["tasks"]?.intValue.map(grouped) ?? "–" }
        section("in process, ms (median)")
        for name in Phases.names {
            row("  " + (Phases.labels[name] ?? name)) { c in c.medians[name].map(ms) ?? "–" }
        }
        section("whole process, ms (median)")
        let followup = [
            "followup agenda --json", "followup agenda --json, first read after a change",
            "followup agenda --json, first read after a hand edit", "followup strikes --json",
            "followup apps --json", "followup agenda --count", "followup log",
        ]
        for name in followup + ["task next", "task export"] {
            row("  " + name) { c in process(c, name).map(ms) ?? "–" }
        }
        for name in followup {
            row("  " + name.replacingOccurrences(of: " --json", with: "") + " ÷ task next") { c in
                guard let a = process(c, name), let b = process(c, "task next") else { return "–" }
                return String(format: "%.2f×", a / b)
            }
        }
        section("peak memory (max RSS)")
        for name in ["followup agenda --json", "followup agenda --json, first read after a change", "followup log", "task next"] {
            row("  " + name) { c in c.rssKB[name].map { mb($0 * 1024) } ?? "–" }
        }
        for name in ["followup agenda --json", "followup agenda --json, first read after a change", "followup log"] {
            row("  " + name + " ÷ file size") { c in
                guard let kb = c.rssKB[name], let size = c.phases["bytes"]?.intValue, size > 0 else { return "–" }
                return String(format: "%.1f×", kb * 1024 / Double(size))
            }
        }

        let header = ["N applications"] + columns.map { grouped($0.n) }
        let widths = (0..<header.count).map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: max(0, widths[i] - cell.count)) + cell
            }.joined(separator: " | ") + " |"
        }
        var out = [line(header)]
        out.append("|" + widths.enumerated().map { i, w in i == 0 ? String(repeating: "-", count: w + 2) : String(repeating: "-", count: w + 1) + ":" }.joined(separator: "|") + "|")
        out += rows.map(line)

        // How many samples stand behind each median, so a reader can judge the noise.
        let phaseRuns = columns.map { $0.phases["runs"]?.intValue.map(String.init) ?? "–" }.joined(separator: " / ")
        let processRuns = columns.map { c in
            (c.processTimes["followup agenda --json"]?.count).map(String.init) ?? "–"
        }.joined(separator: " / ")
        let logRuns = columns.map { c in
            (c.processTimes["followup log"]?.count).map(String.init) ?? "–"
        }.joined(separator: " / ")
        out.append("")
        out.append("Runs per median (N = \(columns.map { grouped($0.n) }.joined(separator: " / "))): in process \(phaseRuns); whole process \(processRuns); one log \(logRuns).")
        return out.joined(separator: "\n")
    }

    /// Milliseconds with as many decimals as the size deserves.
    static func ms(_ value: Double) -> String {
        if value.isNaN { return "–" }
        if value < 1 { return String(format: "%.3f", value) }
        if value < 10 { return String(format: "%.2f", value) }
        if value < 100 { return String(format: "%.1f", value) }
        return grouped(Int(value.rounded()))
    }

    static func mb(_ bytes: Double) -> String {
        let m = bytes / 1_000_000
        return m < 10 ? String(format: "%.2f MB", m) : String(format: "%.1f MB", m)
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
