package org.fusioncell.screening;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An identity document of a screened person: its type as given, its number, its issuing country (alpha-2). */
public record SubjectDocument(String type, String number, @Nullable String country) {

    public SubjectDocument {
        Objects.requireNonNull(number, "number");
        type = type == null ? "" : type;
    }
}
