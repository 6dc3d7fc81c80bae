package org.fusioncell.access;

import java.util.Locale;
import java.util.Optional;

/**
 * Traffic Light Protocol 2.0 (FIRST): how far a recipient may pass information on. It narrows the
 * audience that releasability names; it is not a classification.
 */
public enum Tlp {
    /** No limit on disclosure: every user of the system, unless originator control keeps it to the first recipients. */
    CLEAR("TLP:CLEAR"),
    /** The recipient's community: named recipients plus every organisation with an agreement with the owner. */
    GREEN("TLP:GREEN"),
    /** The recipients' organisations, on a need-to-know basis: the releasability as written. */
    AMBER("TLP:AMBER"),
    /** The recipient's organisation only: owner and explicitly named organisations, no expansion. */
    AMBER_STRICT("TLP:AMBER+STRICT"),
    /** Named recipients only: the named users, nobody else. */
    RED("TLP:RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts {@code AMBER+STRICT}, {@code TLP:AMBER+STRICT}, {@code amber_strict}… */
    public static Optional<Tlp> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("TLP:")) {
            t = t.substring(4).trim(); // "TLP: AMBER" is common in hand-written feeds
        }
        t = t.replace('+', '_').replace('-', '_').replace(' ', '_');
        if (t.equals("WHITE")) {
            return Optional.of(CLEAR); // TLP 1.0 name, still common in feeds
        }
        for (Tlp tlp : values()) {
            if (tlp.name().equals(t)) {
                return Optional.of(tlp);
            }
        }
        return Optional.empty();
    }

    /** Whether organisation types and agreements may widen the audience beyond named organisations. */
    public boolean allowsExpansion() {
        return this == GREEN || this == AMBER;
    }
}
