package org.fusioncell.safeguards.redress.web;

import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.safeguards.redress.Redress;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The current reader, when they are a redress officer (the role is configured, so it is checked here). */
@Component
class RedressOfficers {

    private final Readers readers;
    private final Redress redress;

    RedressOfficers(Readers readers, Redress redress) {
        this.readers = readers;
        this.redress = redress;
    }

    Reader current() {
        Reader reader = readers.current();
        if (!redress.officer(reader)) {
            throw new AccessDeniedException("not a redress officer");
        }
        return reader;
    }
}
