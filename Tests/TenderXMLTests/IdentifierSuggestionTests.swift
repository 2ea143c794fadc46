import TenderModel
import Testing
import TenderTestSupport

/// ``IdentifierSuggestion`` on its own, with the sample tender's ids (TenderModel has no test
/// target of its own; the type is pure, so any test target will do).
@Suite("Identifier suggestions")
struct IdentifierSuggestionTests {
    static let members = IdentifierSuggestion(
        ids: ["p-amira", "p-tom", "p-grace", "p-dev", "p-ruth"],
        titles: ["p-amira": "Amira Khan", "p-dev": "Dev Patel"])
    static let bids = IdentifierSuggestion(ids: (1...7).map { "BID-00\($0)" })
    static let criteria = IdentifierSuggestion(
        ids: ["local-assets", "innovation", "working-together"],
        titles: ["local-assets": "Recognise local assets", "innovation": "Innovate", "working-together": "Work together"])

    @Test(
        "near misses suggest the id",
        arguments: [
            (members, "P-Dev", "p-dev"), (members, "p dev", "p-dev"), (members, "Dev Patel", "p-dev"),
            (members, "p-deb", "p-dev"), (members, "p-amiraa", "p-amira"),
            (bids, "bid-001", "BID-001"), (bids, "BID001", "BID-001"), (bids, "BID_003", "BID-003"),
            (criteria, "Innovate", "innovation"), (criteria, "recognise local assets", "local-assets"),
            (criteria, "local_assets", "local-assets"), (criteria, "working-togther", "working-together"),
        ])
    func nearMiss(_ suggestion: IdentifierSuggestion, _ given: String, _ meant: String) {
        #expect(suggestion.suggestion(for: given) == meant)
    }

    @Test(
        "no guess for an id itself, a far miss, or a tie",
        arguments: [
            (members, "p-dev"), (members, "p-zed"), (members, ""),
            // BID-008 is one keystroke from each of BID-001 … BID-007: no single guess.
            (bids, "BID-008"), (bids, "BID-099"), (criteria, "value-for-money"),
        ])
    func noGuess(_ suggestion: IdentifierSuggestion, _ given: String) {
        #expect(suggestion.suggestion(for: given) == nil)
    }
}
