import PostgresNIO

/// The connection closed under a command: the server ended the session or went away.
struct ConnectionLost: Error {}

extension PostgresConnection {
    /// Runs `query`, refusing at once on a connection that has already closed.
    ///
    /// Why: PostgresNIO 1.33 writes a query to the channel without a promise, so a query sent
    /// after the server ended the session (a restart, `pg_terminate_backend`) is never answered
    /// and the command would wait for ever. A write that decided while the server went away is
    /// then told the connection was lost, and its transaction is never committed.
    @discardableResult
    func checkedQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        guard !isClosed else { throw ConnectionLost() }
        return try await self.query(query, logger: logger)
    }
}
