import ArgumentParser

/// The command could not do what was asked; the message says why. Exit code 1.
struct Refusal: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
