import Foundation
import TenderModel

// Codable mirrors of the model values, as they are written into event payloads and projection
// columns. The model module stays free of any storage concern; these mirrors fix the stored
// form (amounts as decimal strings, instants as `Timestamp` text) so that it never changes with
// a JSON library's defaults. Converting back throws `PayloadError` on anything TenderScore would
// not have written.

package struct PayloadError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

package enum DecimalCoding {
    package static func text(_ value: Decimal) -> String { value.description }

    package static func value(_ text: String, _ what: String) throws -> Decimal {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else {
            throw PayloadError("\(what) \"\(text)\" is not a decimal number")
        }
        return value
    }
}

struct StoredLocation: Codable, Hashable {
    var file: String
    var line: Int
    var column: Int

    init(_ location: SourceLocation) {
        file = location.file
        line = location.line
        column = location.column
    }

    var model: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}

package struct StoredCriteria: Codable, Hashable {
    struct Level: Codable, Hashable {
        var value: Int
        var label: String
        var descriptor: String
        var location: StoredLocation?
    }

    struct Price: Codable, Hashable {
        var weight: String
        var formula: String
    }

    struct Item: Codable, Hashable {
        var id: String
        var weight: String
        var threshold: Int?
        var title: String
        var question: String
        var maxWords: Int?
        var guidance: String
        var location: StoredLocation?
    }

    var id: String
    var version: String
    var currency: String
    var title: String
    var scaleMin: Int
    var scaleMax: Int
    var levels: [Level]
    var divergence: Int
    /// Left out when it is the standard quorum, so frameworks stored before the quorum existed
    /// hash as they always did.
    var quorumShare: Int?
    var quorumLivedExperience: Bool?
    var price: Price?
    var criteria: [Item]

    package init(_ criteria: Criteria) {
        id = criteria.id
        version = criteria.version
        currency = criteria.currency
        title = criteria.title
        scaleMin = criteria.scale.min
        scaleMax = criteria.scale.max
        levels = criteria.scale.levels.map {
            Level(value: $0.value, label: $0.label, descriptor: $0.descriptor, location: $0.location.map(StoredLocation.init))
        }
        divergence = criteria.divergence
        if criteria.quorum != .standard {
            quorumShare = criteria.quorum.share
            quorumLivedExperience = criteria.quorum.livedExperience
        }
        price = criteria.price.map { Price(weight: DecimalCoding.text($0.weight), formula: $0.formula.rawValue) }
        self.criteria = criteria.criteria.map {
            Item(
                id: $0.id, weight: DecimalCoding.text($0.weight), threshold: $0.threshold, title: $0.title,
                question: $0.question, maxWords: $0.maxWords, guidance: $0.guidance,
                location: $0.location.map(StoredLocation.init))
        }
    }

    package func model() throws -> Criteria {
        var weighting: PriceWeighting?
        if let price {
            guard let formula = PriceFormula(rawValue: price.formula) else {
                throw PayloadError("price formula \"\(price.formula)\" is unknown")
            }
            weighting = PriceWeighting(weight: try DecimalCoding.value(price.weight, "price weight"), formula: formula)
        }
        return Criteria(
            id: id, version: version, currency: currency, title: title,
            scale: Scale(
                min: scaleMin, max: scaleMax,
                levels: levels.map {
                    ScaleLevel(value: $0.value, label: $0.label, descriptor: $0.descriptor, location: $0.location?.model)
                }),
            divergence: divergence,
            quorum: ModerationQuorum(
                share: quorumShare ?? ModerationQuorum.standard.share,
                livedExperience: quorumLivedExperience ?? ModerationQuorum.standard.livedExperience),
            price: weighting,
            criteria: try criteria.map {
                Criterion(
                    id: $0.id, weight: try DecimalCoding.value($0.weight, "weight of \($0.id)"), threshold: $0.threshold,
                    title: $0.title, question: $0.question, maxWords: $0.maxWords, guidance: $0.guidance,
                    location: $0.location?.model)
            })
    }
}

package struct StoredPanel: Codable, Hashable {
    struct Member: Codable, Hashable {
        var id: String
        var name: String
        var role: String
        var location: StoredLocation?
    }

    struct Conflict: Codable, Hashable {
        var member: String
        var submission: String
        var reason: String
        var location: StoredLocation?
    }

    var tender: String
    var members: [Member]
    var conflicts: [Conflict]

    package init(_ panel: Panel) {
        tender = panel.tender
        members = panel.members.map {
            Member(id: $0.id, name: $0.name, role: $0.role.rawValue, location: $0.location.map(StoredLocation.init))
        }
        conflicts = panel.conflicts.map {
            Conflict(
                member: $0.member, submission: $0.submission, reason: $0.reason,
                location: $0.location.map(StoredLocation.init))
        }
    }

    package func model() throws -> Panel {
        Panel(
            tender: tender,
            members: try members.map {
                guard let role = PanelRole(rawValue: $0.role) else { throw PayloadError("panel role \"\($0.role)\" is unknown") }
                return PanelMember(id: $0.id, name: $0.name, role: role, location: $0.location?.model)
            },
            conflicts: conflicts.map {
                TenderModel.Conflict(
                    member: $0.member, submission: $0.submission, reason: $0.reason, location: $0.location?.model)
            })
    }
}

package struct StoredSubmission: Codable, Hashable {
    struct Bidder: Codable, Hashable {
        var name: String
        var type: String
        var registrationScheme: String?
        var registration: String?
        var locality: String?
    }

    struct Price: Codable, Hashable {
        var amount: String
        var currency: String
    }

    struct Evidence: Codable, Hashable {
        var href: String?
        var title: String
    }

    struct Response: Codable, Hashable {
        var criterion: String
        var paragraphs: [String]
        var evidence: [Evidence]
        var location: StoredLocation?
    }

    var id: String
    var tender: String
    var submitted: String
    var bidder: Bidder
    var price: Price?
    var responses: [Response]
    var location: StoredLocation?
    /// The response form the bid was read out of; nil (left out of the canonical JSON) for a
    /// bid sent as XML, so earlier histories hash as before.
    var original: Original?

    /// ``TenderModel/OriginalDocument``: the form's file name and the SHA-256 of its bytes.
    struct Original: Codable, Hashable {
        var file: String
        var sha256: String
    }

    package init(_ submission: Submission) {
        id = submission.id
        tender = submission.tender
        submitted = Timestamp.text(submission.submitted)
        bidder = Bidder(
            name: submission.bidder.name, type: submission.bidder.type.rawValue,
            registrationScheme: submission.bidder.registration?.scheme,
            registration: submission.bidder.registration?.identifier, locality: submission.bidder.locality)
        price = submission.price.map { Price(amount: DecimalCoding.text($0.amount), currency: $0.currency) }
        responses = submission.responses.map {
            Response(
                criterion: $0.criterion, paragraphs: $0.paragraphs,
                evidence: $0.evidence.map { Evidence(href: $0.href, title: $0.title) },
                location: $0.location.map(StoredLocation.init))
        }
        location = submission.location.map(StoredLocation.init)
        original = submission.original.map { Original(file: $0.fileName, sha256: $0.sha256) }
    }

    package func model() throws -> Submission {
        guard let type = BidderType(rawValue: bidder.type) else { throw PayloadError("bidder type \"\(bidder.type)\" is unknown") }
        guard let date = Timestamp.date(submitted) else { throw PayloadError("submission time \"\(submitted)\" is not a time") }
        var registration: Registration?
        if let scheme = bidder.registrationScheme, let identifier = bidder.registration {
            registration = Registration(scheme: scheme, identifier: identifier)
        }
        return Submission(
            id: id, tender: tender, submitted: date,
            bidder: TenderModel.Bidder(name: bidder.name, type: type, registration: registration, locality: bidder.locality),
            price: try price.map { Money(amount: try DecimalCoding.value($0.amount, "price"), currency: $0.currency) },
            responses: responses.map {
                TenderModel.Response(
                    criterion: $0.criterion, paragraphs: $0.paragraphs,
                    evidence: $0.evidence.map { TenderModel.Evidence(href: $0.href, title: $0.title) },
                    location: $0.location?.model)
            },
            location: location?.model,
            original: original.map { OriginalDocument(fileName: $0.file, sha256: $0.sha256) })
    }
}

// What a backend reads back from its projection columns, decoded the one way TenderScore
// wrote it.
extension StoredCriteria {
    package static func model(fromCanonical text: String) throws -> Criteria {
        try CanonicalJSON.decode(StoredCriteria.self, from: text).model()
    }
}

extension StoredPanel {
    package static func model(fromCanonical text: String) throws -> Panel {
        try CanonicalJSON.decode(StoredPanel.self, from: text).model()
    }
}

extension StoredSubmission {
    package static func model(fromCanonical text: String) throws -> Submission {
        try CanonicalJSON.decode(StoredSubmission.self, from: text).model()
    }
}

/// A list of member ids (attendees, dissenters), as one column holds it.
package enum StoredNames {
    package static func model(fromCanonical text: String) throws -> [String] {
        try CanonicalJSON.decode([String].self, from: text)
    }
}
