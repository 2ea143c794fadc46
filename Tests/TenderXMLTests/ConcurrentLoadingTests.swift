import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

@Suite("Loading from many tasks at once")
struct ConcurrentLoadingTests {
    /// Each bid's expected id and bidder, read one at a time first.
    static func sequentialResults() throws -> [String: Submission] {
        var result: [String: Submission] = [:]
        for relative in SubmissionDocumentTests.sampleBids {
            let submission = try #require(try Fixture.load(relative).document.submission)
            result[relative] = submission
        }
        return result
    }

    @Test("The sample bids load from many tasks at once, each exactly as when loaded alone")
    func sampleBidsInParallel() async throws {
        let expected = try Self.sequentialResults()
        let rounds = 8
        let paths = Array(repeating: SubmissionDocumentTests.sampleBids, count: rounds).flatMap { $0 }
        let loader = DocumentLoader()
        let results = await withTaskGroup(of: (String, Result<LoadedDocument, DocumentError>).self) { group in
            for relative in paths {
                group.addTask {
                    do throws(DocumentError) {
                        return (relative, .success(try loader.load(path: Fixture.path(relative))))
                    } catch {
                        return (relative, .failure(error))
                    }
                }
            }
            var collected: [(String, Result<LoadedDocument, DocumentError>)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == paths.count)
        for (relative, result) in results {
            switch result {
            case .success(let loaded):
                #expect(loaded.document.submission == expected[relative], "\(relative) read differently in parallel")
                #expect(loaded.warnings.isEmpty, "\(relative): \(loaded.warnings)")
            case .failure(let error):
                Issue.record("\(relative) was refused in parallel: \(error)")
            }
        }
    }

    @Test("Every kind's schema compiles and validates under contention, good and bad documents mixed")
    func everyKindInParallel() async throws {
        // Bad documents too: schema errors are collected per validation, never mixed between tasks.
        let inputs: [(name: String, bytes: [UInt8], valid: Bool)] = [
            ("framework.xml", Array(Template.criteria.utf8), true),
            ("bid.xml", Array(Template.submission.utf8), true),
            ("panel.xml", Array(Template.panel.utf8), true),
            ("sheet.xml", Array(Template.scoresheet.utf8), true),
            ("sheet.csv", Array(Template.scoresheetCSV.utf8), true),
            ("bad-framework.xml", Array(Template.criteria.replacingOccurrences(of: #"weight="40""#, with: #"weight="x""#).utf8), false),
            ("bad-panel.xml", Array(Template.panel.replacingOccurrences(of: "commissioner", with: "chair").utf8), false),
        ]
        let loader = DocumentLoader()
        let outcomes = await withTaskGroup(of: (Int, String, Bool, [Diagnostic]).self) { group in
            for round in 0..<10 {
                for input in inputs {
                    group.addTask {
                        do throws(DocumentError) {
                            _ = try loader.load(bytes: input.bytes, file: input.name)
                            return (round, input.name, true, [])
                        } catch {
                            return (round, input.name, false, error.diagnostics)
                        }
                    }
                }
            }
            var collected: [(Int, String, Bool, [Diagnostic])] = []
            for await outcome in group { collected.append(outcome) }
            return collected
        }
        #expect(outcomes.count == inputs.count * 10)
        for (_, name, loaded, diagnostics) in outcomes {
            guard let input = inputs.first(where: { $0.name == name }) else {
                Issue.record("an outcome for an input never given: \(name)")
                continue
            }
            #expect(loaded == input.valid, "\(name): \(diagnostics)")
            #expect(diagnostics.allSatisfy { $0.location.file == name }, "a diagnostic crossed over between tasks: \(diagnostics)")
            if !input.valid {
                #expect(diagnostics.count == 1, "\(name): \(diagnostics)")
            }
        }
    }
}
