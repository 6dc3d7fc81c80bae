package org.fusioncell.safeguards.redress;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.screening.PersonHit;

/**
 * Redress requests, read and changed by the redress officers ({@code fusioncell.safeguards.redress.officer-role},
 * DATA_PROTECTION_OFFICER) of the organisation that filed them; callers check the role ({@link #officer}).
 * Every read and step is audited in its transaction.
 */
public interface Redress {

    String INFORMATION_TYPE = "redress";

    boolean officer(Reader reader);

    /** The redress officers of the reader's organisation (to assign a review to). */
    List<String> officers(Reader reader);

    RedressRequest file(Reader officer, RedressFiling filing);

    /** The organisation's requests, newest first. */
    List<RedressRequest> list(Reader officer);

    Optional<RedressRequest> open(Reader officer, String id);

    /** Hits across runs and organisations that may be about the person, best first (for the officer to confirm). */
    List<PersonHit> candidates(Reader officer, String id);

    /** The hits confirmed as the person's. */
    List<PersonHit> linked(Reader officer, String id);

    /** Confirms these hits are about the person (moves a filed request under review). */
    RedressStep link(Reader officer, String id, List<String> hitIds);

    RedressStep assign(Reader officer, String id, String userId);

    RedressStep note(Reader officer, String id, String text);

    /** Records the outcome; UPHELD clears the person of the linked hits' entries, for every organisation. */
    RedressStep decide(Reader officer, String id, RedressRequest.Outcome outcome, String reason);

    /** The reply letter of a decided request, in the person's language (audited as disclosure). */
    Optional<RedressLetter> letter(Reader officer, String id);
}
