public import Foundation
public import Trace

extension EPCISController {
    /// A capture job as the REST binding shows it (`CaptureJob`), with this repository's counts.
    public struct CaptureJobDTO: Encodable, Sendable {
        /// The job's id.
        public var captureID: String
        /// When the capture was received.
        public var createdAt: Date
        /// When it finished.
        public var finishedAt: Date?
        /// Always `false`: a capture finishes before its response.
        public var running: Bool
        /// Whether every event was stored (or was there already).
        public var success: Bool
        /// Always `rollback`: all or nothing.
        public var captureErrorBehaviour: String
        /// Events in the capture.
        public var eventCount: Int
        /// Events stored by this capture.
        public var acceptedCount: Int
        /// Events that were stored already.
        public var duplicateCount: Int
        /// Every reason the capture was rejected, as RFC 7807 problems.
        public var errors: [ProblemDTO]

        /// The representation of a job.
        public init(_ job: CaptureJob) {
            captureID = job.id
            createdAt = job.createdAt
            finishedAt = job.finishedAt
            running = false
            success = job.success
            captureErrorBehaviour = "rollback"
            eventCount = job.eventCount
            acceptedCount = job.acceptedCount
            duplicateCount = job.duplicateCount
            errors = job.errors.map(ProblemDTO.init)
        }
    }

    /// One capture error as an RFC 7807 problem, as the binding's `errors` list holds them.
    public struct ProblemDTO: Encodable, Sendable {
        /// `epcisException:ValidationException`.
        public var type: String
        /// A short title: the problem's kind.
        public var title: String
        /// 400.
        public var status: Int
        /// What is wrong.
        public var detail: String
        /// Where in the document, e.g. `epcisBody.eventList[1].bizStep`.
        public var instance: String
        /// The stable kind: `required`, `vocabulary`, `identifier`, `time`, …
        public var code: String

        /// The representation of a problem.
        public init(_ problem: EPCISProblem) {
            type = "epcisException:ValidationException"
            title = "invalid EPCIS document: \(problem.code)"
            status = 400
            detail = problem.reason
            instance = problem.path
            code = problem.code
        }
    }

    /// The answer to `POST /epcis/events`.
    public struct EventCreatedDTO: Encodable, Sendable {
        /// The capture job that recorded it.
        public var captureID: String
        /// The event's ID (as sent, or its event hash).
        public var eventID: String
        /// Whether the event was stored already.
        public var duplicate: Bool
    }

    /// A rejected single event: the usual error envelope plus every problem.
    struct ValidationFailure: Encodable {
        /// The error.
        struct Detail: Encodable {
            /// `epcis_invalid`.
            let code: String
            /// Every reason, in one line.
            let message: String
            /// Every reason, one each.
            let problems: [EPCISProblem]
        }
        /// The error.
        let error: Detail
    }
}
