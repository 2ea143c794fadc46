import TenderModel

extension ParsedElement {
    /// Every control character (see ``ControlCharacter``) in the text and attribute values of
    /// this element and those inside it, one diagnostic per text, at its element.
    ///
    /// XML 1.0 keeps most of C0 out already, but lets DEL and C1 through, as characters or as
    /// references such as `&#x85;`; a rationale or an answer holding one would print as nothing
    /// or garble a terminal.
    func controlCharacterDiagnostics() -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if let (scalar, _) = ControlCharacter.first(in: value),
                let message = ControlCharacter.problem(scalar, in: "attribute '\(name)' of <\(self.name)>")
            {
                found.append(.error(at: location, message))
            }
        }
        if let (scalar, _) = ControlCharacter.first(in: text),
            let message = ControlCharacter.problem(scalar, in: "the text of <\(name)>")
        {
            found.append(.error(at: location, message))
        }
        for child in children { found += child.controlCharacterDiagnostics() }
        return found
    }
}
