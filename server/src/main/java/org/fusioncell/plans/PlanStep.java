package org.fusioncell.plans;

/** The outcome of a change to a plan; refusals are values. */
public sealed interface PlanStep<T> {

    record Done<T>(T value) implements PlanStep<T> {
    }

    /** No such plan (or part of it), or one the reader may not see: told apart by nobody. */
    record Unknown<T>() implements PlanStep<T> {
    }

    /** The plan changed since the version the reader edited. */
    record Stale<T>(int currentVersion) implements PlanStep<T> {
    }

    /**
     * The reader sees the plan but may not take this step ({@code code}: not-coordinator, not-supervisor,
     * four-eyes, closed).
     */
    record Refused<T>(String code, String detail) implements PlanStep<T> {
    }
}
