/// Computes CBV 2.0 event hashes and their pre-hash strings.
public enum EventHasher {
    /// The canonical pre-hash string of an event, leaving out the extension fields in `ignoring`.
    public static func preHash(of event: EPCISEvent, ignoring: [EPCISName] = []) -> String {
        var writer = PreHashWriter()
        writer.write(event, ignoring: Set(ignoring))
        return String(decoding: writer.output, as: UTF8.self)
    }

    /// The event hash of an event, leaving out the extension fields in `ignoring`.
    public static func hash(of event: EPCISEvent, ignoring: [EPCISName] = []) -> EventHash {
        var writer = PreHashWriter()
        return writer.hash(of: event, ignoring: Set(ignoring))
    }
}

extension EPCISDocument {
    /// The pre-hash string of every event, in document order, honouring the document's `ignoreFields`.
    public var preHashes: [String] {
        var writer = PreHashWriter()
        let ignoring = Set(ignoredFields)
        return events.map { event in
            writer.write(event, ignoring: ignoring)
            return String(decoding: writer.output, as: UTF8.self)
        }
    }

    /// The event hash of every event, in document order, honouring the document's `ignoreFields`.
    public var eventHashes: [EventHash] {
        var writer = PreHashWriter()
        let ignoring = Set(ignoredFields)
        return events.map { writer.hash(of: $0, ignoring: ignoring) }
    }
}
