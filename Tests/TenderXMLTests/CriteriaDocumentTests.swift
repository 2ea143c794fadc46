import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

@Suite("Criteria framework documents")
struct CriteriaDocumentTests {
    @Test("The published co-production framework reads field by field")
    func coproductionFramework() throws {
        let loaded = try Fixture.load("Criteria/coproduction-commissioning.xml")
        let criteria = try #require(loaded.document.criteria)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.document.kind == .criteria)
        #expect(criteria.id == "coproduction-commissioning")
        #expect(criteria.version == "1")
        #expect(criteria.currency == "GBP")
        #expect(criteria.title == "Co-productive commissioning")
        #expect(criteria.scale.min == 0 && criteria.scale.max == 5)
        #expect(criteria.scale.levels.map(\.value) == [0, 1, 2, 3, 4, 5])
        #expect(criteria.scale.level(4)?.label == "Good")
        #expect(criteria.divergence == 2)
        #expect(criteria.price == PriceWeighting(weight: 30, formula: .lowestPrice))
        #expect(
            criteria.criteria.map(\.id)
                == ["local-assets", "local-insights", "working-together", "innovation", "long-term", "principles"])
        #expect(criteria.totalWeight == 100)

        let together = try #require(criteria.criterion("working-together"))
        #expect(together.weight == 14)
        #expect(together.threshold == 2)
        #expect(together.maxWords == 750)
        #expect(together.title == "Work together: co-production with people who use services and carers")
        #expect(together.guidance.hasPrefix("We look for co-production, where people"))

        let assets = try #require(criteria.criterion("local-assets"))
        #expect(assets.threshold == nil)
        #expect(assets.location?.line == 14)
        #expect(assets.location?.column == 3)
        #expect(assets.location?.file.hasSuffix("Criteria/coproduction-commissioning.xml") == true)
    }

    @Test("A quality-only framework has no price")
    func communityGrants() throws {
        let loaded = try Fixture.load("Criteria/community-grants.xml")
        let criteria = try #require(loaded.document.criteria)
        #expect(criteria.id == "community-grants")
        #expect(criteria.price == nil)
        #expect(criteria.criteria.map(\.weight) == [25, 30, 20, 15, 10])
        #expect(criteria.criterion("people-lead")?.threshold == 2)
        #expect(criteria.totalWeight == 100)
    }

    @Test("The test template is valid and reads as written")
    func template() throws {
        let loaded = try loadValid(Template.criteria, file: "framework.xml")
        let criteria = try #require(loaded.document.criteria)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(criteria.version == "2")
        #expect(criteria.price?.formula == .relativeDifference)
        #expect(criteria.scale.rangeDescription == "0–3")
        #expect(criteria.scale.level(3)?.descriptor == "Strong evidence.")
        #expect(criteria.criterion("assets")?.maxWords == 10)
        #expect(criteria.criterion("plan")?.maxWords == nil)
        #expect(criteria.criterion("plan")?.question == "What is the plan?")
    }

    static let rootTag = #"<criteria xmlns="urn:tenderscore:criteria:1" id="test-framework" version="2" currency="GBP">"#

    static let broken: [BrokenDocument] = [
        BrokenDocument(
            "weights add up to 100",
            Template.edit(
                Template.criteria, (rootTag, "▸" + rootTag),
                (#"<criterion id="plan" weight="30">"#, #"<criterion id="plan" weight="25.5">"#)),
            message: "the weights add up to 95.5 (criteria 65.5 + price 30); they must add up to 100"),
        BrokenDocument(
            "criterion ids are unique",
            Template.edit(Template.criteria, (#"<criterion id="plan""#, #"▸<criterion id="assets""#)),
            message: "criterion id 'assets' is used twice (first at line 12)"),
        BrokenDocument(
            "a threshold lies within the scale",
            Template.edit(Template.criteria, (#"<criterion id="assets" weight="40" threshold="1">"#, #"▸<criterion id="assets" weight="40" threshold="4">"#)),
            message: "threshold 4 of criterion 'assets' is outside the scale 0–3"),
        BrokenDocument(
            "every scale point has a level",
            Template.edit(
                Template.criteria, (#"<scale min="0" max="3">"#, #"▸<scale min="0" max="3">"#),
                (#"<level value="2" label="Good">Clear detail.</level>"#, "")),
            message: "the scale has no <level> for 2; every point from 0 to 3 needs a descriptor"),
        BrokenDocument(
            "a level is described once",
            Template.edit(Template.criteria, (#"<level value="2" label="Good">"#, #"▸<level value="1" label="Good">"#)),
            message: "level 1 is described twice"),
        BrokenDocument(
            "a level lies within the scale",
            Template.edit(Template.criteria, (#"<level value="3" label="Strong">"#, #"▸<level value="7" label="Strong">"#)),
            message: "level 7 is outside the scale 0–3"),
        BrokenDocument(
            "a criterion has a title",
            Template.edit(Template.criteria, ("<title>Plan</title>", "▸<title>  \n </title>")),
            message: "the title of criterion 'plan' is empty"),
        BrokenDocument(
            "a criterion has guidance",
            Template.edit(Template.criteria, ("<guidance>Names real groups.</guidance>", "▸<guidance></guidance>")),
            message: "the guidance of criterion 'assets' is empty"),
        BrokenDocument(
            "the framework has a title",
            Template.edit(Template.criteria, ("<title>Test framework</title>", "▸<title/>")),
            message: "the framework's title is empty"),
        BrokenDocument(
            "a weight is a number (XSD)",
            Template.edit(Template.criteria, (#"<criterion id="plan" weight="30">"#, #"▸<criterion id="plan" weight="thirty">"#)),
            message: "'thirty' is not a weight from 0 to 100"),
        BrokenDocument(
            "the price formula is one SPEC.md names (XSD)",
            Template.edit(
                Template.criteria,
                (#"<price weight="30" formula="relative-difference"/>"#, #"▸<price weight="30" formula="cheapest"/>"#)),
            message: "'cheapest'"),
        BrokenDocument(
            "the root is in a TenderScore namespace",
            Template.edit(Template.criteria, (rootTag, rootTag.replacingOccurrences(of: "criteria:1", with: "criterion:1").replacingOccurrences(of: "<criteria", with: "▸<criteria"))),
            message: "<criteria> in namespace urn:tenderscore:criterion:1 is not a TenderScore document"),
        BrokenDocument(
            "required attributes are present (XSD)",
            Template.edit(Template.criteria, (rootTag, rootTag.replacingOccurrences(of: #" currency="GBP""#, with: "").replacingOccurrences(of: "<criteria", with: "▸<criteria"))),
            message: "The attribute 'currency' is required but missing"),
    ]

    @Test("Each rule of a framework is enforced where it is broken", arguments: broken)
    func brokenRule(_ broken: BrokenDocument) {
        expectBroken(broken, file: "frameworks/broken.xml")
    }

    @Test("Schema messages are in plain words, without namespaces or XSD type names")
    func plainSchemaMessages() {
        let document = MarkedDocument(
            Template.edit(Template.criteria, (#"<criterion id="plan" weight="30">"#, #"▸<criterion id="plan" weight="thirty">"#)))
        let diagnostics = refusal(of: document.bytes, file: "framework.xml")
        let found = expectDiagnostic(
            in: diagnostics, containing: "'thirty'", file: "framework.xml", line: document.line, column: document.column)
        #expect(found?.message.contains("atomic type") == false)
        #expect(found?.message.contains("{urn:") == false)
        #expect(found?.message.contains("xs:") == false)
    }

    @Test("Every problem of a framework is reported at once, not only the first")
    func everyProblemAtOnce() {
        let text = Template.edit(
            Template.criteria,
            (#"<criterion id="assets" weight="40" threshold="1">"#, #"<criterion id="assets" weight="40" threshold="9">"#),
            ("<guidance>A realistic plan.</guidance>", "<guidance/>"))
        let diagnostics = refusal(of: Array(text.utf8), file: "framework.xml")
        expectDiagnostic(in: diagnostics, containing: "threshold 9", line: 12, column: 3)
        expectDiagnostic(in: diagnostics, containing: "the guidance of criterion 'plan' is empty", line: 20, column: 5)
    }

    @Test("A criterion of weight 0 is allowed, with a warning")
    func zeroWeight() throws {
        let text = Template.edit(
            Template.criteria,
            (#"<criterion id="plan" weight="30">"#, #"<criterion id="plan" weight="0">"#),
            (#"<price weight="30" formula="relative-difference"/>"#, #"<price weight="60" formula="relative-difference"/>"#))
        let loaded = try loadValid(text, file: "framework.xml")
        expectDiagnostic(
            in: loaded.warnings, containing: "criterion 'plan' has weight 0", severity: .warning, line: 17, column: 3)
    }
}

@Suite("the moderation quorum a framework sets")
struct ModerationQuorumReadingTests {
    @Test("quorum and livedExperience are read; left out, the standard quorum applies")
    func quorumAttributes() throws {
        let custom = Template.criteria.replacingOccurrences(
            of: #"<moderation divergence="2"/>"#, with: #"<moderation divergence="2" quorum="50" livedExperience="optional"/>"#)
        let criteria = try #require(try loadValid(custom).document.criteria)
        #expect(criteria.quorum == ModerationQuorum(share: 50, livedExperience: false))
        let standard = try #require(try loadValid(Template.criteria).document.criteria)
        #expect(standard.quorum == .standard)
    }

    @Test("a quorum outside 1 to 100 percent is refused")
    func quorumOutOfRange() {
        let bad = Template.criteria.replacingOccurrences(
            of: #"<moderation divergence="2"/>"#, with: #"<moderation divergence="2" quorum="0"/>"#)
        let diagnostics = refusal(of: Array(bad.utf8))
        expectDiagnostic(in: diagnostics, containing: "quorum")
    }
}
