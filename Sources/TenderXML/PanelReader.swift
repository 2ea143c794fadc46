import TenderModel

/// Reads a panel and checks its members and declared conflicts.
enum PanelReader {
    /// - Parameter schema: what the XSD found, so that a value it refused is not refused twice.
    static func read(_ root: ParsedElement, schema: [Diagnostic] = []) -> (Panel, [Diagnostic]) {
        var found = DiagnosticList(schema: schema)
        var members: [PanelMember] = []
        var firstLine: [String: Int] = [:]
        for element in root.children("member") {
            let id = element.attribute("id") ?? ""
            if let earlier = firstLine[id] {
                found.error(element, "member id '\(id)' is used twice (first at line \(earlier))")
                continue
            }
            firstLine[id] = element.location.line
            let name = element.foldedText
            if name.isEmpty { found.error(element, "member '\(id)' has no name") }
            let role = element.attribute("role").flatMap(PanelRole.init(rawValue:)) ?? .independent
            members.append(PanelMember(id: id, name: name, role: role, location: element.location))
        }
        var conflicts: [Conflict] = []
        for element in root.children("conflict") {
            let member = element.attribute("member") ?? ""
            let submission = element.attribute("submission") ?? ""
            let reason = element.foldedText
            if firstLine[member] == nil {
                found.error(element, "the conflict names '\(member)', who is not a member of the panel")
            }
            if reason.isEmpty {
                found.error(element, "the conflict of '\(member)' with \(submission) gives no reason")
            }
            if conflicts.contains(where: { $0.member == member && $0.submission == submission }) {
                found.warning(element, "the conflict of '\(member)' with \(submission) is declared twice")
                continue
            }
            conflicts.append(Conflict(member: member, submission: submission, reason: reason, location: element.location))
        }
        let panel = Panel(tender: root.attribute("tender") ?? "", members: members, conflicts: conflicts)
        if !panel.isCoProduced {
            found.warning(
                root,
                "the panel has no expert-by-experience or carer member: the commissioning was not co-produced")
        }
        return (panel, found.all)
    }
}
