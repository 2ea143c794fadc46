import ArgumentParser
import TenderModel
import TenderXML

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check documents.")
    @Argument var files: [String]
    func run() throws {
        for file in files {
            do {
                let doc = try DocumentLoader().load(path: file)
                print("\(file): valid \(doc.document.kind.displayName)")
                for w in doc.warnings { print(w) }
            } catch {
                print(error)
            }
        }
    }
}
