package org.fusioncell.safeguards.retention.internal;

import org.fusioncell.access.Reader;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Ids;
import org.springframework.stereotype.Component;

/**
 * Who may decide here, checked again below the web layer (a bearer token of another role must not place a
 * hold), and the shared checks of free text fields.
 */
@Component
class Officers {

    private final Colleagues colleagues;

    Officers(Colleagues colleagues) {
        this.colleagues = colleagues;
    }

    boolean isOfficer(Reader reader) {
        return colleagues.holds(reader, Role.DATA_PROTECTION_OFFICER);
    }

    boolean isSupervisor(Reader reader) {
        return colleagues.holds(reader, Role.SUPERVISOR);
    }

    void requireOfficer(Reader reader) {
        if (!isOfficer(reader)) {
            throw new org.springframework.security.access.AccessDeniedException("data-protection officers only");
        }
    }

    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return v;
    }

    static String id(String field, String value) {
        if (!Ids.isWellFormed(value)) {
            throw new InvalidInputException(field, "an id as the API gives it");
        }
        return value;
    }
}
