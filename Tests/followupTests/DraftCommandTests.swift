import Foundation
import Testing

@Suite("followup draft: drafts from templates, from a shell")
struct DraftCommandTests {
    func thankYouTask(_ s: Sandbox, _ acme: Acme, contact: String) -> String {
        s.now = "2026-11-16T18:00"
        let tasks = s.run(["agenda", "--json"]).json?["tasks"]?.arrayValue ?? []
        return tasks.first { $0["kind"] == .string("thank-you") && $0["contact"] == .string(contact) }?["id"]?.stringValue ?? "none"
    }

    @Test("prints the draft; a user's template replaces the built-in one; a broken one is named with its line, and the built-in one is used")
    func templates() throws {
        let s = Sandbox()
        let acme = Acme(s)
        s.ok(["contact", "edit", acme.dana, "--name", "Dr. Dana Lee"])
        let task = thankYouTask(s, acme, contact: acme.dana)
        let builtIn = s.run(["draft", task])
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        #expect(builtIn.stdout.hasPrefix("To: dana@acme.example\n"))
        #expect(builtIn.stdout.contains("Dear Dr. Lee,"))
        #expect(builtIn.stderr.isEmpty)

        let config = s.folder + "/config"
        let templates = config + "/followup/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: templates + "/thank-you.mustache", contents: Data("Hello {{greeting}} at {{employer}} <{{to}}>\n".utf8))
        let mine = s.run(["draft", task], environment: ["XDG_CONFIG_HOME": config])
        #expect(mine.stdout == "Hello Dr. Lee at Acme Corp <dana@acme.example>\n")

        _ = FileManager.default.createFile(atPath: templates + "/thank-you.mustache", contents: Data("Hello {{greeting}}\n\n{{#variant1}}\nx\n".utf8))
        let broken = s.run(["draft", task], environment: ["XDG_CONFIG_HOME": config])
        #expect(broken.status == 0)
        #expect(broken.stdout == builtIn.stdout)
        let lines = broken.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(templates + "/thank-you.mustache:") && lines[0].contains("built-in"), "\(broken.stderr)")

        let template = s.run(["draft", "--template", "check-in-email"])
        #expect(template.stdout.contains("Dear {{greeting}},"))
    }

    @Test("an unknown task or template is one line, exit 2")
    func unknown() {
        let s = Sandbox()
        _ = Acme(s)
        for args in [["draft", "thank-you:nope"], ["draft", "--template", "nope"], ["draft"]] {
            let out = s.run(args)
            #expect(out.status == 2, "\(args)")
            #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr)")
        }
    }
}
