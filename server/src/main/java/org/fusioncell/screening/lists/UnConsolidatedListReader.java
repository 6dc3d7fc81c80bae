package org.fusioncell.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Countries;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistEntry.IdentityDocument;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.fusioncell.screening.WatchlistFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads the UN Security Council Consolidated List XML ({@code CONSOLIDATED_LIST}) with StAX.
 *
 * <p>The parser refuses any DOCTYPE: the UN file has none, and a DTD is what XML external entity
 * (XXE) and entity-expansion ("billion laughs") attacks need. DTD support and external entities
 * are switched off as well, so nothing is fetched or expanded even before the refusal.
 *
 * <p>Mapping (see docs/screening.md): DATAID → reference, REFERENCE_NUMBER → listing reference,
 * FIRST..FOURTH_NAME → primary name, NAME_ORIGINAL_SCRIPT → an original-script name of GOOD quality,
 * aliases by QUALITY, dates of birth by {@link UnBirthDates}, NATIONALITY → ISO codes (unknown
 * texts such as "former Soviet Union" are left out), documents with a NUMBER, UN_LIST_TYPE →
 * programme, LISTED_ON, COMMENTS1 → reason. Addresses and places of birth are not read.
 */
public final class UnConsolidatedListReader implements WatchlistReader {

    public static final String DEFAULT_SOURCE = "UN";
    private static final String ROOT = "CONSOLIDATED_LIST";
    private static final Pattern DATE_WITH_ZONE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(Z|[+-]\\d{2}:\\d{2})");
    private static final String[] NAME_PARTS = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"};

    @Override
    public Watchlist read(Path file, @Nullable String sourceName) {
        WatchlistFiles.requireContent(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file, sourceName == null ? DEFAULT_SOURCE : sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private Watchlist read(InputStream in, Path file, String source) {
        XMLStreamReader reader = null;
        try {
            reader = secureFactory().createXMLStreamReader(in);
            String version = null;
            List<WatchlistEntry> entries = new ArrayList<>();
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new WatchlistFormatException(file, at(reader), "a DOCTYPE declaration is refused: the UN list "
                            + "has none, and DTDs enable external-entity (XXE) and entity-expansion attacks");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (!rootSeen) {
                    if (!ROOT.equals(name)) {
                        throw new WatchlistFormatException(file, at(reader),
                                "root element is <" + name + ">, expected <" + ROOT + ">");
                    }
                    rootSeen = true;
                    version = reader.getAttributeValue(null, "dateGenerated");
                } else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                    entries.add(entry(XmlRecord.read(reader), file));
                }
            }
            if (!rootSeen) {
                throw new WatchlistFormatException(file, null, "no root element");
            }
            return new Watchlist(source, WatchlistFormat.UN_CONSOLIDATED_XML, version, generatedAt(version, file),
                    entries);
        } catch (XMLStreamException e) {
            throw new WatchlistFormatException(file, at(e), "not well-formed XML: " + problem(e), e);
        } finally {
            close(reader);
        }
    }

    /** A StAX factory that cannot be made to read a DTD, fetch anything or expand entities. */
    static XMLInputFactory secureFactory() {
        // the JDK's own implementation, whatever else is on the class path, so the settings below are known to hold
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static WatchlistEntry entry(XmlRecord rec, Path file) {
        String dataId = rec.text("DATAID").orElse(null);
        String where = rec.name() + (dataId == null ? "" : " DATAID " + dataId) + " (line " + rec.line() + ")";
        if (dataId == null) {
            throw new WatchlistFormatException(file, where, "no DATAID");
        }
        boolean individual = rec.name().equals("INDIVIDUAL");
        try {
            EntryNames names = new EntryNames();
            String primary = Stream.of(NAME_PARTS).map(part -> rec.text(part).orElse(""))
                    .filter(part -> !part.isEmpty()).collect(Collectors.joining(" "));
            if (primary.isBlank()) {
                throw new WatchlistFormatException(file, where, "no FIRST_NAME: an entry needs a name");
            }
            names.add(primary, NameQuality.PRIMARY, false);
            rec.text("NAME_ORIGINAL_SCRIPT").ifPresent(original -> names.add(original, NameQuality.GOOD, true));
            List<BirthDate> birthDates = new ArrayList<>();
            for (XmlRecord alias : rec.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
                Optional<String> aliasName = alias.text("ALIAS_NAME");
                aliasName.ifPresent(a -> names.add(a, quality(alias.text("QUALITY").orElse("")), false));
                // an alias sometimes carries the date of birth used under it; it is a date of the same person
                alias.text("DATE_OF_BIRTH").flatMap(UnBirthDates::lenient).ifPresent(birthDates::add);
            }
            for (XmlRecord dob : rec.all("INDIVIDUAL_DATE_OF_BIRTH")) {
                UnBirthDates.of(dob).ifPresent(birthDates::add);
            }
            return new WatchlistEntry(dataId, individual ? Subject.Kind.PERSON : Subject.Kind.ORGANISATION,
                    rec.text("REFERENCE_NUMBER").orElse(null), names.list(), distinct(birthDates),
                    nationalities(rec), gender(rec.text("GENDER").orElse("")), documents(rec),
                    rec.all("UN_LIST_TYPE").stream().map(XmlRecord::text).filter(t -> !t.isEmpty()).distinct().toList(),
                    listedOn(rec), rec.text("COMMENTS1").orElse(null));
        } catch (WatchlistFormatException e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new WatchlistFormatException(file, where, e.getMessage(), e);
        }
    }

    static NameQuality quality(String quality) {
        return switch (quality.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "good" -> NameQuality.GOOD;
            case "low" -> NameQuality.LOW;
            case "f.k.a.", "fka" -> NameQuality.FKA;
            // "a.k.a.", an empty QUALITY, or a rating the UN may add later: an unrated alias, not a reason to drop the list
            default -> NameQuality.AKA;
        };
    }

    private static List<String> nationalities(XmlRecord rec) {
        Set<String> codes = new LinkedHashSet<>();
        for (XmlRecord nationality : rec.all("NATIONALITY")) {
            for (XmlRecord value : nationality.all("VALUE")) {
                Countries.code(value.text()).ifPresent(codes::add);
            }
        }
        return List.copyOf(codes);
    }

    private static Subject.Gender gender(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "male" -> Subject.Gender.MALE;
            case "female" -> Subject.Gender.FEMALE;
            default -> Subject.Gender.UNKNOWN;
        };
    }

    /** Documents with a NUMBER; those described only in a NOTE ("Tunisian passport number …") are left out. */
    private static List<IdentityDocument> documents(XmlRecord rec) {
        List<IdentityDocument> documents = new ArrayList<>();
        for (XmlRecord doc : rec.all("INDIVIDUAL_DOCUMENT")) {
            Optional<String> number = doc.text("NUMBER");
            if (number.isEmpty()) {
                continue;
            }
            String country = doc.text("ISSUING_COUNTRY").or(() -> doc.text("COUNTRY_OF_ISSUE"))
                    .map(c -> Countries.code(c).orElse(EntryNames.collapse(c))).orElse(null);
            String note = Stream.of(doc.text("TYPE_OF_DOCUMENT2"), doc.text("NOTE"))
                    .flatMap(Optional::stream).map(EntryNames::collapse).collect(Collectors.joining("; "));
            documents.add(new IdentityDocument(EntryNames.collapse(doc.text("TYPE_OF_DOCUMENT").orElse("")),
                    EntryNames.collapse(number.get()), country, note.isEmpty() ? null : note));
        }
        return documents;
    }

    private static @Nullable LocalDate listedOn(XmlRecord rec) {
        return rec.text("LISTED_ON").map(UnConsolidatedListReader::date).orElse(null);
    }

    /** An xs:date, which may carry a time-zone offset ("2015-04-07-04:00"); the day is what matters. */
    static LocalDate date(String text) {
        String t = text.strip();
        if (DATE_WITH_ZONE.matcher(t).matches()) {
            t = t.substring(0, 10);
        }
        return LocalDate.parse(t);
    }

    private static List<BirthDate> distinct(List<BirthDate> dates) {
        return dates.stream().distinct().toList();
    }

    private static @Nullable Instant generatedAt(@Nullable String version, Path file) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(version.strip());
        } catch (DateTimeParseException e) {
            throw new WatchlistFormatException(file, "<" + ROOT + " dateGenerated>", "not a timestamp: " + version);
        }
    }

    private static String at(XMLStreamReader reader) {
        return "line " + reader.getLocation().getLineNumber() + ", column " + reader.getLocation().getColumnNumber();
    }

    private static @Nullable String at(XMLStreamException e) {
        return e.getLocation() == null ? null
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    }

    /** The parser's message without its own "ParseError at [row,col]" prefix, which the location repeats. */
    private static String problem(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int cut = message.indexOf("Message: ");
        return cut >= 0 ? message.substring(cut + "Message: ".length()).strip() : message.strip();
    }

    private static void close(@Nullable XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // the input stream is closed by its own try-with-resources
            }
        }
    }
}
