package org.fusioncell.exchange.hits;

import java.util.List;

/**
 * The only form of a hit/no-hit query that leaves the requesting installation (docs/hits.md). For a person
 * ({@code mode} {@code NAME_KEY_DOB}): the sorted name keys of the name's significant parts (the names
 * engine's consonant skeletons, {@code d} folded into {@code t} so that Arabic and Latin spellings meet) and
 * the date of birth, cut to the year when the agreement's rule says so. For an identifier ({@code mode}
 * {@code KEYED_HASH}): the HMAC-SHA256, under the agreement's shared key, of the normalised identifier key
 * ({@code phone:+22245251234}), base64url without padding. Never a name or an identifier as written.
 */
public record MinimisedQuery(String mode, List<String> nameKeys, String birthDate, String identifierHash) {

    public static final String NAME_KEY_DOB = "NAME_KEY_DOB";
    public static final String KEYED_HASH = "KEYED_HASH";

    public MinimisedQuery {
        nameKeys = nameKeys == null ? List.of() : List.copyOf(nameKeys);
    }

    public boolean person() {
        return NAME_KEY_DOB.equals(mode);
    }
}
