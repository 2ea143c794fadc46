import Foundation
import TenderModel
import TenderXML
import Testing
import TenderTestSupport

@Suite("Panel documents")
struct PanelDocumentTests {
    @Test("The sample panel reads field by field")
    func samplePanel() throws {
        let loaded = try Fixture.load("Samples/panel.xml")
        let panel = try #require(loaded.document.panel)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.document.kind == .panel)
        #expect(panel.tender == "TND-2026-014")
        #expect(panel.members.map(\.id) == ["p-amira", "p-tom", "p-grace", "p-dev", "p-ruth"])
        #expect(
            panel.members.map(\.role) == [.expertByExperience, .expertByExperience, .carer, .commissioner, .practitioner])
        #expect(panel.member("p-grace")?.name == "Grace Mensah")
        #expect(panel.member("p-dev")?.location?.line == 6)
        #expect(panel.member("p-dev")?.location?.column == 3)
        #expect(panel.isCoProduced)
        let conflict = try #require(panel.conflicts.first)
        #expect(panel.conflicts.count == 1)
        #expect(conflict.member == "p-ruth")
        #expect(conflict.submission == "BID-005")
        #expect(conflict.reason.hasPrefix("Worked for Beacon National Care"))
        #expect(panel.isConflicted(member: "p-ruth", submission: "BID-005"))
        #expect(!panel.isConflicted(member: "p-ruth", submission: "BID-004"))
    }

    static let rootTag = #"<panel xmlns="urn:tenderscore:panel:1" tender="T-1">"#

    static let broken: [BrokenDocument] = [
        BrokenDocument(
            "member ids are unique",
            Template.edit(Template.panel, (#"<member id="p-dev" role="commissioner">"#, #"▸<member id="p-amira" role="commissioner">"#)),
            message: "member id 'p-amira' is used twice (first at line 3)"),
        BrokenDocument(
            "a conflict names a member",
            Template.edit(Template.panel, (#"<conflict member="p-dev""#, #"▸<conflict member="p-zoe""#)),
            message: "the conflict names 'p-zoe', who is not a member of the panel"),
        BrokenDocument(
            "a conflict gives its reason",
            Template.edit(Template.panel, (#"<conflict member="p-dev""#, #"▸<conflict member="p-dev""#), ("Trustee of the bidder until 2025", " ")),
            message: "the conflict of 'p-dev' with BID-2 gives no reason"),
        BrokenDocument(
            "a member has a name",
            Template.edit(Template.panel, (#"<member id="p-dev" role="commissioner">Dev Patel</member>"#, #"▸<member id="p-dev" role="commissioner"/>"#)),
            message: "member 'p-dev' has no name"),
        BrokenDocument(
            "a role is one SPEC.md names (XSD)",
            Template.edit(Template.panel, (#"<member id="p-dev" role="commissioner">"#, #"▸<member id="p-dev" role="chair">"#)),
            message: "'chair'"),
        BrokenDocument(
            "a panel without an expert by experience or carer is not co-produced",
            Template.edit(
                Template.panel, (rootTag, "▸" + rootTag),
                (#"role="expert-by-experience""#, #"role="independent""#)),
            message: "the panel has no expert-by-experience or carer member: the commissioning was not co-produced",
            severity: .warning),
        BrokenDocument(
            "the root is in a TenderScore namespace",
            Template.edit(Template.panel, (rootTag, "▸" + rootTag.replacingOccurrences(of: #" xmlns="urn:tenderscore:panel:1""#, with: ""))),
            message: "<panel> with no namespace is not a TenderScore document"),
    ]

    @Test("Each rule of a panel is enforced where it is broken", arguments: broken)
    func brokenRule(_ broken: BrokenDocument) {
        expectBroken(broken, file: "panel.xml")
    }

    @Test("A carer alone makes a panel co-produced")
    func carerCoProduces() throws {
        let text = Template.edit(Template.panel, (#"role="expert-by-experience""#, #"role="carer""#))
        let loaded = try loadValid(text, file: "panel.xml")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(try #require(loaded.document.panel).isCoProduced)
    }
}
