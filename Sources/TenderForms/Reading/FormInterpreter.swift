import Foundation
import TenderModel

/// Maps the marked fields found in a form onto a bid: every marker the form was written with
/// must be there exactly once, and each value must make sense for its place.
struct FormInterpreter {
    struct Result {
        var bidder: Bidder
        var price: Money?
        var responses: [Response]
        var answers: [String: [AnswerBlock]]
        var contact: String?
        var warnings: [String]
    }

    let path: String
    let format: FormFormat
    let criteria: Criteria
    let tender: String
    let appendices: [ReceivedFile]
    let fields: [MarkedField]
    private var byMarker: [FormMarker: MarkedField] = [:]

    init(
        path: String, format: FormFormat, criteria: Criteria, tender: String, appendices: [ReceivedFile],
        fields: [MarkedField]
    ) {
        self.path = path
        self.format = format
        self.criteria = criteria
        self.tender = tender
        self.appendices = appendices
        self.fields = fields
    }

    private func question(_ criterion: String) -> String {
        guard let index = criteria.criteria.firstIndex(where: { $0.id == criterion }) else { return criterion }
        return "\(index + 1) (\(criterion): \(criteria.criteria[index].title))"
    }

    private var expected: [FormMarker] {
        var markers: [FormMarker] = [
            .tender, .bidderName, .bidderType, .registrationScheme, .registration, .locality, .contact,
        ]
        if criteria.price != nil { markers.append(.price) }
        for criterion in criteria.criteria {
            markers += [.answer(criterion: criterion.id), .evidence(criterion: criterion.id)]
        }
        return markers
    }

    private mutating func collect() throws(FormError) {
        if fields.isEmpty {
            throw FormError(
                .missingMarker, file: path,
                format == .docx
                    ? "none of the form's boxes (Word content controls tagged by TenderScore) are in this file: it was not made from the TenderScore form, or it was saved by a program that drops content controls (LibreOffice 7.4 and earlier do); ask the bidder to fill in the .docx form in Word, or the .odt form in LibreOffice"
                    : "none of the form's boxes (sections named by TenderScore) are in this file: it was not made from the TenderScore form, or the sections were removed; ask the bidder to fill in a fresh form"
            )
        }
        let known = Set(criteria.criteria.map(\.id))
        for field in fields {
            guard let marker = FormMarker(tag: field.tag) else {
                throw FormError(
                    .unknownMarker, file: path,
                    "the form has a box marked \(field.tag), which TenderScore did not write; send the bidder a fresh form for this tender"
                )
            }
            if let criterion = marker.criterion, !known.contains(criterion) {
                let copied = known.first { criterion.hasPrefix($0) }
                throw FormError(
                    copied == nil ? .unknownMarker : .duplicateMarker, file: path, question: copied ?? criterion,
                    copied.map {
                        "\(marker.label) of question \(question($0)) appears to have been copied (a second box is marked \(field.tag)); keep one answer box per question"
                    } ?? "the form has \(marker.label) for a question \(criterion) that is not in these criteria; the form may be for another tender"
                )
            }
            if byMarker[marker] != nil {
                throw FormError(
                    .duplicateMarker, file: path, question: marker.criterion,
                    "\(marker.label)\(marker.criterion.map { " of question \(question($0))" } ?? "") appears twice in the form (it was copied); keep exactly one and send the form again"
                )
            }
            byMarker[marker] = field
        }
        for marker in expected where byMarker[marker] == nil {
            throw FormError(
                .missingMarker, file: path, question: marker.criterion,
                "\(marker.label)\(marker.criterion.map { " of question \(question($0))" } ?? "") is missing from the form (it was deleted); ask the bidder to copy their answers into a fresh form"
            )
        }
    }

    private func value(_ marker: FormMarker) -> String { byMarker[marker]?.singleLine ?? "" }

    private func invalid(_ message: String) -> FormError { FormError(.invalidAnswer, file: path, message) }

    mutating func interpret() throws(FormError) -> Result {
        try collect()
        let written = value(.tender)
        guard written == tender else {
            throw FormError(
                .wrongTender, file: path,
                "the form is for tender \(written.isEmpty ? "(blank)" : written), not \(tender); the bid may have been sent to the wrong tender"
            )
        }
        let bidder = try readBidder()
        let price = try readPrice()
        var responses: [Response] = []
        var answers: [String: [AnswerBlock]] = [:]
        var named: Set<String> = []
        for criterion in criteria.criteria {
            let blocks = byMarker[.answer(criterion: criterion.id)]?.blocks ?? []
            let evidence = try readEvidence(criterion.id)
            named.formUnion(evidence.compactMap(\.href))
            guard !blocks.isEmpty else {
                if !evidence.isEmpty {
                    throw FormError(
                        .invalidAnswer, file: path, question: criterion.id,
                        "question \(question(criterion.id)) lists appendices but has no answer; write the answer or remove the appendices")
                }
                continue
            }
            answers[criterion.id] = blocks
            responses.append(Response(criterion: criterion.id, paragraphs: blocks.map(\.text), evidence: evidence))
        }
        var warnings: [String] = []
        for criterion in criteria.criteria where byMarker[.answer(criterion: criterion.id)]?.inline == true {
            warnings.append(
                "\(path): warning: the answer box of question \(question(criterion.id)) was saved inside a paragraph (a word processor rewrote it), so only the text still inside the box was read; compare the answer with the original file"
            )
        }
        for appendix in appendices where !named.contains(appendix.fileName) {
            warnings.append(
                "\(path): warning: the appendix \(appendix.fileName) was sent but no answer names it; it is kept with the bid but not listed as evidence"
            )
        }
        let contact = value(.contact)
        return Result(
            bidder: bidder, price: price, responses: responses, answers: answers,
            contact: contact.isEmpty ? nil : contact, warnings: warnings)
    }

    private func readBidder() throws(FormError) -> Bidder {
        let name = value(.bidderName)
        guard !name.isEmpty else { throw invalid("the name of the organisation is blank") }
        let typed = value(.bidderType).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        guard
            let type = BidderType(rawValue: typed)
                ?? BidderType.allCases.first(where: { $0.displayName == typed || $0.rawValue.replacingOccurrences(of: "-", with: " ") == typed })
        else {
            throw invalid(
                "the type of organisation is \(typed.isEmpty ? "blank" : "“\(value(.bidderType))”"); write one of "
                    + BidderType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let scheme = value(.registrationScheme)
        let number = value(.registration)
        var registration: Registration?
        switch (scheme.isEmpty, number.isEmpty) {
        case (true, true): registration = nil
        case (false, false): registration = Registration(scheme: scheme.uppercased(), identifier: number)
        case (true, false): throw invalid("the registration number is given without its register; write GB-COH, GB-CHC or another org-id.guide code")
        case (false, true): throw invalid("the register \(scheme) is given without a registration number")
        }
        let locality = value(.locality)
        return Bidder(name: name, type: type, registration: registration, locality: locality.isEmpty ? nil : locality)
    }

    private func readPrice() throws(FormError) -> Money? {
        guard criteria.price != nil else { return nil }
        let written = value(.price)
        guard !written.isEmpty else { throw invalid("the price is blank; these criteria score price, so a bid must give one") }
        var grouped = written.replacingOccurrences(of: " ", with: "")
        for symbol in ["£", "€", "$", criteria.currency] { grouped = grouped.replacingOccurrences(of: symbol, with: "") }
        // Commas may only group thousands (1,149,000.00): "1149000,50" written with a decimal
        // comma must not become 114,900,050.
        let whole = grouped.split(separator: ".", omittingEmptySubsequences: false).first ?? ""
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        let groupedWell = groups.count == 1 || (groups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(groups[0].count))
        let digits = grouped.replacingOccurrences(of: ",", with: "")
        let valid =
            groupedWell
            && !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && digits.filter { $0 == "." }.count <= 1 && digits.first != "." && digits.last != "."
            && !(grouped.split(separator: ".").dropFirst().first?.contains(",") ?? false)
        guard valid, let amount = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else {
            throw invalid("the price “\(written)” is not an amount; write it in \(criteria.currency) as numbers only, for example 1180000.00")
        }
        return Money(amount: amount, currency: criteria.currency)
    }

    /// One appendix a line: `file name: title`. A line naming an http(s) address is kept as a
    /// link; any other must name a file sent with the form.
    private func readEvidence(_ criterion: String) throws(FormError) -> [Evidence] {
        let lines = (byMarker[.evidence(criterion: criterion)]?.blocks ?? []).map(\.text)
        var evidence: [Evidence] = []
        for line in lines {
            let parts = line.components(separatedBy: ": ")
            let reference = parts[0].trimmingCharacters(in: .whitespaces)
            let title = parts.count > 1 ? parts.dropFirst().joined(separator: ": ").trimmingCharacters(in: .whitespaces) : reference
            let lowered = reference.lowercased()
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
                evidence.append(Evidence(href: reference, title: title))
                continue
            }
            guard let file = appendices.first(where: { $0.fileName == reference })
                ?? appendices.first(where: { $0.fileName.lowercased() == lowered })
            else {
                let sent = appendices.isEmpty ? "no appendices were sent" : "the appendices sent are " + appendices.map(\.fileName).joined(separator: ", ")
                throw FormError(
                    .missingAppendix, file: path, question: criterion,
                    "question \(question(criterion)) names the appendix “\(reference)”, but \(sent); ask the bidder for the file, or check the name"
                )
            }
            evidence.append(Evidence(href: file.fileName, title: title))
        }
        return evidence
    }
}
