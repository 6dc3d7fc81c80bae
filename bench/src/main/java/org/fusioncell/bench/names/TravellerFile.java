package org.fusioncell.bench.names;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a batch-screening input of N synthetic travellers for the end-to-end benchmark of
 * {@code ./fusioncell screen}: given and family names recombined from the 30,000 synthetic people of
 * names-dev (many scripts, Arabic among them), random dates of birth 1940–2008, their nationalities.
 * Usage: {@code java -cp bench/target/benchmarks.jar org.fusioncell.bench.names.TravellerFile N out.csv [seed]}
 */
public final class TravellerFile {

    private TravellerFile() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 7L);
        Path data = SharedData.root();
        List<String[]> people = new ArrayList<>();
        for (String file : List.of("yente_negatives_global.csv", "yente_negatives_us.csv")) {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser p = CSVParser.parse(Files.newBufferedReader(data.resolve("names-dev/" + file)), format)) {
                for (CSVRecord r : p) {
                    people.add(new String[] {r.get("first_name"), r.get("last_name"), r.get("nationality"),
                            r.get("full_name")});
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            csv.printRecord("name", "dob", "nationality");
            for (int i = 0; i < n; i++) {
                String[] a = people.get(random.nextInt(people.size()));
                String[] b = people.get(random.nextInt(people.size()));
                // half keep a real full name, half recombine a given name with another family name
                String name = random.nextBoolean() || a[0].isBlank() || b[1].isBlank() ? a[3] : a[0] + " " + b[1];
                LocalDate dob = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(68 * 365));
                csv.printRecord(name, dob, a[2]);
            }
        }
        System.out.println("wrote " + n + " travellers to " + out);
    }
}
