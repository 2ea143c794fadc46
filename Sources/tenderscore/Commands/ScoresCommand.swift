import ArgumentParser
import Foundation
import TenderModel
import TenderStore
import TenderXML

struct ScoresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores", abstract: "Blank scoresheets and panel members' scores.",
        subcommands: [Template.self, Import.self])

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a blank scoresheet for exactly the items one member may score.",
            discussion: """
                Conflicts are left out. Fill in a score and a rationale for each row; a row left with \
                neither is 'not scored yet', so a sheet can be handed in part-filled and completed later.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "The panel member's id.")
        var panelist: String

        @Option(help: "csv or xml.")
        var format: SheetFormat = .csv

        @Option(help: "Write the template to this file instead of standard output.")
        var output: String?

        enum SheetFormat: String, ExpressibleByArgument, CaseIterable {
            case csv, xml
        }

        func run() throws {
            let tender = try OpenTender(store, readOnly: true)
            guard tender.panel.member(panelist) != nil else {
                throw Refusal("'\(panelist)' is not a member of the panel (members: \(tender.panel.members.map(\.id).joined(separator: ", ")))")
            }
            let items = ScoresheetTemplate.items(for: panelist, tender: tender)
            let text = format == .csv
                ? ScoresheetTemplate.csv(panelist: panelist, items: items)
                : ScoresheetTemplate.xml(tender: tender.summary.id, panelist: panelist, items: items, criteria: tender.criteria)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                Terminal.print("Wrote a blank scoresheet of \(items.count) items for \(tender.memberName(panelist)) to \(output)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record one member's scoresheet (XML or CSV), whole or not at all.",
            discussion: "Changing a score already given needs --reason; the history keeps the old score, the new one and the reason. After finalise every change is refused.")

        @OptionGroup var store: StoreOptions

        @OptionGroup var documents: DocumentOptions

        @Option(help: "Why scores already given are changed.")
        var reason: String?

        @Argument(help: "The scoresheet file (.xml or .csv).")
        var file: String

        func run() throws {
            let record = try TenderRecord.open(at: store.storePath, documentOptions: documents.readOptions)
            try requireOwnSheet(record)
            let report = try record.importScores(file: file, actor: store.actingPerson, reason: reason)
            ImportOutput.print(report, what: "scoresheet")
        }

        /// A panel member acting as themselves may hand in only their own sheet; a commissioner or
        /// clerk (not on the panel) imports sheets on members' behalf.
        private func requireOwnSheet(_ record: TenderRecord) throws {
            let actor = store.actingPerson
            guard let panel = try record.panel(), panel.member(actor) != nil,
                let loaded = try? documents.loader.load(path: file),
                case .scoresheet(let sheet) = loaded.document, !sheet.panelist.isEmpty, sheet.panelist != actor
            else { return }
            throw Refusal("\(actor) may hand in only their own scoresheet; \(file) is \(sheet.panelist)'s")
        }
    }
}

/// Blank scoresheets, so that a member's sheet names exactly what they may score.
enum ScoresheetTemplate {
    static func items(for panelist: String, tender: OpenTender) -> [ItemKey] {
        tender.submissions.map(\.id).sorted().flatMap { submission -> [ItemKey] in
            if tender.panel.isConflicted(member: panelist, submission: submission) { return [] }
            return tender.criteria.criteria.map { ItemKey(submission: submission, criterion: $0.id) }
        }
    }

    static func csv(panelist: String, items: [ItemKey]) -> String {
        var lines = ["panelist,submission,criterion,score,rationale"]
        lines += items.map { "\(panelist),\($0.submission),\($0.criterion),," }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func xml(tender: String, panelist: String, items: [ItemKey], criteria: Criteria) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<!-- Give each score a whole number from \(criteria.scale.min) to \(criteria.scale.max) in value=\"\" and your reason as the text.",
            "     A score left with neither is not scored yet. -->",
            "<scoresheet xmlns=\"urn:tenderscore:scoresheet:1\" tender=\"\(tender)\" panelist=\"\(panelist)\">",
        ]
        lines += items.map { "  <score submission=\"\($0.submission)\" criterion=\"\($0.criterion)\" value=\"\"></score>" }
        lines.append("</scoresheet>")
        return lines.joined(separator: "\n") + "\n"
    }
}
