import Access
import Foundation
import QualityCore

extension PassportService {
    /// Verifies a scanned code (验码 · 识码) and records the scan: parses the Digital Link, looks up
    /// product and batch, authenticates the serial, checks issuance, recall, expiry and the
    /// unit's scan history, and explains every step.
    ///
    /// Throws `invalid` only when the text is not a GS1 Digital Link with a GTIN; every
    /// well-formed code gets a verdict.
    public func verify(_ uri: String, context: ScanContext) async throws -> Verdict {
        let link: DigitalLink
        do { link = try DigitalLink.parse(uri) } catch { throw QualityError(error) }
        let code = try UnitCode(link)
        let checkedAt = now()
        var checks: [VerdictCheck] = []
        let canonical = link.canonicalURI(stem: stem)

        func finish(_ kind: VerdictKind, product: Product? = nil, batch: Batch? = nil) async throws -> Verdict {
            var history = ScanHistory.none
            if context.records, let lot = code.lot, let serial = code.serial {
                let record = ScanRecord(
                    gtin: code.gtin, lot: lot, serial: serial, scannedAt: checkedAt, verdict: kind,
                    location: context.location, client: context.client)
                let before = try await recorder.record(record)
                if product != nil { history = before }
            } else if let lot = code.lot, let serial = code.serial, product != nil {
                history = try await store.scanHistory(gtin: code.gtin, lot: lot, serial: serial, recent: recorder.recent)
            }
            var kind = kind
            if kind == .genuine,
                let clone = clonePolicy.check(history: history, location: context.location, counting: context.records, at: checkedAt)
            {
                checks.append(clone)
                if clone.outcome == .failed { kind = .suspectedClone }
            }
            let producer = try await product.asyncMap { product in
                try await catalog.organisationName(product.ownerID) { try await access.organisation(id: product.ownerID)?.name }
            } ?? nil
            let counted = history.count + (context.records && code.serial != nil ? 1 : 0)
            return Verdict(
                verdict: kind, checks: checks, uri: canonical, gtin: code.gtin.gtin14, lot: code.lot,
                serial: code.serial, product: product, batch: batch, producer: producer, scanCount: counted,
                firstScanAt: history.firstScanAt ?? (counted > 0 ? checkedAt : nil),
                recentScans: history.recent, checkedAt: checkedAt)
        }

        guard let product = try await catalog.product(code.gtin, load: { try await store.product(gtin: code.gtin) }) else {
            checks.append(.init(id: "product.registered", outcome: .failed,
                message: "No product with GTIN \(code.gtin.gtin14) is registered.",
                messageZH: "未登记商品编码 \(code.gtin.gtin14) 的产品。"))
            return try await finish(.unknown)
        }
        guard let lot = code.lot, let batch = try await catalog.batch(code.gtin, lot, load: { try await store.batch(gtin: code.gtin, lot: lot) })
        else {
            checks.append(PassingChecks.registered(product))
            let lotText = code.lot.map { "'\($0)'" } ?? "(none in the code)"
            checks.append(.init(id: "batch.registered", outcome: .failed,
                message: "Batch \(lotText) is not registered for this product.",
                messageZH: "该产品未登记批次 \(lotText)。"))
            return try await finish(.unknown, product: product)
        }
        let issuances = try await catalog.issuances(code.gtin, lot) { try await store.issuances(gtin: code.gtin, lot: lot) }
        let passing = catalog.passingChecks(code.gtin, lot) {
            PassingChecks(product: product, batch: batch, issuances: issuances)
        }
        checks.append(passing.product)
        checks.append(passing.batch)

        guard let serialText = code.serial else {
            checks.append(.init(id: "serial.present", outcome: .failed,
                message: "The code names a batch, not a unit: it has no serial number (AI 21).",
                messageZH: "该码只标识批次，没有单品序列号（AI 21）。"))
            return try await finish(.unknown, product: product, batch: batch)
        }
        guard let authentic = try await authenticate(serialText, gtin: code.gtin, lot: lot) else {
            checks.append(.init(id: "serial.authentic", outcome: .failed,
                message: "Serial \(serialText) was not issued by the producer: its security check fails.",
                messageZH: "序列号 \(serialText) 不是生产者签发的：防伪校验未通过。"))
            return try await finish(.forged, product: product, batch: batch)
        }
        checks.append(PassingChecks.authentic)

        guard let issuance = issuances.first(where: { $0.contains(index: authentic.index) }) else {
            checks.append(.init(id: "serial.issued", outcome: .failed,
                message: "Unit \(authentic.index) of batch \(lot) was never issued.",
                messageZH: "批次 \(lot) 的第 \(authentic.index) 号单品从未赋码。"))
            return try await finish(.forged, product: product, batch: batch)
        }
        checks.append(passing.issued(issuance))

        if let recall = batch.recall {
            checks.append(.init(id: "batch.recall", outcome: .failed,
                message: "Batch \(lot) was recalled on \(CalendarDay(chinaDayOf: recall.recalledAt.timeIntervalSince1970)): \(recall.reason). Stop using it and contact the seller.",
                messageZH: "批次 \(lot) 已于 \(CalendarDay(chinaDayOf: recall.recalledAt.timeIntervalSince1970)) 召回：\(recall.reason)。请停止使用并联系商家。"))
            return try await finish(.recalled, product: product, batch: batch)
        }
        checks.append(passing.notRecalled)

        let today = CalendarDay(chinaDayOf: checkedAt.timeIntervalSince1970)
        if let expiry = batch.expiresOn, expiry < today {
            checks.append(.init(id: "batch.expiry", outcome: .failed,
                message: "Expired on \(expiry).", messageZH: "已于 \(expiry) 过期。"))
            return try await finish(.expired, product: product, batch: batch)
        }
        if let inDate = passing.inDate {
            checks.append(inDate)
        }
        return try await finish(.genuine, product: product, batch: batch)
    }

    /// The serial, if it authenticates for the batch under a known key.
    func authenticate(_ text: String, gtin: GTIN, lot: String) async throws -> UnitSerial? {
        guard let serial = UnitSerial(parsing: text),
            let signer = try await catalog.signer(gtin, lot, keyID: serial.keyID, load: {
                try await store.serialKey(id: serial.keyID, createIfMissing: false)
            })
        else { return nil }
        return signer.authenticates(serial) ? serial : nil
    }

}
