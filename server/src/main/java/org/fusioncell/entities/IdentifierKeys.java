package org.fusioncell.entities;

import java.util.Map;
import java.util.Set;

/**
 * The normalised identifier keys that correlation works on ({@code phone:+22245251234},
 * {@code email:a@b.mr}…), for modules that must recognise identifiers the way entities do — watches on
 * an identifier match a report that writes the number differently.
 */
public interface IdentifierKeys {

    /** The keys of the identifiers written in {@code text}, each once. */
    Set<String> in(String text);

    /**
     * The key of one identifier given as an entity's attributes (e.g. {@code PHONE, {number: "+222…"}});
     * invalid input throws {@link org.fusioncell.shared.InvalidInputException} naming {@code field}.
     * Types without a key (person, group…) also throw.
     */
    String keyOf(EntityType type, Map<String, Object> attributes, String field);
}
