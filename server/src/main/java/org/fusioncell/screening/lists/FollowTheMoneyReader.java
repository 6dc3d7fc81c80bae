package org.fusioncell.screening.lists;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Countries;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistEntry.IdentityDocument;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.fusioncell.screening.WatchlistFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads FollowTheMoney entities, one JSON object per line (OpenSanctions' {@code entities.ftm.json}).
 *
 * <p>Person → PERSON; Organization, Company, LegalEntity, PublicBody → ORGANISATION; Vessel, Airplane →
 * VESSEL, AIRCRAFT. Other schemas are not entries, but three are joined to the entry they point at,
 * wherever in the file they stand: Sanction ({@code entity}) adds programmes, reason, listing date
 * and reference; Passport and Identification ({@code holder}) add documents. The same objects nested
 * inside an entity's properties are joined to that entity. Names: the first {@code name} is the
 * primary one, further names GOOD, {@code alias} AKA, {@code weakAlias} LOW, {@code previousName} FKA;
 * a name in a non-Latin script is marked as original script. Persons' nationalities come from
 * {@code nationality} and {@code citizenship}, never from {@code country}, which may be a residence.
 */
public final class FollowTheMoneyReader implements WatchlistReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An entity line, kept until the whole file is read so later Sanction lines can join it. */
    private record Pending(String id, Subject.Kind kind, JsonNode properties, long line) {
    }

    /** What Sanction, Passport and Identification objects add to an entity. */
    private static final class Extras {
        final List<String> programmes = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        final List<LocalDate> listedOn = new ArrayList<>();
        final List<String> references = new ArrayList<>();
        final List<IdentityDocument> documents = new ArrayList<>();
    }

    @Override
    public Watchlist read(Path file, @Nullable String sourceName) {
        WatchlistFiles.requireContent(file);
        Map<String, Pending> entities = new LinkedHashMap<>();
        Map<String, Extras> extras = new LinkedHashMap<>();
        Utf8Lines.forEach(file, (lineNumber, line) -> {
            if (line.isBlank()) {
                return;
            }
            JsonNode object = parse(file, lineNumber, line);
            try {
                take(object, null, lineNumber, entities, extras);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new WatchlistFormatException(file, "line " + lineNumber, e.getMessage(), e);
            }
        });
        List<WatchlistEntry> entries = new ArrayList<>(entities.size());
        for (Pending p : entities.values()) {
            try {
                entries.add(entry(p, extras.getOrDefault(p.id(), new Extras())));
            } catch (IllegalArgumentException e) {
                throw new WatchlistFormatException(file, "line " + p.line() + ", entity " + p.id(), e.getMessage(), e);
            }
        }
        String source = sourceName != null ? sourceName : file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return new Watchlist(source, WatchlistFormat.FOLLOW_THE_MONEY_JSONL, null, null, entries);
    }

    private static JsonNode parse(Path file, long lineNumber, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new WatchlistFormatException(file, "line " + lineNumber, "not a JSON object; FollowTheMoney files "
                        + "hold one entity object per line");
            }
            return node;
        } catch (JacksonException e) {
            String column = e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr();
            throw new WatchlistFormatException(file, "line " + lineNumber + column, "not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Takes one FtM object; {@code parent} is the entity it is nested in, if any. */
    private static void take(JsonNode object, @Nullable String parent, long line, Map<String, Pending> entities,
                             Map<String, Extras> extras) {
        String schema = text(object, "schema");
        String id = text(object, "id");
        if (schema == null) {
            throw new IllegalArgumentException("no \"schema\"");
        }
        JsonNode properties = object.path("properties");
        Subject.Kind kind = kind(schema);
        if (kind != null) {
            if (id == null) {
                throw new IllegalArgumentException("a " + schema + " without \"id\"");
            }
            Pending previous = entities.put(id, new Pending(id, kind, properties, line));
            if (previous != null) {
                throw new IllegalArgumentException("id " + id + " already used on line " + previous.line());
            }
            nested(properties, id, line, entities, extras);
            return;
        }
        switch (schema) {
            case "Sanction" -> {
                for (String target : targets(properties, "entity", parent)) {
                    Extras e = extras.computeIfAbsent(target, t -> new Extras());
                    e.programmes.addAll(values(properties, "program"));
                    e.reasons.addAll(values(properties, "reason"));
                    e.references.addAll(values(properties, "unscId"));
                    e.references.addAll(values(properties, "authorityId"));
                    for (String date : values(properties, "listingDate", "startDate")) {
                        if (date.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                            e.listedOn.add(LocalDate.parse(date.substring(0, 10)));
                        }
                    }
                }
            }
            case "Passport", "Identification" -> {
                String type = schema.equals("Passport") ? "passport" : values(properties, "type").stream().findFirst()
                        .orElse("identification");
                String country = values(properties, "country").stream().findFirst().map(FollowTheMoneyReader::country)
                        .orElse(null);
                for (String target : targets(properties, "holder", parent)) {
                    for (String number : values(properties, "number")) {
                        extras.computeIfAbsent(target, t -> new Extras()).documents
                                .add(new IdentityDocument(type, number, country, null));
                    }
                }
            }
            default -> {
                // addresses, ownership, family and the like are not list entries
            }
        }
    }

    /** FtM's "nested" export puts Sanction or Passport objects inside the entity they belong to. */
    private static void nested(JsonNode properties, String id, long line, Map<String, Pending> entities,
                               Map<String, Extras> extras) {
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            for (JsonNode value : property.getValue()) {
                if (value.isObject() && value.has("schema") && kind(value.path("schema").asString()) == null) {
                    take(value, id, line, entities, extras);
                }
            }
        }
    }

    private static WatchlistEntry entry(Pending p, Extras extra) {
        JsonNode props = p.properties();
        EntryNames names = new EntryNames();
        List<String> given = values(props, "name");
        if (given.isEmpty()) {
            throw new IllegalArgumentException("no \"name\": an entry needs a name");
        }
        for (int i = 0; i < given.size(); i++) {
            addName(names, given.get(i), i == 0 ? NameQuality.PRIMARY : NameQuality.GOOD);
        }
        values(props, "alias").forEach(n -> addName(names, n, NameQuality.AKA));
        values(props, "weakAlias").forEach(n -> addName(names, n, NameQuality.LOW));
        values(props, "previousName").forEach(n -> addName(names, n, NameQuality.FKA));

        List<BirthDate> birthDates = values(props, "birthDate").stream().map(FollowTheMoneyReader::birthDate)
                .distinct().toList();
        Set<String> nationalities = new LinkedHashSet<>();
        List<String> countryFields = p.kind() == Subject.Kind.PERSON ? List.of("nationality", "citizenship")
                : List.of("nationality", "citizenship", "jurisdiction", "country", "flag");
        for (String field : countryFields) {
            values(props, field).forEach(c -> Countries.code(c).ifPresent(nationalities::add));
        }
        List<IdentityDocument> documents = new ArrayList<>();
        values(props, "passportNumber").forEach(n -> documents.add(new IdentityDocument("passport", n, null, null)));
        values(props, "idNumber").forEach(n -> documents.add(new IdentityDocument("ID number", n, null, null)));
        extra.documents.stream().filter(d -> documents.stream().noneMatch(k -> k.number().equals(d.number())))
                .forEach(documents::add);

        List<String> programmes = new ArrayList<>(values(props, "program"));
        extra.programmes.stream().filter(x -> !programmes.contains(x)).forEach(programmes::add);
        List<String> reasons = new ArrayList<>(values(props, "notes"));
        extra.reasons.stream().filter(x -> !reasons.contains(x)).forEach(reasons::add);
        LocalDate listedOn = extra.listedOn.stream().min(LocalDate::compareTo).orElse(null);
        return new WatchlistEntry(p.id(), p.kind(), extra.references.stream().findFirst().orElse(null), names.list(),
                birthDates, List.copyOf(nationalities), gender(values(props, "gender")), documents, programmes,
                listedOn, reasons.isEmpty() ? null : String.join("\n", reasons));
    }

    private static void addName(EntryNames names, String name, NameQuality quality) {
        names.add(name, quality, EntryNames.hasNonLatinLetters(name));
    }

    private static BirthDate birthDate(String text) {
        try {
            return BirthDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("birthDate: " + e.getMessage(), e);
        }
    }

    private static Subject.@Nullable Kind kind(String schema) {
        return switch (schema) {
            case "Person" -> Subject.Kind.PERSON;
            case "Organization", "Company", "LegalEntity", "PublicBody" -> Subject.Kind.ORGANISATION;
            case "Vessel" -> Subject.Kind.VESSEL;
            case "Airplane" -> Subject.Kind.AIRCRAFT;
            default -> null;
        };
    }

    private static Subject.Gender gender(List<String> values) {
        String g = values.isEmpty() ? "" : values.getFirst().toLowerCase(Locale.ROOT);
        return g.equals("male") ? Subject.Gender.MALE : g.equals("female") ? Subject.Gender.FEMALE : Subject.Gender.UNKNOWN;
    }

    private static String country(String text) {
        return Countries.code(text).orElse(text);
    }

    /** The ids a Sanction or document points at: its own property, or the entity it is nested in. */
    private static List<String> targets(JsonNode properties, String field, @Nullable String parent) {
        List<String> ids = new ArrayList<>(values(properties, field));
        if (parent != null && !ids.contains(parent)) {
            ids.add(parent);
        }
        return ids;
    }

    /** The string values of the properties (FtM properties are arrays of strings); nested objects give their id. */
    private static List<String> values(JsonNode properties, String... fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            JsonNode node = properties.path(field);
            Iterable<JsonNode> items = node.isArray() ? node : node.isMissingNode() || node.isNull() ? List.of() : List.of(node);
            for (JsonNode item : items) {
                String value = item.isString() ? item.asString() : item.isObject() ? text(item, "id") : null;
                if (value != null && !value.isBlank() && !values.contains(value.strip())) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    private static @Nullable String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
    }
}
