/// Computes CBV 2.0 event hashes and their pre-hash strings.
public enum EventHasher {
    /// The canonical pre-hash string of an event, leaving out the extension fields in `ignoring`.
    public static func preHash(of event: EPCISEvent, ignoring: [EPCISName] = []) -> String {
        PreHashBuilder.preHash(type: event.type.rawValue, nodes: event.hashTree(ignoring: Set(ignoring)))
    }

    /// The event hash of an event, leaving out the extension fields in `ignoring`.
    public static func hash(of event: EPCISEvent, ignoring: [EPCISName] = []) -> EventHash {
        EventHash(
            preHashBytes: PreHashBuilder.preHashBytes(
                type: event.type.rawValue, nodes: event.hashTree(ignoring: Set(ignoring))))
    }
}

extension EPCISDocument {
    /// The pre-hash string of every event, in document order, honouring the document's `ignoreFields`.
    public var preHashes: [String] {
        events.map { EventHasher.preHash(of: $0, ignoring: ignoredFields) }
    }

    /// The event hash of every event, in document order, honouring the document's `ignoreFields`.
    public var eventHashes: [EventHash] {
        preHashes.map { EventHash(preHash: $0) }
    }
}
