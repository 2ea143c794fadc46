/// The names that mark each place a bidder writes in a response form: the `w:tag` of a Word
/// content control, the `text:name` of an OpenDocument section. Answers are read back by these
/// names alone, never by the headings around them, so a bidder may retitle or restyle freely.
enum FormMarker: Hashable, Sendable {
    case tender
    case bidderName
    case bidderType
    case registrationScheme
    case registration
    case locality
    case contact
    case price
    case answer(criterion: String)
    case evidence(criterion: String)

    static let prefix = "tenderscore:"

    var tag: String {
        switch self {
        case .tender: "tenderscore:tender"
        case .bidderName: "tenderscore:bidder:name"
        case .bidderType: "tenderscore:bidder:type"
        case .registrationScheme: "tenderscore:bidder:registration-scheme"
        case .registration: "tenderscore:bidder:registration"
        case .locality: "tenderscore:bidder:locality"
        case .contact: "tenderscore:bidder:contact"
        case .price: "tenderscore:price"
        case .answer(let criterion): "tenderscore:criterion:\(criterion)"
        case .evidence(let criterion): "tenderscore:evidence:\(criterion)"
        }
    }

    /// The question a marker belongs to, for messages.
    var criterion: String? {
        switch self {
        case .answer(let criterion), .evidence(let criterion): criterion
        default: nil
        }
    }

    /// What a person calls this place in the form, for messages.
    var label: String {
        switch self {
        case .tender: "the tender reference"
        case .bidderName: "the organisation name"
        case .bidderType: "the organisation type"
        case .registrationScheme: "the register (scheme)"
        case .registration: "the registration number"
        case .locality: "the locality"
        case .contact: "the contact details"
        case .price: "the price"
        case .answer: "the answer box"
        case .evidence: "the appendices box"
        }
    }

    init?(tag: String) {
        let fixed: [FormMarker] = [
            .tender, .bidderName, .bidderType, .registrationScheme, .registration, .locality, .contact, .price,
        ]
        if let found = fixed.first(where: { $0.tag == tag }) {
            self = found
        } else if tag.hasPrefix("tenderscore:criterion:") {
            self = .answer(criterion: String(tag.dropFirst("tenderscore:criterion:".count)))
        } else if tag.hasPrefix("tenderscore:evidence:") {
            self = .evidence(criterion: String(tag.dropFirst("tenderscore:evidence:".count)))
        } else {
            return nil
        }
    }
}
