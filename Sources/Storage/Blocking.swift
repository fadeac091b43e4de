import Dispatch

/// Runs blocking work (file creation, `fsync`) on a Dispatch thread rather than on Swift
/// Concurrency's cooperative pool, which has one thread per core: a blocked pool thread stalls
/// every task in the process, including a server's requests.
enum Blocking {
    /// The result of `work`, computed on a global Dispatch queue.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
