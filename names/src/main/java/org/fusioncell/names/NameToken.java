package org.fusioncell.names;

/**
 * One part of a parsed name.
 *
 * @param text     the part as normalised (Latin folded to ASCII, Arabic without diacritics)
 * @param sounds   its {@link Sounds} symbols
 * @param skeleton its consonant skeleton (candidate lookup)
 */
public record NameToken(String text, String sounds, String skeleton, Role role, Script script) {

    /** What the part does in the name; the roles weigh differently when names are compared. */
    public enum Role {
        /** a given name, father's or grandfather's name, family or tribal name */
        NAME,
        /** the article al- / el- / ul- / ad- … (ignored in comparison) */
        ARTICLE,
        /** bin / ibn / ben / bint / ould / ag: "son / daughter of" in a nasab chain */
        CONNECTOR,
        /** abu / umm: the first part of a kunya */
        KUNYA,
        /** abd: the "servant of" that joins a divine name (Abdullah, Abd al-Rahman, Abdelkader) */
        ABD,
        /** an honorific or title (Haji, Sheikh, Mullah, Maulavi, Qari, Dr) */
        TITLE
    }
}
