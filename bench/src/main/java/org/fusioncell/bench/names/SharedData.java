package org.fusioncell.bench.names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Countries;
import org.fusioncell.names.Subject;

/** Where the shared real data is, and the name-dev travellers as query subjects. */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String env = System.getenv("FUSIONCELL_TEST_DATA");
        for (Path p : List.of(env == null ? Path.of("../shared/data") : Path.of(env), Path.of("../shared/data"),
                Path.of("../../shared/data"))) {
            if (Files.isDirectory(p.resolve("names-dev"))) {
                return p;
            }
        }
        throw new IllegalStateException("the shared data (../shared/data or $FUSIONCELL_TEST_DATA) is not here");
    }

    /** Travellers from yente_negatives_global.csv followed by the perturbed UN queries. */
    static List<Subject> travellers(Path data) throws IOException {
        List<Subject> out = new ArrayList<>();
        read(data.resolve("names-dev/yente_negatives_global.csv"), "full_name", "date_of_birth", "nationality", out);
        read(data.resolve("names-dev/yente_un_positives.csv"), "query_full_name", "query_date_of_birth",
                "query_nationality", out);
        return out;
    }

    private static void read(Path file, String name, String dob, String nationality, List<Subject> out)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser p = CSVParser.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8), format)) {
            for (CSVRecord r : p) {
                List<BirthDate> dates = new ArrayList<>();
                try {
                    if (!r.get(dob).isBlank()) {
                        dates.add(BirthDate.parse(r.get(dob)));
                    }
                } catch (IllegalArgumentException ignored) {
                    // an unreadable date is screened without one
                }
                Set<String> nat = Countries.code(r.get(nationality)).map(Set::of).orElse(Set.of());
                out.add(new Subject("q" + out.size(), Subject.Kind.PERSON, List.of(r.get(name)), dates, nat,
                        Subject.Gender.UNKNOWN, Set.of()));
            }
        }
    }
}
