import Foundation
import TenderModel
import TenderXML

// What `tenderscore validate FILE...` does with TenderXML and TenderWorkflow's DocumentSet and
// ImportChecks, without the CLI around it, so that callgrind sees the ingest alone (built by
// Benchmarks/profile-ingest.sh). Folders stand for their .xml files, as in the CLI; each valid
// bid gets the CLI's summary line, money formatted the same way.
var paths: [String] = []
for argument in CommandLine.arguments.dropFirst() {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
        paths += names.filter { $0.hasSuffix(".xml") }.sorted().map { argument + "/" + $0 }
    } else {
        paths.append(argument)
    }
}
let set = DocumentSet(paths: paths, loader: DocumentLoader())
let pence = NumberFormatter()
pence.locale = Locale(identifier: "en_GB")
pence.numberStyle = .decimal
pence.minimumFractionDigits = 2
pence.maximumFractionDigits = 2
var invalid = 0
for path in paths {
    for diagnostic in set.diagnostics(for: path) {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    guard set.isValid(path), let document = set.document(for: path) else {
        invalid += 1
        continue
    }
    var line = "\(path): valid"
    if case .submission(let submission) = document.document {
        var rounded = Decimal()
        var amount = submission.price?.amount ?? 0
        NSDecimalRound(&rounded, &amount, 2, .plain)
        let price = pence.string(from: NSDecimalNumber(decimal: rounded)) ?? ""
        line += " submission \(submission.id) from \(submission.bidder.name), \(submission.responses.count) responses at £\(price)"
    }
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
print("\(paths.count) files checked: \(paths.count - invalid) valid, \(invalid) invalid")
