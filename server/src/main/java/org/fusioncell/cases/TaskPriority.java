package org.fusioncell.cases;

import java.util.Optional;

/** How urgent a task is; an overdue URGENT or HIGH task is escalated loudly. */
public enum TaskPriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public static Optional<TaskPriority> parse(String text) {
        return CaseKind.Words.parse(TaskPriority.class, text);
    }
}
