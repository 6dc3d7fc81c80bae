package org.fusioncell.safeguards.retention;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * The retention register: per information type its legal basis, purpose, retention and review periods
 * ({@code fusioncell.safeguards.retention.types.*}; the report's period is intake's
 * {@code fusioncell.intake.retention-default}, the one number the report's retention date comes from).
 */
public interface RetentionRegister {

    /** The register as the reader consults it; audited as consultation. */
    List<RetentionRule> rules(Reader reader);

    /** The rule for one type, for processing (not logged). */
    Optional<RetentionRule> rule(String type);
}
