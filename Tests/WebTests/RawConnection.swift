import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare TCP exchange with a live server, for requests no HTTP client will send (such as a
/// header with a NUL byte): connect, write the bytes, read until the server closes or a
/// deadline passes.
enum RawConnection {
    /// What came back and whether the server closed the connection before the deadline.
    struct Outcome {
        let bytes: [UInt8]
        let closedByServer: Bool
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Sends `request` to `localhost` on `port` and reads for at most `seconds`, on a thread
    /// of its own: blocking a thread of the concurrency pool could starve the server under test.
    static func exchange(port: Int, request: [UInt8], seconds: Double) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result { try blockingExchange(port: port, request: request, seconds: seconds) })
            }
            thread.start()
        }
    }

    /// The exchange itself, blocking the calling thread.
    private static func blockingExchange(port: Int, request: [UInt8], seconds: Double) throws -> Outcome {
        let descriptor = try connect(port: port)
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return Outcome(bytes: received, closedByServer: true) }
            if count > 0 { received += buffer[0..<count] }
            if count < 0 && errno != EAGAIN && errno != EWOULDBLOCK {
                return Outcome(bytes: received, closedByServer: true)
            }
        }
        return Outcome(bytes: received, closedByServer: false)
    }

    private static func connect(port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        // The live test server binds the first address `localhost` resolves to; connecting to
        // the same one avoids reaching another test's server on the other address family.
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &result) == 0, let info = result else {
            throw RawConnectionError.cannotConnect(port)
        }
        defer { freeaddrinfo(result) }
        let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard descriptor >= 0 else { throw RawConnectionError.cannotConnect(port) }
        guard Glibc.connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            close(descriptor)
            throw RawConnectionError.cannotConnect(port)
        }
        return descriptor
    }
}

/// Failures of the raw connection helper.
enum RawConnectionError: Error {
    case cannotConnect(Int)
}
