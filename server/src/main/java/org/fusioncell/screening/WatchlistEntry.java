package org.fusioncell.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.jspecify.annotations.Nullable;

/**
 * One listed person or organisation, with everything the list says about it.
 *
 * @param reference        the list's own id for the entry (UN DATAID, OFAC ent_num, FtM id, national id)
 * @param listingReference the public listing reference (UN REFERENCE_NUMBER such as QDi.001), when given
 * @param names            every name and alias, the primary one first
 * @param nationalities    ISO 3166 alpha-2 codes, lower case, where the list's text could be resolved
 * @param programmes       sanctions regimes / programmes (UN_LIST_TYPE, OFAC programs)
 * @param reason           the list's narrative or comments on why it is listed
 */
public record WatchlistEntry(String reference, Subject.Kind kind, @Nullable String listingReference,
                             List<ListedName> names, List<BirthDate> birthDates, List<String> nationalities,
                             Subject.Gender gender, List<IdentityDocument> documents, List<String> programmes,
                             @Nullable LocalDate listedOn, @Nullable String reason) {

    public WatchlistEntry {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("entry " + reference + " has no name");
        }
        birthDates = List.copyOf(birthDates);
        nationalities = List.copyOf(nationalities);
        gender = gender == null ? Subject.Gender.UNKNOWN : gender;
        documents = List.copyOf(documents);
        programmes = List.copyOf(programmes);
    }

    public ListedName primaryName() {
        return names.getFirst();
    }

    /** What the names engine matches on: every name, dates of birth, nationalities, gender, document numbers. */
    public Subject subject(String id) {
        return new Subject(id, kind, names.stream().map(ListedName::name).toList(), birthDates,
                java.util.Set.copyOf(nationalities), gender,
                documents.stream().map(IdentityDocument::number).collect(java.util.stream.Collectors.toSet()));
    }

    /** How a name is given on the list. */
    public enum NameQuality {
        /** the entry's main name */
        PRIMARY,
        /** an alias the list rates good (UN "Good", OFAC "aka" strong) */
        GOOD,
        /** an alias the list rates low quality (UN "Low", OFAC weak aka) */
        LOW,
        /** "also known as" without a rating */
        AKA,
        /** "formerly known as" */
        FKA
    }

    /**
     * @param originalScript true when this is the name in its original (non-Latin) script, as given by the list
     */
    public record ListedName(String name, NameQuality quality, boolean originalScript) {
        public ListedName {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(quality, "quality");
        }
    }

    /** An identity document as listed: type text as given (passport, national ID…), number, issuing country. */
    public record IdentityDocument(String type, String number, @Nullable String country, @Nullable String note) {
        public IdentityDocument {
            Objects.requireNonNull(number, "number");
            type = type == null ? "" : type;
        }
    }
}
