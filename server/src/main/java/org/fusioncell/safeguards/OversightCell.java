package org.fusioncell.safeguards;

import java.time.Duration;

/**
 * One cell of an oversight table. A {@link Term} is translated (a message key, e.g. an audit action's
 * label); a {@link Text} is shown as it is (a list's name, a country code); figures keep their type so that
 * the HTML, PDF and CSV renderings format them each in their own way.
 */
public sealed interface OversightCell {

    /** A message key, shown translated into the report's language. */
    record Term(String messageKey) implements OversightCell {
    }

    /** A value shown as it is. */
    record Text(String value) implements OversightCell {
    }

    record Count(long value) implements OversightCell {
    }

    /** A proportion in [0, 1], or absent when its denominator is zero. */
    record Rate(Double value) implements OversightCell {
    }

    /** A duration, e.g. a median time to decision; absent when there was nothing to measure. */
    record Time(Duration value) implements OversightCell {
    }
}
