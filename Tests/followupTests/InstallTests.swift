import Foundation
import Testing

/// The package's folder, from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The manual page as generate-manual wrote it (scripts/test makes it before the tests run).
let generatedManual = packageRoot + "/.build/plugins/GenerateManual/outputs/followup/followup.1"

let canInstall = FileManager.default.fileExists(atPath: generatedManual) && FileManager.default.isExecutableFile(atPath: "/usr/bin/man")

@Suite("scripts/install", .enabled(if: canInstall))
struct InstallTests {
    @Test("into a temporary prefix: the binary says its version, man -l renders the page with ENVIRONMENT, FILES and EXIT STATUS, the completions are where each shell looks")
    func install() throws {
        let s = Sandbox()
        let prefix = s.folder + "/prefix"
        let out = Sandbox.exec([packageRoot + "/scripts/install", prefix],
                               environment: ["FOLLOWUP_BINARY": followupBinary, "FOLLOWUP_MANUAL": generatedManual], binary: "/usr/bin/env")
        #expect(out.status == 0, "\(out.stderr)")
        let installed = Sandbox.exec(["--version"], environment: [:], binary: prefix + "/bin/followup")
        #expect(installed.stdout == "followup 0.1.0\n")
        let page = Sandbox.exec(["man", "-l", prefix + "/share/man/man1/followup.1"], environment: ["MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat"],
                                binary: "/usr/bin/env")
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stderr.isEmpty, "\(page.stderr)")
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "ENVIRONMENT", "FILES", "EXIT STATUS"] {
            #expect(page.stdout.contains("\n" + section + "\n"), "\(section)")
        }
        #expect(page.stdout.contains("FOLLOWUP_FILE") && page.stdout.contains("templates/NAME.mustache"))
        #expect(page.stdout.contains("import") && page.stdout.contains("draft"))
        for (path, marker) in [("share/bash-completion/completions/followup", "complete"), ("share/zsh/site-functions/_followup", "#compdef followup"),
                               ("share/fish/vendor_completions.d/followup.fish", "complete -c 'followup'")] {
            let text = String(decoding: FileManager.default.contents(atPath: prefix + "/" + path) ?? Data(), as: UTF8.self)
            #expect(text.contains(marker), "\(path)")
        }
    }
}
