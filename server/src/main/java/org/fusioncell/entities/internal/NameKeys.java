package org.fusioncell.entities.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.entities.EntityType;
import org.fusioncell.names.Commonness;
import org.fusioncell.names.NameParser;
import org.fusioncell.names.NameToken;
import org.fusioncell.names.ParsedName;

/**
 * The lookup keys merge suggestions find candidate people and groups by. A name part is stored under
 * its consonant skeleton ({@code s:mktr} for مختار, Mokhtar and Mokhtaar alike); a query looks up the
 * skeletons one consonant away as well (one dropped, added or changed), so a slip in one letter still
 * finds the name. Expanding the query rather than the stored keys keeps storage at one row per
 * distinct name part. Plain Java.
 */
public final class NameKeys {

    /** The letters a skeleton is written in (see the names engine's {@code Sounds.skeleton}). */
    private static final char[] SKELETON_LETTERS = "btsdkrflmn".toCharArray();
    /**
     * Shorter skeletons (Ali {@code l}, Omar {@code mr}, Saleck {@code slk}) are looked up as they are: the
     * skeleton already absorbs vowels, doubled letters and close sounds, and one consonant in three changed
     * is another name (Salek, Salem, Malek) that would bring in a good part of a list.
     */
    private static final int VARIANTS_FROM = 4;
    private static final int MAX_KEY = 120;
    private static final Commonness COMMONNESS = Commonness.builtIn();

    private NameKeys() {
    }

    /** Every name an entity is known by: a person's names and aliases, a group's name and aliases. */
    public static List<String> names(EntityType type, Map<String, Object> attributes) {
        List<String> out = new ArrayList<>();
        if (type == EntityType.GROUP && attributes.get("name") instanceof String name) {
            out.add(name);
        }
        if (type == EntityType.PERSON || type == EntityType.GROUP) {
            for (String list : List.of("names", "aliases")) {
                if (attributes.get(list) instanceof List<?> items) {
                    for (Object item : items) {
                        if (item instanceof Map<?, ?> m && m.get("value") instanceof String v) {
                            out.add(v);
                        } else if (item instanceof String s) {
                            out.add(s);
                        }
                    }
                }
            }
        }
        return out.stream().filter(n -> !n.isBlank() && n.length() <= NameParser.MAX_LENGTH).distinct().toList();
    }

    /** The keys to store for an entity with these names. */
    public static Set<String> stored(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            for (NameToken t : significant(NameParser.parse(name))) {
                keys.add(key(t));
            }
        }
        keys.removeIf(k -> k.length() > MAX_KEY);
        return keys;
    }

    /**
     * The keys to look up for a query with these names: each stored key and its one-consonant variants. The
     * most frequent given names (Muhammad, Ahmad, Ali…: the names engine's built-in list, the same whatever
     * is stored) are looked up only in a name that has nothing rarer: a duplicate shares its rare parts, and
     * a lookup by "Mohamed" alone would rank a good part of any list.
     */
    public static Set<String> query(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            List<NameToken> tokens = significant(NameParser.parse(name));
            List<NameToken> rare = tokens.stream().filter(t -> COMMONNESS.weight(t) >= 1f).toList();
            for (NameToken t : rare.isEmpty() ? tokens : rare) {
                keys.add(key(t));
                String s = t.skeleton();
                if (s.length() >= VARIANTS_FROM) {
                    for (String variant : oneAway(s)) {
                        keys.add("s:" + variant);
                    }
                } else if (s.endsWith("t") || s.endsWith("d")) {
                    // a Latin spelling's final d is often unvoiced (Ahmed: mt), where the Arabic writes د (md)
                    keys.add("s:" + s.substring(0, s.length() - 1) + (s.endsWith("t") ? "d" : "t"));
                }
            }
        }
        keys.removeIf(k -> k.length() > MAX_KEY);
        return keys;
    }

    /** Name parts, not articles, connectors or titles ("al", "ould", "Sheikh" tell no one apart). */
    private static List<NameToken> significant(ParsedName parsed) {
        return parsed.tokens().stream().filter(t -> t.role() == NameToken.Role.NAME).toList();
    }

    /** A part without consonants ("Aya") is kept as written: it has no skeleton to look up by. */
    private static String key(NameToken t) {
        return t.skeleton().isEmpty() ? "t:" + t.text() : "s:" + t.skeleton();
    }

    /** Skeletons one letter dropped, added or changed away. */
    static Set<String> oneAway(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < s.length(); i++) {
            out.add(s.substring(0, i) + s.substring(i + 1));
            for (char c : SKELETON_LETTERS) {
                if (c != s.charAt(i)) {
                    out.add(s.substring(0, i) + c + s.substring(i + 1));
                }
            }
        }
        for (int i = 0; i <= s.length(); i++) {
            for (char c : SKELETON_LETTERS) {
                out.add(s.substring(0, i) + c + s.substring(i));
            }
        }
        out.remove(s);
        // a skeleton never holds the same letter twice in a row: such a variant could match nothing
        out.removeIf(v -> v.isEmpty() || hasDoubled(v));
        return out;
    }

    private static boolean hasDoubled(String v) {
        for (int i = 1; i < v.length(); i++) {
            if (v.charAt(i) == v.charAt(i - 1)) {
                return true;
            }
        }
        return false;
    }
}
