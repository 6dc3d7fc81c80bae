package org.fusioncell.screening.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.WatchlistEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list entry as stored: JSON in a TEXT column, its SHA-256 to tell a changed entry from an
 * unchanged one, and which fields differ between two contents. The stored form is a record of its own
 * so that the JSON does not follow the engine's types by accident (a {@code BirthDate} would also
 * write its derived {@code exactDay}). Plain Java.
 */
public final class EntryPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntryPayload() {
    }

    record Stored(String reference, Subject.Kind kind, @Nullable String listingReference,
                  List<WatchlistEntry.ListedName> names, List<Dates> birthDates, List<String> nationalities,
                  Subject.Gender gender, List<WatchlistEntry.IdentityDocument> documents, List<String> programmes,
                  @Nullable LocalDate listedOn, @Nullable String reason) {
    }

    record Dates(LocalDate earliest, LocalDate latest) {
    }

    public static String json(WatchlistEntry e) {
        return JSON.writeValueAsString(new Stored(e.reference(), e.kind(), e.listingReference(), e.names(),
                e.birthDates().stream().map(d -> new Dates(d.earliest(), d.latest())).toList(), e.nationalities(),
                e.gender(), e.documents(), e.programmes(), e.listedOn(), e.reason()));
    }

    public static WatchlistEntry read(String json) {
        Stored s = JSON.readValue(json, Stored.class);
        return new WatchlistEntry(s.reference(), s.kind(), s.listingReference(), s.names(),
                s.birthDates().stream().map(d -> new BirthDate(d.earliest(), d.latest())).toList(), s.nationalities(),
                s.gender(), s.documents(), s.programmes(), s.listedOn(), s.reason());
    }

    public static String hash(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The names of the fields that differ, in the record's order. */
    public static List<String> changedFields(WatchlistEntry before, WatchlistEntry after) {
        List<String> out = new ArrayList<>();
        differs(out, "kind", before.kind(), after.kind());
        differs(out, "listingReference", before.listingReference(), after.listingReference());
        differs(out, "names", before.names(), after.names());
        differs(out, "birthDates", before.birthDates(), after.birthDates());
        differs(out, "nationalities", before.nationalities(), after.nationalities());
        differs(out, "gender", before.gender(), after.gender());
        differs(out, "documents", before.documents(), after.documents());
        differs(out, "programmes", before.programmes(), after.programmes());
        differs(out, "listedOn", before.listedOn(), after.listedOn());
        differs(out, "reason", before.reason(), after.reason());
        return out;
    }

    private static void differs(List<String> out, String field, @Nullable Object a, @Nullable Object b) {
        if (!Objects.equals(a, b)) {
            out.add(field);
        }
    }

    /** What the names engine screens: every name, dates of birth, nationalities, gender and document numbers. */
    public static Subject subject(String id, WatchlistEntry e) {
        return new Subject(id, e.kind(), e.names().stream().map(WatchlistEntry.ListedName::name).toList(),
                e.birthDates(), java.util.Set.copyOf(e.nationalities()), e.gender(),
                e.documents().stream().map(WatchlistEntry.IdentityDocument::number)
                        .collect(java.util.stream.Collectors.toSet()));
    }
}
