package org.fusioncell.entities;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * Entity resolution: merge suggestions, merges and splits. Nothing here merges by itself: an analyst
 * merges, giving a reason, and only entities they may see, of one type, under one and the same marking
 * (so that no reader gains or loses anything by the merge). A merge keeps the merged-away entities and
 * records every row it re-points, so a split undoes exactly that merge. Every call is audited.
 * {@link #suggestions} and {@link #history} take an entity the reader has {@link Entities#open opened}.
 */
public interface Resolution {

    /** At most this many entities merged into a survivor at once. */
    int MAX_MERGED = 20;
    /** At most this many suggestions for one entity. */
    int MAX_SUGGESTIONS = 20;
    int MAX_REASON = 1000;

    /**
     * Entities the reader may see, of the same type and not merged away, that share an identifier key with
     * the entity (their own, or for people and groups that of an identifier linked to each) or, for people
     * and groups, whose names the names engine scores at least {@code NameMatcher.DEFAULT_THRESHOLD}
     * against the entity's after date of birth, nationality, gender and documents. Best first.
     */
    List<MergeSuggestion> suggestions(Reader reader, Entity entity);

    /**
     * Merges {@code otherIds} into {@code survivorId}. Bad input (no reason, too many or repeated ids) is an
     * {@link org.fusioncell.shared.InvalidInputException}; an id the analyst may not see answers
     * {@link MergeOutcome.Unknown}, exactly as an absent one.
     */
    MergeOutcome merge(Reader analyst, String survivorId, List<String> otherIds, String reason);

    /** Undoes one merge into {@code survivorId}: the merged entities come back with their own mentions and links. */
    SplitOutcome split(Reader analyst, String survivorId, String mergeId, String reason);

    /**
     * The merges into the entity and the one that merged it away, newest first; a merge is listed with the
     * merged entities the reader may see, and not at all when the reader may see none of them.
     */
    List<Merge> history(Reader reader, Entity entity);

    /** The entity that now stands for a merged-away one (following later merges), if the reader may see it. */
    Optional<String> mergedInto(Reader reader, String entityId);
}
