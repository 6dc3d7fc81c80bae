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

    /**
     * Erases the entity for good: its row (attributes, identifier key), correlation rows, name keys, its
     * mentions, every link from or to it, and (after commit, {@link EntityErased}) its search document. Only a
     * reader of the entity's owner organisation may erase it; for anyone else nothing changes, the attempt is
     * audited as access denied and the answer is false. False too when no such entity is held.
     * <p>
     * Merges: a <em>survivor</em> is erased together with every entity merged into it (they are one subject,
     * under one marking of one owner), with those merges' records. An entity <em>merged into another</em> is
     * taken out of its merge: its own row and membership go, the attribute values it filled into the
     * survivor are taken back (as its split would), a correlation row the merge gave the survivor for its key
     * goes unless something else still gives it; the mentions and links its merge re-pointed to the survivor
     * stay there (they are assertions of reports, erased with their reports). Audited as erasure with the
     * reason; the audit log itself is never erased.
     *
     * @throws org.fusioncell.shared.InvalidInputException (field {@code reason}) when the reason is blank
     */
    boolean erase(Reader actor, String entityId, String reason);

    /**
     * Entities recorded before {@code createdBefore} that nothing asserts any more — no report mentions them, no
     * link starts or ends at them, no merge holds them — by id after {@code afterId} (null: from the start), at most
     * {@code limit}: the entities the retention purge erases through {@link #erase}. Ids only; not logged itself
     * (nobody is shown anything).
     */
    List<String> unasserted(java.time.Instant createdBefore, String afterId, int limit);
}
