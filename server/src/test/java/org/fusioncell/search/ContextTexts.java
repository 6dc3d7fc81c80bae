package org.fusioncell.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test text for text watches: the paragraphs of the five Arabic UN pages of {@code ../shared/context}
 * (tests skip when they are absent), the English summaries of that folder's README, and French and
 * English report-like sentences written for these tests.
 */
public final class ContextTexts {

    public static final List<String> FRENCH = List.of(
            "L'attentat contre la gare routière a fait trois blessés selon la police.",
            "Les enquêteurs ont identifié deux suspects après l'explosion près du marché central.",
            "Un attentat déjoué : les services ont saisi des explosifs dans un entrepôt du port.",
            "L'échange d'informations entre les États est essentiel pour prévenir les attentats.",
            "La cellule de fusion nationale recueille, rassemble et analyse les renseignements.",
            "Des combattants terroristes étrangers ont franchi la frontière de nuit, tous feux éteints.",
            "Le groupe armé a revendiqué l'enlèvement des travailleurs humanitaires.",
            "Un exercice de sécurité simulant un attentat a eu lieu à l'aéroport.",
            "Les autorités ont gelé les avoirs d'une association soupçonnée de financer le terrorisme.",
            "Une source fiable signale une réunion dans un entrepôt près du port avant l'aube.");

    public static final List<String> ENGLISH = List.of(
            "The terrorists attacked the convoy near the border; the group's leaders fled north.",
            "A suspicious vehicle was reported near the harbour by customs officers at night.",
            "Police foiled a bomb plot and arrested three suspects in a raid on a warehouse.",
            "The national fusion cell shares threat assessments with regional partners every week.",
            "Foreign terrorist fighters returning from the conflict zone were screened at the airport.",
            "Investigators are tracing a large transfer to an account abroad linked to the attack.",
            "A cell of fusion specialists met the ministry, which is not the same as a fusion cell.",
            "Security forces held an exercise simulating an attack on the central station.");

    private ContextTexts() {
    }

    /** The folder of Arabic UN pages, or a skipped test. */
    public static Path contextFolder() {
        Path context = Path.of("../../shared/context");
        if (!Files.isDirectory(context) && System.getenv("FUSIONCELL_TEST_DATA") != null) {
            context = Path.of(System.getenv("FUSIONCELL_TEST_DATA")).resolveSibling("context");
        }
        assumeTrue(Files.isDirectory(context), "the Arabic pages of ../shared/context are absent: skipped");
        return context;
    }

    /** Non-blank paragraphs of the five Arabic pages, in file order. */
    public static List<String> arabicParagraphs() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(contextFolder())) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{3}_.*\\.txt")).sorted().toList()) {
                for (String p : Files.readString(f, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                    if (!p.isBlank()) {
                        out.add(p.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assumeTrue(out.size() > 20, "the Arabic pages look incomplete: skipped");
        return out;
    }

    /** The English prose of the context README (its table's summaries), sentence by sentence. */
    public static List<String> englishSummaries() {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(contextFolder().resolve("README.md"), StandardCharsets.UTF_8)) {
                if (line.startsWith("| 0")) {
                    for (String s : line.split("\\|")[2].split("(?<=\\.) ")) {
                        if (s.strip().length() > 20) {
                            out.add(s.strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
