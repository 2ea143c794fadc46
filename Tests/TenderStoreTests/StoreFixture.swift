import Foundation
import GRDB
import TenderTestSupport

extension StoreFixture {
    /// Runs SQL on the store file through a connection of its own, as someone with the file and
    /// an SQLite tool would.
    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: storePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    func dump() throws -> String { try Dump.tables(storePath) }
}

enum Dump {
    /// Every table's rows and the schema, in a stable order: equal dumps mean equal content.
    static func tables(_ path: String) throws -> String {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            var out = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
                .joined(separator: "\n")
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") {
                out += "\n## \(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid") {
                    out += row.description + "\n"
                }
            }
            return out
        }
    }
}

func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
