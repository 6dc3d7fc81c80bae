package org.fusioncell.monitoring.trends;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.monitoring.incidents.IncidentStatistics;
import org.junit.jupiter.api.Assumptions;

/**
 * A test stand-in for the incidents module's SQL statistics: the real UCDP GED Syria events read in
 * place from ../shared/data (or $FUSIONCELL_TEST_DATA), aggregated in memory. Every event is visible to
 * every reader (the access predicate is the SQL implementation's business). Mapping: date = date_start,
 * country = SYR, admin1 = adm_1 without " Governorate", attack type = UCDP's type of violence
 * (state-based, non-state, one-sided), perpetrator group = side_a; the group filter matches an actor
 * named on either side ("IS" matches "IS" in side_a or side_b, lists split at commas); fatalities = best.
 */
public final class UcdpIncidentStatistics implements IncidentStatistics {

    public static final String FILE = "incidents-ucdp-ged-syria/ged_syria_2016-2019.csv";

    record Event(LocalDate date, String country, String admin1, String attackType, String sideA, List<String> actors,
                 double latitude, double longitude, long fatalities) {
    }

    private static volatile UcdpIncidentStatistics loaded;

    private final List<Event> events;

    private UcdpIncidentStatistics(List<Event> events) {
        this.events = List.copyOf(events);
    }

    static Path file() {
        return Paths.get(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data")).resolve(FILE);
    }

    /** Skips the calling test, saying why, when the shared file is absent. */
    public static void assumePresent() {
        Assumptions.assumeTrue(Files.isReadable(file()), "SKIPPED: " + file() + " is absent (set FUSIONCELL_TEST_DATA)");
    }

    /** The shared file, read once per test JVM; the test is skipped, saying why, when it is absent. */
    public static UcdpIncidentStatistics load() {
        assumePresent();
        return loadOrEmpty();
    }

    /** For a Spring context: the events, or none when the file is absent (the tests then skip themselves). */
    public static UcdpIncidentStatistics loadOrEmpty() {
        Path file = file();
        if (!Files.isReadable(file)) {
            return new UcdpIncidentStatistics(List.of());
        }
        if (loaded == null) {
            synchronized (UcdpIncidentStatistics.class) {
                if (loaded == null) {
                    loaded = new UcdpIncidentStatistics(read(file));
                }
            }
        }
        return loaded;
    }

    public int size() {
        return events.size();
    }

    private static List<Event> read(Path file) {
        List<Event> events = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                List<String> actors = new ArrayList<>();
                for (String side : List.of(r.get("side_a"), r.get("side_b"))) {
                    Arrays.stream(side.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(actors::add);
                }
                String admin1 = r.get("adm_1").replace(" Governorate", "").strip();
                events.add(new Event(LocalDate.parse(r.get("date_start")), "SYR", admin1.isEmpty() ? null : admin1,
                        switch (r.get("type_of_violence")) {
                            case "1" -> "state-based";
                            case "2" -> "non-state";
                            default -> "one-sided";
                        }, r.get("side_a"), actors, Double.parseDouble(r.get("latitude")),
                        Double.parseDouble(r.get("longitude")), Long.parseLong(r.get("best"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    @Override
    public List<IncidentCount> counts(org.fusioncell.access.Reader reader, IncidentFilter filter, Grouping grouping,
                                      Period period) {
        Function<Event, String> key = switch (grouping) {
            case NONE -> e -> "all";
            case COUNTRY -> Event::country;
            case ADMIN1 -> Event::admin1;
            case ATTACK_TYPE -> Event::attackType;
            case PERPETRATOR_GROUP -> Event::sideA;
        };
        Map<String, Map<LocalDate, long[]>> cells = new TreeMap<>();
        for (Event e : events) {
            String k = key.apply(e);
            if (k != null && matches(e, filter)) {
                long[] cell = cells.computeIfAbsent(k, x -> new TreeMap<>())
                        .computeIfAbsent(TimeSeries.start(e.date(), period), d -> new long[2]);
                cell[0]++;
                cell[1] += e.fatalities();
            }
        }
        List<IncidentCount> out = new ArrayList<>();
        cells.forEach((k, byPeriod) -> byPeriod.forEach((d, c) -> out.add(new IncidentCount(k, d, c[0], c[1]))));
        return out;
    }

    @Override
    public List<PlaceCount> places(org.fusioncell.access.Reader reader, IncidentFilter filter) {
        Map<List<Double>, List<Event>> byPlace = events.stream().filter(e -> matches(e, filter))
                .collect(Collectors.groupingBy(e -> List.of(e.latitude(), e.longitude()), java.util.LinkedHashMap::new,
                        Collectors.toList()));
        List<PlaceCount> out = new ArrayList<>();
        byPlace.forEach((at, list) -> out.add(new PlaceCount(list.getFirst().country(), list.getFirst().admin1(),
                at.get(0), at.get(1), list.size(), list.stream().mapToLong(Event::fatalities).sum())));
        return out;
    }

    private static boolean matches(Event e, IncidentFilter f) {
        return (f.country() == null || f.country().equals(e.country()))
                && (f.admin1() == null || f.admin1().equals(e.admin1()))
                && (f.attackType() == null || f.attackType().equals(e.attackType()))
                && (f.perpetratorGroup() == null || e.actors().contains(f.perpetratorGroup()))
                && (f.from() == null || !e.date().isBefore(f.from()))
                && (f.to() == null || !e.date().isAfter(f.to()));
    }
}
