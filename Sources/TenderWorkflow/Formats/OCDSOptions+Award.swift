import TenderExport

extension OCDSOptions {
    /// The award record's options as every front end makes them from what a person gives
    /// (`rank --format ocds --buyer-name … [--buyer-id …] [--ocid-prefix …]`, the web app's
    /// download form), so both write the same record.
    /// - Parameters:
    ///   - buyerID: the contracting authority's identifier; nil or empty makes one from its name.
    ///   - ocidPrefix: the publisher's registered prefix; nil or empty is `ocds-tenderscore`.
    public static func award(tender: String, buyerName: String, buyerID: String? = nil, ocidPrefix: String? = nil) -> OCDSOptions {
        let id = buyerID.flatMap { $0.isEmpty ? nil : $0 } ?? slug(buyerName)
        return OCDSOptions(
            ocidPrefix: ocidPrefix.flatMap { $0.isEmpty ? nil : $0 } ?? "ocds-tenderscore",
            buyer: OCDSOrganisation(id: id, name: buyerName), publisherName: buyerName,
            packageURI: "urn:tenderscore:\(tender):award")
    }

    /// An identifier from a name: its words in lower case joined by `-` (`northshire-county-council`).
    public static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? "buyer" : words.joined(separator: "-")
    }
}
