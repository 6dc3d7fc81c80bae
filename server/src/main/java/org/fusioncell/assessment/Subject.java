package org.fusioncell.assessment;

import java.time.LocalDate;

/** See {@link SubjectType} for what {@code reference} holds; {@code from}/{@code until} bound a period or event. */
public record Subject(SubjectType type, String reference, String label, LocalDate from, LocalDate until) {
}
