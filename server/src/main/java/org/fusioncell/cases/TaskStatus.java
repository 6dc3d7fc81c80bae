package org.fusioncell.cases;

import java.util.Optional;

/** A task's state; DONE and CANCELLED are final. */
public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public static Optional<TaskStatus> parse(String text) {
        return CaseKind.Words.parse(TaskStatus.class, text);
    }

    public boolean finished() {
        return this == DONE || this == CANCELLED;
    }
}
