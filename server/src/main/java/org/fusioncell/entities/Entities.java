package org.fusioncell.entities;

import java.util.List;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Entities, read through the reader's access predicate only; every call is audited (ids only).
 * {@link #correlations} and {@link #links} take an entity the reader has {@link #open opened}.
 */
public interface Entities {

    String INFORMATION_TYPE = "entity";

    /**
     * Records the entity, or reuses the one already held under the same key and the same marking if
     * the author may see it; an entity the author may not see is never merged into: they get their own,
     * correlated through the key.
     */
    Recorded record(Reader author, EntityDraft draft);

    /** {@code type} and {@code text} (label or identifier key, case-insensitive) are optional filters. */
    Page<Entity> list(Reader reader, EntityType type, String text, PageRequest page);

    long count(Reader reader, EntityType type, String text);

    EntityAccess open(Reader reader, String entityId);

    /**
     * The entity as stored with its marking, for automated processing that must consider every entity
     * whatever its marking (watch evaluation, which then decides per recipient). Nobody is shown anything
     * by this call, so it is not logged itself; what the processing discloses is logged where it happens.
     * A merged-away entity is answered as stored; {@link #survivorOf} names the entity standing for it.
     */
    java.util.Optional<Entity> forProcessing(String entityId);

    /** The entity that stands for {@code entityId} now: itself, or the survivor of the merges it went into. */
    String survivorOf(String entityId);

    Correlations correlations(Reader reader, Entity entity);

    /** Links from or to the entity whose own marking and both ends the reader may see. */
    List<EntityLink> links(Reader reader, Entity entity);

    /** The reports that mention the entity, through mentions whose own marking the reader may see. */
    List<Mention> mentions(Reader reader, Entity entity);

    /**
     * The originator's release after an access request: re-marks the entity so that {@code recipient}
     * is in its audience (their organisation added to releasability; the user, for TLP:RED), audited as
     * disclosure. Answers the recipient's decision under the resulting marking: VISIBLE when released,
     * EXISTENCE_ONLY when the policy would still withhold it (nothing changed), HIDDEN when
     * {@code owner}'s organisation does not hold such an entity (nothing changed).
     */
    Decision releaseTo(Reader owner, String entityId, Reader recipient, String accessRequestId);
}
