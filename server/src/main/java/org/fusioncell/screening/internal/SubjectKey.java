package org.fusioncell.screening.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.fusioncell.names.BirthDate;
import org.fusioncell.screening.SubjectDocument;

/**
 * Who a screened person is, for the false-positive memory: a digest of their names (case, accents,
 * Arabic short-vowel marks and punctuation removed), their date of birth and their document numbers.
 * A person whose particulars differ in any of these is someone else, and is flagged again. Plain Java.
 */
final class SubjectKey {

    private SubjectKey() {
    }

    static String of(List<String> names, BirthDate birthDate, List<SubjectDocument> documents) {
        TreeSet<String> normalised = new TreeSet<>();
        names.forEach(n -> normalised.add(name(n)));
        TreeSet<String> numbers = new TreeSet<>();
        documents.forEach(d -> numbers.add(d.number().toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "")));
        String dob = birthDate == null ? "" : birthDate.earliest() + ".." + birthDate.latest();
        return EntryPayload.hash(String.join("|", normalised) + "\n" + dob + "\n" + String.join(",", numbers));
    }

    static String name(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
