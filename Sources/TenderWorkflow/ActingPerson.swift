import TenderModel
import TenderStore

/// Who is acting: recorded on every event, and the person every rule about who may see or do
/// what is checked against.
///
/// The name is normalised once, here, the same way for every check and for the history:
/// surrounding white space of every kind (tabs, no-break spaces) is removed, and a name with a
/// control character, a line break or a bidirectional override is refused, so that `" p-tom"`
/// is `p-tom` for every rule and no recorded name can forge a line of the audit log.
public struct ActingPerson: Sendable, Hashable, CustomStringConvertible {
    /// What the front end knows of the person's role.
    public enum Standing: Sendable, Hashable {
        /// The command line: whoever `--as` names. A panel member's id or exact name makes them
        /// that member for every rule; anyone else acts for the commissioning team.
        case asNamed
        /// Signed in as a commissioner (the web app).
        case commissioner
        /// Signed in as an auditor: reads and verifies, changes nothing.
        case auditor
    }

    public let name: String
    public let standing: Standing

    public init(_ name: String, standing: Standing = .asNamed) throws(StoreError) {
        self.name = try PersonName.normalised(name)
        self.standing = standing
    }

    public var description: String { name }

    /// The panel member this person is, if any: by id, or by the member's name exactly (letter
    /// case and white space aside).
    public func member(of panel: Panel?) -> PanelMember? {
        guard let panel, standing != .auditor else { return nil }
        if let byID = panel.member(name) { return byID }
        let folded = name.lowercased()
        return panel.members.first { $0.name.trimmingWhitespace.lowercased() == folded }
    }
}
