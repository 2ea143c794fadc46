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
        collectControlCharacterDiagnostics(into: &found)
        return found
    }

    /// Children are visited in place: a `for child in children` loop copied every element,
    /// retaining each of its strings, arrays and dictionaries. A clean element (nearly every
    /// one) is not walked at all: ``mayHoldControls`` was found while it was copied.
    private func collectControlCharacterDiagnostics(into found: inout [Diagnostic]) {
        guard mayHoldControls else { return }
        // Found while the element was copied, in name order.
        for (name, scalar) in attributeControls {
            if let message = ControlCharacter.problem(scalar, in: "attribute '\(name)' of <\(self.name)>") {
                found.append(.error(at: location, message))
            }
        }
        if let scalar = textControl,
            let message = ControlCharacter.problem(scalar, in: "the text of <\(name)>")
        {
            found.append(.error(at: location, message))
        }
        for index in children.indices { children[index].collectControlCharacterDiagnostics(into: &found) }
    }
}
