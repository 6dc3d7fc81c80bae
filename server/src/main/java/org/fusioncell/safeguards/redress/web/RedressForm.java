package org.fusioncell.safeguards.redress.web;

import java.util.Arrays;
import java.util.List;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Countries;
import org.fusioncell.safeguards.redress.RedressFiling;
import org.fusioncell.safeguards.redress.RedressPerson;
import org.fusioncell.shared.InvalidInputException;

/**
 * A filing as the API and the page take it: {@code names} one per line on the page (any script), a date of
 * birth as the screening query reads it (1975, 1975-03, 1975-03-02, 02/03/1975), a nationality as a code or a
 * country's name.
 */
record RedressForm(List<String> names, String dateOfBirth, String nationality, String document, String language,
                   String representative, String contact, String statement) {

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    RedressFiling filing() {
        BirthDate birth = null;
        if (dateOfBirth != null && !dateOfBirth.isBlank()) {
            try {
                birth = BirthDate.parse(dateOfBirth);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("dateOfBirth", "a date such as 1975, 1975-03 or 1975-03-02");
            }
        }
        String country = null;
        if (nationality != null && !nationality.isBlank()) {
            country = Countries.code(nationality)
                    .orElseThrow(() -> new InvalidInputException("nationality", "not a country code or name we know"));
        }
        return new RedressFiling(new RedressPerson(names == null ? List.of() : names, birth, country,
                document == null || document.isBlank() ? null : document.strip()),
                language == null ? "" : language.strip(), representative, contact, statement);
    }
}
