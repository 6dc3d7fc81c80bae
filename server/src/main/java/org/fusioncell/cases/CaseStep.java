package org.fusioncell.cases;

/** The outcome of a step on a case or a task; refusals are values. */
public sealed interface CaseStep<T> {

    record Done<T>(T value) implements CaseStep<T> {
    }

    /** No such case or task, or one the reader may not see: told apart by nobody. */
    record Unknown<T>() implements CaseStep<T> {
    }

    /** The case changed since the version the reader edited. */
    record Stale<T>(int currentVersion) implements CaseStep<T> {
    }

    /** The step does not apply in this state ({@code state}: the case's or the task's). */
    record WrongState<T>(String state) implements CaseStep<T> {
    }

    /** The reader sees the case but may not take this step ({@code code}: not-lead-supervisor, …). */
    record Refused<T>(String code, String detail) implements CaseStep<T> {
    }
}
