package org.fusioncell.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.WatchlistEntry.IdentityDocument;
import org.fusioncell.screening.WatchlistEntry.ListedName;
import org.fusioncell.screening.WatchlistEntry.NameQuality;

/** Small constructed lists of fictional people for the screening tests. */
final class ListFixtures {

    private ListFixtures() {
    }

    static WatchlistEntry person(String reference, String name, String birthDate, String nationality,
                                 String... aliases) {
        List<ListedName> names = new ArrayList<>();
        names.add(new ListedName(name, NameQuality.PRIMARY, false));
        for (String alias : aliases) {
            boolean arabic = alias.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
            names.add(new ListedName(alias, arabic ? NameQuality.GOOD : NameQuality.AKA, arabic));
        }
        return new WatchlistEntry(reference, Subject.Kind.PERSON, "FCi." + reference, names,
                birthDate == null ? List.of() : List.of(BirthDate.parse(birthDate)),
                nationality == null ? List.of() : List.of(nationality), Subject.Gender.MALE,
                List.of(new IdentityDocument("passport", "P" + reference + "77", nationality, null)),
                List.of("FICTIONAL"), LocalDate.of(2020, 1, 15), "Fictional entry for tests.");
    }

    /** Three fictional entries, one written in Arabic script only with a Latin alias elsewhere. */
    static List<WatchlistEntry> three() {
        return List.of(
                person("101", "Abdelkader Ould Belmokhtar", "1972-06-01", "mr", "Abd al-Qadir Walad Bilmukhtar"),
                person("102", "عبد الرحمن بن حمزة الزواوي", "1980", "dz"),
                person("103", "Yusuf Haddad Karimov", "1965-03-12", "uz"));
    }

    static Watchlist list(String source, List<WatchlistEntry> entries) {
        return new Watchlist(source, WatchlistFormat.NATIONAL_CSV, "v-" + entries.size(), Instant.parse("2025-05-01T00:00:00Z"),
                entries);
    }
}
