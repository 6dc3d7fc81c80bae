package org.fusioncell.exchange.hits;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * The minimisation rules per agreement and each organisation's hit/no-hit point of contact. Administrators
 * of a party to an agreement in force set the rule; the shared key is never read back. Changes are audited.
 */
public interface HitRules {

    /** The rules of the agreements in force for the reader's organisation (unset ones are absent). */
    List<HitRule> list(Reader reader);

    Optional<HitRule> find(String agreementId);

    /**
     * {@code key}: base64 of at least 32 bytes; null keeps the stored key, blank removes it. Bad input throws
     * {@link org.fusioncell.shared.InvalidInputException} naming the field.
     */
    HitRule set(Reader admin, String agreementId, boolean nameKeyAndBirthDate, String birthPrecision,
                boolean keyedHash, String key);

    /** The point of contact the reader's organisation gives partners with a hit (null when none is set). */
    String contact(String organisationId);

    void setContact(Reader admin, String contact);

    /** Thrown when someone other than an administrator of the organisation changes a rule or the contact. */
    final class NotAdministratorException extends RuntimeException {
        public NotAdministratorException() {
            super("for administrators");
        }
    }
}
