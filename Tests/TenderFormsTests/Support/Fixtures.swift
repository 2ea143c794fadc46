import Foundation
import TenderForms
import TenderModel
import TenderXML
import ZIPFoundation
import TenderTestSupport

/// The repository's criteria, temporary folders and small package surgery shared by the tests.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let tender = "TND-2026-014"
    static let title = "Community support for people with learning disabilities and autistic people in Westfield"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func criteria() throws -> Criteria {
        let path = repositoryRoot.appendingPathComponent("Criteria/coproduction-commissioning.xml").path
        guard case .criteria(let criteria) = try DocumentLoader().load(path: path).document else {
            throw Failure(description: "\(path) is not a criteria document")
        }
        return criteria
    }

    static func form(_ format: FormFormat) throws -> Data {
        try ResponseForm(tender: tender, title: title, criteria: criteria()).data(format)
    }

    static func temporaryFolder() throws -> URL { try TemporaryFolder.scratch("tenderforms") }

    static func write(_ data: Data, named name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// Reads a form with the defaults the CLI will use.
    static func read(
        _ url: URL, appendices: [URL] = [], submission: String = "BID-100", packageLimits: PackageLimits = PackageLimits()
    ) throws -> CompletedForm {
        try CompletedForm.read(
            form: url, appendices: appendices, criteria: criteria(), tender: tender, submissionID: submission,
            submitted: Date(timeIntervalSince1970: 1_790_000_000), packageLimits: packageLimits)
    }

    /// Every entry of a package, in order, as (path, bytes).
    static func entries(of package: Data) throws -> [(String, Data)] {
        let archive = try Archive(data: package, accessMode: .read)
        var result: [(String, Data)] = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            result.append((entry.path, bytes))
        }
        return result
    }

    /// A new package from (path, bytes) pairs, deflated except `mimetype`.
    static func package(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                compressionMethod: path == "mimetype" ? .none : .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        guard let data = archive.data else { throw Failure(description: "no archive data") }
        return data
    }

    /// The package with one part's text changed by `edit`.
    static func editing(_ package: Data, part: String, _ edit: (String) -> String) throws -> Data {
        try self.package(
            entries(of: package).map { path, bytes in
                path == part ? (path, Data(edit(String(decoding: bytes, as: UTF8.self)).utf8)) : (path, bytes)
            })
    }
}
