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

/// The one normalisation of every name a person gives.
enum PersonName {
    static func normalised(_ text: String) throws(StoreError) -> String {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else {
            throw StoreError(.invalidInput, "Every change records who made it, and no name was given (use --as).")
        }
        if let bad = trimmed.unicodeScalars.first(where: TextRules.isForbidden) {
            throw StoreError(
                .invalidInput,
                "The name \"\(TextRules.visible(trimmed))\" contains \(TextRules.describe(bad)), which a name cannot carry: it could forge a line of the history. Give the name as plain text.")
        }
        return trimmed
    }
}

/// What text a person gives may carry.
enum TextRules {
    /// Control characters (C0 but tab, line feed and carriage return in longer texts, DEL, C1)
    /// and the bidirectional overrides and isolates that reorder text on screen.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// Like ``isForbidden(_:)`` but allowing tab and line breaks, for rationales and reasons.
    static func isForbiddenInLongText(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" ? false : isForbidden(scalar)
    }

    /// `U+001B`.
    static func code(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = code(scalar)
        switch scalar.value {
        case 0x0A, 0x0D: return "a line break (\(code))"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return "a text-direction control (\(code))"
        default: return "a control character (\(code))"
        }
    }

    /// The text with every forbidden character shown as its code, safe to print anywhere.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                out += "<\(code(scalar))>"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
