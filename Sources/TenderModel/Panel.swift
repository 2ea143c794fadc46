/// The evaluation panel of a tender and the conflicts its members declared.
public struct Panel: Sendable, Hashable {
    public var tender: String
    public var members: [PanelMember]
    public var conflicts: [Conflict]

    public init(tender: String, members: [PanelMember], conflicts: [Conflict] = []) {
        self.tender = tender
        self.members = members
        self.conflicts = conflicts
    }

    public func member(_ id: String) -> PanelMember? { members.first { $0.id == id } }

    public func isConflicted(member: String, submission: String) -> Bool {
        conflicts.contains { $0.member == member && $0.submission == submission }
    }

    /// Co-produced commissioning puts people who use services, or carers, on the panel as equals.
    public var isCoProduced: Bool { members.contains { $0.role.bringsLivedExperience } }
}

public struct PanelMember: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var role: PanelRole
    public var location: SourceLocation?

    public init(id: String, name: String, role: PanelRole, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.location = location
    }
}

public enum PanelRole: String, Sendable, Hashable, CaseIterable {
    case commissioner
    case expertByExperience = "expert-by-experience"
    case carer
    case practitioner
    case finance
    case independent

    /// Experts by experience and carers: the members whose view co-production exists to bring in.
    public var bringsLivedExperience: Bool { self == .expertByExperience || self == .carer }
}

/// A declared conflict of interest: the member never scores that submission.
public struct Conflict: Sendable, Hashable {
    public var member: String
    public var submission: String
    public var reason: String
    public var location: SourceLocation?

    public init(member: String, submission: String, reason: String, location: SourceLocation? = nil) {
        self.member = member
        self.submission = submission
        self.reason = reason
        self.location = location
    }
}
