import Foundation
import JSON
import Testing

/// Every corpus file is parsed by both our parser and Foundation's `JSONSerialization`;
/// they must agree on whether it is JSON and, if so, on its value.
@Suite("RFC 8259 corpus")
struct CorpusTests {
    /// Files that RFC 8259 forbids but `JSONSerialization` on Linux (swift-corelibs-foundation)
    /// accepts anyway. We follow the RFC: a trailing comma is not JSON, and accepting it would
    /// let hand-edited data files drift into a dialect other tools reject.
    static let foundationIsLenientAbout: Set<String> = [
        "invalid/trailing_comma_array.json",
        "invalid/trailing_comma_object.json",
    ]

    @Test("valid files parse to the same value as JSONSerialization", arguments: Corpus.files("valid"))
    func validFile(_ path: String) throws {
        let bytes = try Corpus.bytes(path)
        let ours = try JSONParser.parse(bytes)
        let theirs = try foundationParse(bytes)
        #expect(mismatch(ours, theirs) == nil)

        let canonical = JSONWriter.canonical(ours)
        #expect(try JSONParser.parse(canonical) == ours)
        #expect(JSONWriter.canonical(try JSONParser.parse(canonical)) == canonical)
    }

    @Test("invalid files are rejected, as JSONSerialization rejects them", arguments: Corpus.files("invalid"))
    func invalidFile(_ path: String) throws {
        let bytes = try Corpus.bytes(path)
        let error = try #require(parseError(bytes))
        #expect(error.offset >= 0 && error.offset <= bytes.count)
        #expect(error.line >= 1 && error.column >= 1)
        #expect(!error.message.isEmpty)

        if !Self.foundationIsLenientAbout.contains(path) {
            #expect(throws: (any Error).self) { try foundationParse(bytes) }
        }
    }

    /// Objects that name a key twice are rejected. JSONSerialization keeps the last member and
    /// drops the others silently; for a data file that is rewritten on every save, that would
    /// turn a merge mistake into lost records. Keys equal as Swift strings (an escaped "\u0061"
    /// and "a", or canonically equivalent "é" and "e\u{301}") are the same dictionary key, so
    /// they are duplicates too — Foundation merges those as well.
    @Test("duplicate keys are rejected (deliberate divergence)", arguments: Corpus.files("ours-only/rejected"))
    func duplicateKeys(_ path: String) throws {
        let error = try #require(parseError(try Corpus.bytes(path)))
        #expect(error.message.hasPrefix("duplicate key "))
    }

    /// RFC 8259 §6 allows any number of exponent digits and leaves range limits to the
    /// implementation. We keep the literal text, so out-of-range numbers are accepted and written
    /// back unchanged, while JSONSerialization refuses the whole document ("not representable").
    /// Such numbers read as nil through `doubleValue` rather than as infinity.
    @Test("numbers beyond Double's range are kept (deliberate divergence)", arguments: Corpus.files("ours-only/accepted"))
    func numbersBeyondDouble(_ path: String) throws {
        let bytes = try Corpus.bytes(path)
        let value = try JSONParser.parse(bytes)
        let elements = try #require(value.arrayValue)
        #expect(!elements.isEmpty)
        for element in elements {
            #expect(element.doubleValue == nil)
        }
        #expect(JSONWriter.compact(value) == String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: " ", with: ""))
    }

    @Test("corpus is populated")
    func corpusIsPopulated() {
        #expect(Corpus.files("valid").count >= 30)
        #expect(Corpus.files("invalid").count >= 30)
        #expect(!Corpus.files("ours-only/rejected").isEmpty)
        #expect(!Corpus.files("ours-only/accepted").isEmpty)
    }
}
