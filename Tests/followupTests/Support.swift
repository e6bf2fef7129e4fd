import Foundation
import JSON
import Testing

/// The built `followup` binary, beside this test bundle.
let followupBinary: String = {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: me).deletingLastPathComponent()
    // The bundle may sit inside a .xctest folder.
    for _ in 0..<3 {
        let candidate = dir.appendingPathComponent("followup").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return "followup"
}()

struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
    var json: JSONValue? { try? JSONParser.parse(stdout) }
}

/// A data file in a fresh folder, and a way to run followup on it at a fixed time.
final class Sandbox {
    let folder: String
    let file: String
    var now = "2026-11-16T09:00"
    var zone = "America/New_York"

    init() {
        folder = FileManager.default.temporaryDirectory.path + "/followup-cli-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        file = folder + "/followup.json"
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:], withFile: Bool = true) -> Output {
        var args = arguments
        if withFile { args += ["--file", file, "--now", now] }
        return Sandbox.exec(args, environment: ["TZ": zone, "HOME": folder, "NO_COLOR": "1"].merging(extra) { $1 })
    }

    /// Runs with a terminal (a pseudo-terminal from util-linux's `script`), as a person at the
    /// keyboard would. The terminal carries stdout and stderr together: both fields hold it.
    func runInTerminal(_ arguments: [String], environment extra: [String: String] = [:]) -> Output {
        let words = [followupBinary] + arguments + ["--file", file, "--now", now]
        let command = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        var out = Sandbox.exec(["-qec", command, "/dev/null"], environment: ["TZ": zone, "HOME": folder, "NO_COLOR": "1"].merging(extra) { $1 },
                               binary: "/usr/bin/script")
        out.stderr = out.stdout
        return out
    }

    /// Runs and expects success; returns stdout without the trailing newline.
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let out = run(arguments)
        #expect(out.status == 0, "followup \(arguments.joined(separator: " ")) failed: \(out.stderr)", sourceLocation: sourceLocation)
        return out.stdout.trimmingCharacters(in: .newlines)
    }

    var bytes: Data? { FileManager.default.contents(atPath: file) }

    /// Another program's edit in place: the first `old` in the data file overwritten by `new` of
    /// the same length (the same inode and size; only the change time moves on).
    func overwriteInPlace(_ old: String, with new: String) throws {
        precondition(old.utf8.count == new.utf8.count)
        guard let data = bytes, let at = data.range(of: Data(old.utf8))?.lowerBound,
              let handle = FileHandle(forUpdatingAtPath: file) else { throw CocoaError(.fileNoSuchFile) }
        try handle.seek(toOffset: UInt64(at))
        try handle.write(contentsOf: Data(new.utf8))
        try handle.close()
    }

    static func exec(_ arguments: [String], environment: [String: String], binary: String = followupBinary, dropping: [String] = []) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["FOLLOWUP_FILE", "FOLLOWUP_NOW", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "NO_COLOR"] { env[key] = nil }
        // Never the real home: the undo history would land in its state folder.
        env["HOME"] = FileManager.default.temporaryDirectory.path + "/followup-tests-home"
        env.merge(environment) { $1 }
        for key in dropping { env[key] = nil }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return Output(status: -1, stdout: "", stderr: "\(error)") }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// A small scenario most tests start from: Acme with a hiring manager who may be called, and an
/// interview on Monday 16 November 2026 with two interviewers.
struct Acme {
    let app: String
    let dana: String
    let raj: String
    let interview: String

    init(_ s: Sandbox, decisionBy: String? = "2026-11-20") {
        s.now = "2026-11-16T08:00"
        var add = ["app", "add", "--employer", "Acme Corp", "--role", "Staff Engineer"]
        if let decisionBy { add += ["--decision-by", decisionBy] }
        app = s.ok(add)
        dana = s.ok(["contact", "add", "--app", app, "--name", "Dana Lee", "--role", "hiring-manager",
                     "--email", "dana@acme.example", "--phone", "+1 555 0100", "--may-call"])
        raj = s.ok(["contact", "add", "--app", "acme", "--name", "Raj Patel", "--role", "interviewer", "--email", "raj@acme.example"])
        interview = s.ok(["interview", "add", "--app", "Acme Corp", "--at", "2026-11-16T10:00", "--with", "Dana", "--with", raj])
    }
}
