package org.fusioncell.names;

import java.util.List;

/** A name split into its parts, in their written order. */
public record ParsedName(String original, List<NameToken> tokens, Script script) {

    public ParsedName {
        tokens = List.copyOf(tokens);
    }

    public boolean isEmpty() {
        return tokens.stream().noneMatch(t -> t.role() != NameToken.Role.ARTICLE);
    }
}
