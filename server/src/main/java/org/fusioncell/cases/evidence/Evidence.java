package org.fusioncell.cases.evidence;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseStep;

/**
 * Evidence items of a case and their chain of custody (docs/evidence.md). Whoever may read the case (through
 * {@link org.fusioncell.cases.Cases}) sees its evidence; anyone else gets {@link CaseStep.Unknown}, exactly as
 * for a case that does not exist. Bad input throws {@link org.fusioncell.shared.InvalidInputException} naming
 * the field; every step is one transaction and is audited.
 */
public interface Evidence {

    String INFORMATION_TYPE = "evidence";

    /**
     * What is received. {@code kind}: FILE (the content is {@code file}; its SHA-256 is computed here, and a
     * {@code sha256} given too must match), PHYSICAL ({@code description} and {@code sealNumber} required; the hash
     * is taken of the description as recorded) or DIGITAL_EXTRACTION ({@code tool}, {@code sourceDevice} and the
     * examiner's {@code sha256} of the extraction required). {@code occurredAt}, {@code place}, {@code why}: the
     * RECEIVED custody event (occurredAt: ISO-8601, default now).
     */
    record Intake(String kind, String title, String description, String sealNumber, String location, String tool,
                  String sourceDevice, String sha256, String fileName, String mediaType, String occurredAt,
                  String place, String why) {
    }

    CaseStep<EvidenceItem> receive(Reader reader, String caseId, Intake intake, InputStream file);

    /** The case's evidence; empty when the reader may not see the case. */
    Optional<List<EvidenceItem>> items(Reader reader, String caseId);

    CaseStep<EvidenceItem> item(Reader reader, String caseId, String itemId);

    CaseStep<List<CustodyEvent>> custody(Reader reader, String caseId, String itemId);

    /** {@code kind}: one of {@link CustodyEvent.Kind} but RECEIVED; {@code toUserId} for TRANSFERRED. */
    record EventDraft(String kind, String occurredAt, String place, String why, String toUserId) {
    }

    CaseStep<CustodyEvent> record(Reader reader, String caseId, String itemId, EventDraft draft);

    /** Recomputes every item's custody chain of the case; the first broken link is named. */
    CaseStep<ChainCheck> verify(Reader reader, String caseId);

    /** The evidence package for prosecutors (supervisors of the lead organisation). */
    CaseStep<EvidencePackage> exportPackage(Reader reader, String caseId);

    /** A FILE item's stored content and the name it was received under. */
    record Content(String fileName, InputStream in) {
    }

    /** The stored file of a FILE item, for whoever sees the case. */
    CaseStep<Content> content(Reader reader, String caseId, String itemId);
}
