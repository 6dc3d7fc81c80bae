package org.fusioncell.intake;

/**
 * The outcome of reading something held under a report (its versions, its attachments): either the
 * value, or the refusal the report itself would give ({@link ReportAccess.JustificationNeeded},
 * {@link ReportAccess.KnownToExist} or {@link ReportAccess.Unknown}).
 */
public sealed interface Disclosure<T> {

    record Granted<T>(T value) implements Disclosure<T> {
    }

    record Refused<T>(ReportAccess refusal) implements Disclosure<T> {
    }
}
