import Foundation
import TenderTestSupport

#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
#endif

/// The built `tenderscore serve`, run as a council runs it, on a free loopback port: the browser
/// test talks to the real program, not to a router in the test process.
final class ServeProcess: @unchecked Sendable {
    let port: Int
    private let process = Process()
    private let log: String

    /// Starts `serve` on `store` and waits until it accepts connections. Throws with what serve
    /// printed when it stops instead (a store it refuses, a port taken).
    init(store: String, logFolder: TemporaryFolder, readyWithin timeout: TimeInterval = 120) throws {
        port = try Self.freePort()
        log = logFolder.file("serve-\(port).log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.executableURL = try CLI.binary()
        process.arguments = ["serve", "--store", store, "--host", "127.0.0.1", "--port", String(port)]
        var environment = ProcessInfo.processInfo.environment
        for key in ["TENDERSCORE_STORE", "TENDERSCORE_TENDER", "TENDERSCORE_ACTOR"] { environment[key] = nil }
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try output.close()
        let deadline = Date().addingTimeInterval(timeout)
        while !Self.accepts(port: port) {
            guard process.isRunning else {
                process.waitUntilExit()
                throw FixtureError("tenderscore serve stopped (status \(process.terminationStatus)) before it served:\n\(printed)")
            }
            guard Date() < deadline else {
                stop()
                throw FixtureError("tenderscore serve did not accept connections on port \(port) within \(Int(timeout)) s:\n\(printed)")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Everything serve printed so far, for failure messages.
    var printed: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// A port nobody listens on now, chosen by the kernel.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw FixtureError("no socket for finding a free port") }
        defer { close(descriptor) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw FixtureError("could not find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
