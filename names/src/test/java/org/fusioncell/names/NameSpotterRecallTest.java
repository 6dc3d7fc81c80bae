package org.fusioncell.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measured on the development pairs (../shared/data/names-dev, or $FUSIONCELL_TEST_DATA): the watched
 * side of each positive pair is watched, the other side is written into a sentence of a report, and
 * {@link NameSpotter#findIn} must find what {@link NameSpotter#compare} finds on the bare name; compare
 * in turn must find what a comparison with every watched name (no lookup) finds.
 */
class NameSpotterRecallTest {

    private static final String[] SENTENCES = {
            "وفي بيان تلا الجلسة الختامية، أشار التقرير إلى أن %s يواجه تهديدا من الشبكات العابرة للحدود.",
            "Selon une source sécuritaire, %s aurait quitté la région en mars avec deux complices.",
            "The report notes that %s continues to recruit young people online and to finance the group.",
            "وقد شهد معالي السفير %s توقيع المذكرة بصفته رئيس المجلس الاستشاري للمركز.",
    };

    private static List<String[]> pairs;
    private static List<String[]> fullNames;

    @BeforeAll
    static void read() throws IOException {
        Path dir = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data")).resolve("names-dev");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("all_pairs.csv")),
                "SKIPPED: the development pairs are not at " + dir + "; set FUSIONCELL_TEST_DATA");
        pairs = positives(dir.resolve("all_pairs.csv"), 500, 11);
        fullNames = positives(dir.resolve("fullname_pairs.csv"), 300, 13);
    }

    /** A fixed sample of positive pairs whose second name reads as running text (no list commas, no digits). */
    private static List<String[]> positives(Path file, int count, long seed) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = Csv.fields(lines.getFirst());
        int a = header.indexOf("name_a");
        int b = header.indexOf("name_b");
        int label = header.indexOf("label");
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.fields(line);
            if (f.size() > label && f.get(label).equals("1") && !f.get(b).matches(".*[,;0-9()].*")
                    && NameParser.refusal(f.get(a)).isEmpty() && NameParser.refusal(f.get(b)).isEmpty()) {
                out.add(new String[] {f.get(a), f.get(b)});
            }
        }
        Collections.shuffle(out, new Random(seed));
        return out.subList(0, Math.min(count, out.size()));
    }

    private record Recall(int byCompare, int byFindIn, int byEveryName, int byCompareOfEvery) {
    }

    private static Recall measure(List<String[]> sample) {
        NameSpotter spotter = new NameSpotter();
        List<String[]> watched = new ArrayList<>();
        for (String[] p : sample) {
            try {
                spotter.put("w" + watched.size(), p[0]);
                watched.add(p);
            } catch (IllegalArgumentException notAName) {
                // a watched side with nothing to look for cannot be watched
            }
        }
        int byCompare = 0;
        int byFindIn = 0;
        int byEvery = 0;
        int byCompareOfEvery = 0;
        for (int i = 0; i < watched.size(); i++) {
            String id = "w" + i;
            String name = watched.get(i)[1];
            boolean every = spotter.compareWithoutLookup(name).stream().anyMatch(s -> s.watchId().equals(id));
            boolean compared = spotter.compare(name).stream().anyMatch(s -> s.watchId().equals(id));
            if (every) {
                byEvery++;
                byCompareOfEvery += compared ? 1 : 0;
            }
            if (!compared) {
                continue;
            }
            byCompare++;
            String text = SENTENCES[i % SENTENCES.length].formatted(name);
            int at = text.indexOf(name);
            boolean found = spotter.findIn(text).stream()
                    .anyMatch(s -> s.watchId().equals(id) && s.start() >= at && s.end() <= at + name.length());
            byFindIn += found ? 1 : 0;

        }
        return new Recall(byCompare, byFindIn, byEvery, byCompareOfEvery);
    }

    @Test
    void findInFindsInSentencesWhatCompareFindsOnTheBareNames() {
        for (Map.Entry<String, List<String[]>> e : Map.of("all_pairs", pairs, "fullname_pairs", fullNames).entrySet()) {
            Recall r = measure(e.getValue());
            System.out.printf("%s: compare finds %d, findIn finds %d of them (%.1f%%); a comparison with every "
                            + "watched name finds %d, compare %d of them%n", e.getKey(), r.byCompare(), r.byFindIn(),
                    100.0 * r.byFindIn() / Math.max(1, r.byCompare()), r.byEveryName(), r.byCompareOfEvery());
            assertThat(r.byCompare()).as(e.getKey()).isGreaterThan(e.getValue().size() / 3);
            assertThat((double) r.byFindIn()).as(e.getKey() + ": findIn against compare")
                    .isGreaterThanOrEqualTo(0.97 * r.byCompare());
            assertThat((double) r.byCompareOfEvery()).as(e.getKey() + ": the lookup against every watched name")
                    .isGreaterThanOrEqualTo(0.97 * r.byEveryName());
        }
    }

    /** Just enough CSV (RFC 4180 quotes) for the development files. */
    static final class Csv {
        static List<String> fields(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
