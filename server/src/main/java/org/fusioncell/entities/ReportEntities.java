package org.fusioncell.entities;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * The entity side of a report: identifiers proposed from its text, the analyst's decisions, the
 * entities it mentions and the links it asserts. Each call first opens the report through
 * {@code intake.Reports}: a report the reader may not see answers empty, like an absent one.
 */
public interface ReportEntities {

    Optional<List<Proposal>> proposals(Reader reader, String reportId, String justification);

    /** Creates (or reuses, by key) the entity under the report's marking and records the mention. */
    Optional<Proposal> confirm(Reader reader, String reportId, String proposalId, String justification);

    Optional<Proposal> reject(Reader reader, String reportId, String proposalId, String justification);

    Optional<List<Mention>> mentions(Reader reader, String reportId, String justification);

    /**
     * Records that the report mentions an entity the reader may see (exchange imports: the mentions a
     * received report carries); false if the report or the entity is not visible. Idempotent.
     */
    boolean mention(Reader reader, String reportId, String entityId, String justification);

    /** A link asserted by the report, marked like the report; empty if the report or an end is not visible. */
    Optional<EntityLink> link(Reader author, LinkDraft draft, String justification);

    /**
     * Erases one link. Only a reader of the organisation that asserted it (the originating organisation of
     * its report; without a report still held, the owner of the link's marking) may; for anyone else nothing
     * changes, the attempt is audited as access denied and the answer is false. False too when no such link
     * is held. Audited as erasure with the reason.
     *
     * @throws org.fusioncell.shared.InvalidInputException (field {@code reason}) when the reason is blank
     */
    boolean unlink(Reader actor, String linkId, String reason);

    record LinkDraft(String fromEntityId, String toEntityId, LinkType type, String reportId, double confidence,
                     LocalDate validFrom, LocalDate validTo) {
    }
}
