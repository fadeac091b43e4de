public import QualityCore

extension EventQuery {
    /// Reads the query parameters of `GET /events` (REST binding: several values of one parameter
    /// separated by `|`). Unknown parameters, malformed times, identifiers, page sizes and tokens
    /// are `invalid` errors naming the parameter.
    public init(parameters: [(name: String, value: String)], visibleTo: Int64?) throws(QualityError) {
        self.init()
        self.visibleTo = visibleTo
        var seen = Set<String>()
        var orderBy: String?
        // EPCIS: without orderDirection, an ordered query is newest first.
        var ascending = false
        for (name, value) in parameters {
            guard seen.insert(name).inserted else {
                throw .invalid("bad_query", "the query parameter \(name) is given twice; separate values with |")
            }
            let values = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard !values.contains(where: \.isEmpty) else {
                throw .invalid("bad_query", "the query parameter \(name) has an empty value")
            }
            switch name {
            case "eventType": eventTypes = values
            case "GE_eventTime": eventTimeFrom = try Self.instant(value, name)
            case "LT_eventTime": eventTimeBefore = try Self.instant(value, name)
            case "GE_recordTime": recordTimeFrom = try Self.instant(value, name)
            case "LT_recordTime": recordTimeBefore = try Self.instant(value, name)
            case "EQ_action":
                for action in values where !EPCISAction(rawValue: action).isStandard {
                    throw .invalid("bad_query", "EQ_action '\(action)' is not ADD, OBSERVE or DELETE")
                }
                actions = values
            case "EQ_bizStep": bizSteps = values.map { Self.term($0, .bizStep) }
            case "EQ_disposition": dispositions = values.map { Self.term($0, .disposition) }
            case "EQ_readPoint":
                readPoints = try values.map { value throws(QualityError) in try Self.identity(value, name) }
            case "EQ_bizLocation":
                bizLocations = try values.map { value throws(QualityError) in try Self.identity(value, name) }
            case "perPage":
                guard let count = Int(value), count >= 1, count <= Self.maximumPerPage else {
                    throw .invalid(
                        "bad_query", "perPage must be a whole number from 1 to \(Self.maximumPerPage); got '\(value)'")
                }
                limit = count
            case "nextPageToken":
                guard let cursor = Self.cursor(ofPageToken: value) else {
                    throw .invalid("bad_page_token", "nextPageToken '\(value)' is not a token this server issued")
                }
                after = cursor
            case "orderBy":
                guard value == "eventTime" || value == "recordTime" else {
                    throw .invalid("bad_query", "orderBy must be eventTime or recordTime; got '\(value)'")
                }
                orderBy = value
            case "orderDirection":
                guard value == "ASC" || value == "DESC" else {
                    throw .invalid("bad_query", "orderDirection must be ASC or DESC; got '\(value)'")
                }
                ascending = value == "ASC"
            case _ where name.hasPrefix("EQ_bizTransaction_") && name.count > "EQ_bizTransaction_".count:
                let type = String(name.dropFirst("EQ_bizTransaction_".count))
                let identities = try values.map { value throws(QualityError) in try Self.identity(value, name) }
                bizTransactions.append(
                    TransactionMatch(type: Self.term(type, .bizTransactionType), identities: identities))
            default:
                guard let roles = Self.matchRoles[name] else {
                    throw .invalid(
                        "bad_query",
                        "the query parameter '\(name)' is not supported; use \(Self.parameterNames.joined(separator: ", "))"
                    )
                }
                var identities: [String] = []
                var prefixes: [String] = []
                for value in values {
                    let identity = try Self.identity(value, name)
                    if value.hasPrefix("urn:epc:idpat:") {
                        prefixes.append(identity + "/")
                    } else {
                        identities.append(identity)
                    }
                }
                matches.append(IdentifierMatch(identities: identities, prefixes: prefixes, roles: roles))
            }
        }
        switch orderBy {
        case "eventTime": order = .eventTime(ascending: ascending)
        case "recordTime": order = .recordTime(ascending: ascending)
        default:
            if seen.contains("orderDirection") {
                throw .invalid("bad_query", "orderDirection needs orderBy (eventTime or recordTime)")
            }
        }
        if let after, (after.time == nil) != (order == .capture) {
            throw .invalid("bad_page_token", "the nextPageToken belongs to a query with another orderBy")
        }
    }

    /// The page token for a cursor: `p`, the position and, when ordered by a time, `.` and the
    /// time, in base 36.
    public static func pageToken(after cursor: EventCursor) -> String {
        "p" + String(cursor.sequence, radix: 36) + (cursor.time.map { "." + String($0, radix: 36) } ?? "")
    }

    /// The cursor a page token names, or `nil` when it is not one.
    static func cursor(ofPageToken token: String) -> EventCursor? {
        guard token.hasPrefix("p"), token.utf8.count <= 32 else { return nil }
        let parts = token.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let sequence = Int64(parts[0], radix: 36), sequence >= 0 else { return nil }
        guard parts.count == 2 else { return EventCursor(time: nil, sequence: sequence) }
        guard let time = Int64(parts[1], radix: 36) else { return nil }
        return EventCursor(time: time, sequence: sequence)
    }

    /// An instant from an `xsd:dateTimeStamp`; a `+` of the offset that a form decoder turned
    /// into a space is taken back.
    static func instant(_ text: String, _ name: String) throws(QualityError) -> Int64 {
        let stamp = EPCISTimestamp(String(text.map { $0 == " " ? "+" : $0 }))
        guard stamp.isValid, let micros = stamp.microsecondsSince1970 else {
            throw .invalid(
                "bad_query", "\(name) '\(text)' is not a date-time with a UTC offset, such as 2026-03-01T08:00:00+08:00"
            )
        }
        return micros
    }

    /// A vocabulary value: a CBV short name or legacy URN as its Web URI, anything else as written.
    static func term(_ value: String, _ vocabulary: CBVVocabulary) -> String {
        vocabulary.uri(ofShortName: value) ?? vocabulary.webURI(ofURN: value) ?? EPCISNamespaces.gs1.expanding(value)
    }

    /// The canonical identity of an identifier parameter.
    static func identity(_ value: String, _ name: String) throws(QualityError) -> String {
        let identifier = EPCISIdentifier(value)
        if let problem = identifier.problem {
            throw .invalid("bad_query", "\(name): \(problem)")
        }
        return identifier.canonical
    }
}
