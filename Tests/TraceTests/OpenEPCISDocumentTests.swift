import Foundation
import Testing

@testable import Trace

/// Validation against the OpenEPCIS EPCIS 2.0 JSON test documents: every capture document and
/// bare event labelled valid is accepted; every invalid one is rejected with a reason naming
/// the problem.
@Suite(.enabled(if: TraceTestData.isAvailable, TraceTestData.missingComment))
struct OpenEPCISDocumentTests {
    /// The capture folder of the OpenEPCIS documents.
    static let folder = "epcis-documents/openepcis-2.0-json/Capture"
    /// Documents labelled valid.
    static let validDocuments = TraceTestData.files(in: folder + "/Documents", extensions: ["json"]).map {
        "Documents/" + $0
    }
    /// Single events labelled valid.
    static let validEvents = TraceTestData.files(in: folder + "/Events", extensions: ["json"]).map { "Events/" + $0 }
    /// Documents labelled invalid.
    static let invalidDocuments = TraceTestData.files(in: folder + "/Invalid", extensions: ["json"])

    /// For each invalid document, the path and a word of the reason that must be reported.
    static let expectedReasons: [String: (path: String, mentions: String)] = [
        "Combination_of_events_with_missing_mandatory_fields.json": (
            "epcisBody.eventList[0].action", "action is required"
        ),
        "Combination_of_multiple_invalid_fields.json": (
            "epcisBody.eventList[0].bizStep", "'transforming' is not a CBV business step"
        ),
        "Combination_of_non_standard_bizStep_and_disposition.json": (
            "epcisBody.eventList[1].disposition", "'in_transport' is not a CBV disposition"
        ),
        "EPCISDocument_without_context.json": ("@context", "@context is required"),
        "ObjectEvent_with_ilmd_field_without_namespace.json": (
            "epcisBody.eventList[0].ilmd.materialType", "needs a namespace"
        ),
        "ObjectEvent_with_invalid_action.json": (
            "epcisBody.eventList[0].action", "'CREATE' is not ADD, OBSERVE or DELETE"
        ),
        "ObjectEvent_with_invalid_certificationInfo.json": (
            "epcisBody.eventList[0].certificationInfo[0]", "must be a string"
        ),
        "ObjectEvent_with_invalid_eventTime_format.json": (
            "epcisBody.eventList[0].eventTime", "'22-07-2026' is not a date-time"
        ),
        "ObjectEvent_with_non_standard_bizStep.json": (
            "epcisBody.eventList[0].bizStep", "'transforming' is not a CBV business step"
        ),
        "ObjectEvent_with_non_standard_bizStep_in_second_event.json": (
            "epcisBody.eventList[1].bizStep", "not a CBV business step"
        ),
        "ObjectEvent_with_non_standard_disposition.json": (
            "epcisBody.eventList[0].disposition", "'in_transport' is not a CBV disposition"
        ),
        "ObjectEvent_with_quantity_as_text.json": (
            "epcisBody.eventList[0].quantityList[0].quantity", "must be a number"
        ),
        "ObjectEvent_with_unknown_field_in_quantityList.json": (
            "epcisBody.eventList[0].quantityList[0].weight", "'weight' is not a field"
        ),
        "ObjectEvent_without_action_and_eventTime.json": ("epcisBody.eventList[0].eventTime", "eventTime is required"),
        "ObjectEvent_without_identifier_list.json": ("epcisBody.eventList[0].epcList", "ObjectEvent needs epcList"),
    ]

    /// The problems of a document under the capture folder.
    static func problems(_ path: String, strict: Bool = false) throws -> [EPCISProblem] {
        let document = try EPCISDocumentDecoder().decode(try TraceTestData.data(folder + "/" + path))
        return EPCISValidator(strict: strict).validate(document)
    }

    /// All OpenEPCIS capture documents are present and every invalid one has an expected reason.
    @Test func allDocumentsAreFound() {
        #expect(Self.validDocuments.count == 38)
        #expect(Self.validEvents.count == 5)
        #expect(Self.invalidDocuments.count == 15)
        #expect(Set(Self.invalidDocuments) == Set(Self.expectedReasons.keys))
    }

    /// Every document and event labelled valid has no errors.
    @Test(arguments: validDocuments + validEvents)
    func validDocumentIsAccepted(_ path: String) throws {
        let errors = EPCISValidator.errors(try Self.problems(path))
        #expect(errors.isEmpty, "\(path): \(errors.map(\.description))")
    }

    /// Every invalid document has an error at the expected path naming the problem.
    @Test(arguments: invalidDocuments)
    func invalidDocumentIsRejectedWithItsReason(_ file: String) throws {
        let errors = EPCISValidator.errors(try Self.problems("Invalid/" + file))
        let expected = try #require(Self.expectedReasons[file])
        #expect(
            errors.contains { $0.path == expected.path && $0.reason.contains(expected.mentions) },
            "\(file): \(errors.map(\.description))")
    }

    /// A document with several invalid events reports every one of them.
    @Test func everyProblemOfACombinedDocumentIsReported() throws {
        let errors = EPCISValidator.errors(try Self.problems("Invalid/Combination_of_multiple_invalid_fields.json"))
        let paths = Set(errors.map(\.path))
        for index in 0..<5 {
            #expect(paths.contains { $0.hasPrefix("epcisBody.eventList[\(index)].") }, "event \(index) has no problem")
        }
        #expect(paths.contains("epcisBody.eventList[2].sourceList[0].type"))
        #expect(paths.contains("epcisBody.eventList[4].action"))
    }

    /// The 2.0.1 JSON Schema requires `sensorReport.type`, but EPCIS 2.0 itself makes it optional
    /// (the EPCIS 2.0 XML schema declares the attribute `use="optional"`, and a report may carry only
    /// an `exception`). We follow the standard, so the upstream label "valid" stands.
    @Test func sensorReportWithoutTypeIsAccepted() throws {
        let document = try EPCISDocumentDecoder().decode(
            try TraceTestData.data(Self.folder + "/Documents/SensorData_with_combined_events.json"))
        let reports = document.events.flatMap { $0.sensorElementList ?? [] }.flatMap(\.reports)
        #expect(reports.contains { $0.type == nil })
        #expect(EPCISValidator.errors(EPCISValidator().validate(document)).isEmpty)
    }

    /// Two upstream "valid" documents carry GRAI Digital Links that fail GS1 checks (a wrong check
    /// digit; a first digit other than 0). EPCIS accepts them as plain URIs, so by default they are
    /// warnings; strict validation rejects them, naming the check digit.
    @Test func digitalLinksFailingGS1ChecksAreWarningsUnlessStrict() throws {
        let lenient = try Self.problems("Documents/Combination_of_different_event.json")
        #expect(lenient.contains { $0.severity == .warning && $0.reason.contains("bad check digit") })
        let strict = EPCISValidator.errors(
            try Self.problems("Documents/Combination_of_different_event.json", strict: true))
        #expect(
            strict.contains {
                $0.path == "epcisBody.eventList[0].epcList[0]" && $0.reason.contains("bad check digit: expected 6")
            })
    }
}
