import TenderModel
import TenderStore
import TenderWorkflow

/// The person a session belongs to, with what they are to this tender: a panel member (from
/// the panel), a commissioner or an auditor (from ``TenderStore/AccountStorage``), or several.
public struct SignedInPerson: Sendable, Hashable {
    public var id: String
    public var name: String
    public var member: PanelMember?
    public var account: PersonAccount.Role?

    public var isCommissioner: Bool { account == .commissioner }
    public var isAuditor: Bool { account == .auditor }
    public var isMember: Bool { member != nil && !isAuditor }

    /// Acting as a panel member: every rule about members applies.
    func asMember() throws(StoreError) -> ActingPerson { try ActingPerson(id) }

    /// Acting in the role the account gives (a commissioner who is also on the panel is still
    /// held to the member rules by the workflow).
    func asStaff() throws(StoreError) -> ActingPerson {
        try ActingPerson(id, standing: isAuditor ? .auditor : isCommissioner ? .commissioner : .asNamed)
    }

    /// Acting as a commissioner; refused, in words, to anyone else before any work is done.
    func asCommissioner() throws(StoreError) -> ActingPerson {
        guard isCommissioner else {
            throw StoreError(.forbidden, "Only a commissioner can do this. You are signed in as \(name).")
        }
        return try asStaff()
    }
}
